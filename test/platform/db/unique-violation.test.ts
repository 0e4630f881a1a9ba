import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../src/platform/services/app-error.ts';
import {
  guardUnique,
  isUniqueViolation,
  uniqueViolationOf,
  violates,
  type UniqueField,
  type UniqueViolation,
} from '../../../src/platform/db/unique-violation.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

/** The shape better-sqlite3 throws: `SqliteError` with `code` and a message naming `table.column`s. */
function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'SqliteError', code });
}

/** The shape pg throws: `DatabaseError` with the SQLSTATE, the table, the constraint and the key in `detail`. */
function pgError(fields: { code: string; table?: string; constraint?: string; detail?: string }): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint'), {
    name: 'DatabaseError',
    ...fields,
  });
}

const cases: { name: string; error: unknown; expected: UniqueViolation | null }[] = [
  {
    name: 'better-sqlite3, a one-column key',
    error: sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: organisations.code'),
    expected: { table: 'organisations', constraint: null, columns: ['code'] },
  },
  {
    name: 'better-sqlite3, a composite key',
    error: sqliteError(
      'SQLITE_CONSTRAINT_UNIQUE',
      'UNIQUE constraint failed: memberships.user_id, memberships.organisation_id, memberships.role',
    ),
    expected: { table: 'memberships', constraint: null, columns: ['user_id', 'organisation_id', 'role'] },
  },
  {
    name: 'better-sqlite3, a primary key',
    error: sqliteError(
      'SQLITE_CONSTRAINT_PRIMARYKEY',
      'UNIQUE constraint failed: availability_rollups.component_id, availability_rollups.month',
    ),
    expected: { table: 'availability_rollups', constraint: null, columns: ['component_id', 'month'] },
  },
  {
    name: 'better-sqlite3, a unique index on expressions',
    error: sqliteError('SQLITE_CONSTRAINT_UNIQUE', "UNIQUE constraint failed: index 'users_email_lower'"),
    expected: { table: null, constraint: 'users_email_lower', columns: [] },
  },
  {
    name: 'pg, a one-column key',
    error: pgError({
      code: '23505',
      table: 'organisations',
      constraint: 'organisations_org_number_key',
      detail: 'Key (org_number)=(974760673) already exists.',
    }),
    expected: { table: 'organisations', constraint: 'organisations_org_number_key', columns: ['org_number'] },
  },
  {
    name: 'pg, a composite key whose values hold commas and parentheses',
    error: pgError({
      code: '23505',
      table: 'report_subscriptions',
      constraint: 'report_subscriptions_owner_email',
      detail: 'Key (owner_id, email)=(, "a,b)=(c"@x.no) already exists.',
    }),
    expected: {
      table: 'report_subscriptions',
      constraint: 'report_subscriptions_owner_email',
      columns: ['owner_id', 'email'],
    },
  },
  {
    name: 'pg, without the detail (no SELECT privilege on the columns)',
    error: pgError({ code: '23505', table: 'components', constraint: 'components_code_key' }),
    expected: { table: 'components', constraint: 'components_code_key', columns: [] },
  },
  {
    name: 'better-sqlite3, a NOT NULL violation',
    error: sqliteError('SQLITE_CONSTRAINT_NOTNULL', 'NOT NULL constraint failed: organisations.code'),
    expected: null,
  },
  {
    name: 'better-sqlite3, a foreign key violation',
    error: sqliteError('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed'),
    expected: null,
  },
  {
    name: 'better-sqlite3, a trigger refusing the write',
    error: sqliteError('SQLITE_CONSTRAINT_TRIGGER', 'service_reports rows are immutable'),
    expected: null,
  },
  { name: 'better-sqlite3, busy', error: sqliteError('SQLITE_BUSY', 'database is locked'), expected: null },
  {
    name: 'pg, a foreign key violation',
    error: pgError({ code: '23503', table: 'services', constraint: 'services_organisation_id_fkey' }),
    expected: null,
  },
  { name: 'pg, a serialization failure', error: pgError({ code: '40001' }), expected: null },
  {
    name: 'an error whose message only looks like one',
    error: new Error('UNIQUE constraint failed: organisations.code'),
    expected: null,
  },
  { name: 'an AppError conflict', error: AppError.field('code', 'already used', 'conflict'), expected: null },
  { name: 'a numeric code', error: Object.assign(new Error('x'), { code: 23505 }), expected: null },
  { name: 'a string', error: '23505', expected: null },
  { name: 'null', error: null, expected: null },
  { name: 'undefined', error: undefined, expected: null },
];

describe('uniqueViolationOf', () => {
  for (const { name, error, expected } of cases) {
    it(name, () => {
      assert.deepEqual(uniqueViolationOf(error), expected);
      assert.equal(isUniqueViolation(error), expected !== null);
    });
  }
});

describe('violates', () => {
  const code = { table: 'components', columns: ['code'] };
  const rows: { name: string; error: unknown; key: Parameters<typeof violates>[1]; expected: boolean }[] = [
    {
      name: 'the same table and columns',
      error: sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: components.code'),
      key: code,
      expected: true,
    },
    {
      name: 'the same column of another table',
      error: sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: organisations.code'),
      key: code,
      expected: false,
    },
    {
      name: 'a composite key in another order',
      error: pgError({
        code: '23505',
        table: 'memberships',
        constraint: 'memberships_user_org_role',
        detail: 'Key (organisation_id, user_id, role)=(a, b, c) already exists.',
      }),
      key: { table: 'memberships', columns: ['user_id', 'organisation_id', 'role'] },
      expected: false,
    },
    {
      name: 'pg without the detail, by the default name of a column key',
      error: pgError({ code: '23505', table: 'components', constraint: 'components_code_key' }),
      key: code,
      expected: true,
    },
    {
      name: 'pg without the detail, by a named constraint',
      error: pgError({ code: '23505', table: 'memberships', constraint: 'memberships_user_org_role' }),
      key: {
        table: 'memberships',
        columns: ['user_id', 'organisation_id', 'role'],
        constraint: 'memberships_user_org_role',
      },
      expected: true,
    },
    {
      name: 'pg without the detail, another constraint',
      error: pgError({ code: '23505', table: 'components', constraint: 'components_pkey' }),
      key: code,
      expected: false,
    },
    { name: 'not a unique violation', error: new Error('boom'), key: code, expected: false },
  ];
  for (const { name, error, key, expected } of rows) it(name, () => assert.equal(violates(error, key), expected));
});

describe('guardUnique', () => {
  const keys: UniqueField[] = [
    { table: 'organisations', columns: ['code'], field: 'code', message: 'already used' },
    { table: 'organisations', columns: ['org_number'], field: 'orgNumber', message: 'already used' },
  ];

  it('returns what the write returns', async () => {
    assert.equal(await guardUnique(keys, () => Promise.resolve(7)), 7);
  });

  it('turns a violation of a listed key into a conflict naming its field', async () => {
    const error = pgError({
      code: '23505',
      table: 'organisations',
      constraint: 'organisations_org_number_key',
      detail: 'Key (org_number)=(974760673) already exists.',
    });
    await assert.rejects(
      guardUnique(keys, () => Promise.reject(error)),
      (thrown: unknown) => {
        assert.ok(thrown instanceof AppError);
        assert.equal(thrown.code, 'conflict');
        assert.deepEqual(thrown.fields, [{ field: 'orgNumber', message: 'already used' }]);
        return true;
      },
    );
  });

  it('rethrows a violation of a key it was not given, and any other error, unchanged', async () => {
    const other = sqliteError('SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: organisations.id');
    await assert.rejects(
      guardUnique(keys, () => Promise.reject(other)),
      (thrown: unknown) => thrown === other,
    );
    const boom = new Error('boom');
    await assert.rejects(
      guardUnique(keys, () => Promise.reject(boom)),
      (thrown: unknown) => thrown === boom,
    );
  });
});

// The shapes above are what the drivers throw today; these provoke the real thing on the dialect under test.
describe('the driver under test', () => {
  let store: TestStore;
  before(async () => {
    store = await createTestStore();
  });
  after(() => store.destroy());

  async function failure(write: () => Promise<unknown>): Promise<unknown> {
    try {
      await write();
    } catch (error) {
      return error;
    }
    assert.fail('the write was expected to fail');
  }

  const organisation = (id: string, code: string, orgNumber: string) => ({
    id,
    kind: 'owner' as const,
    name: code,
    org_number: orgNumber,
    code,
    contact_email: 'post@x.no',
    created_at: 0,
    updated_at: 0,
  });

  it('reports a one-column key, a primary key and a named composite key', async () => {
    await store.db
      .insertInto('organisations')
      .values(organisation('o1', 'aaa', '911111111'))
      .execute();
    const code = await failure(() =>
      store.db
        .insertInto('organisations')
        .values(organisation('o2', 'aaa', '922222222'))
        .execute(),
    );
    assert.deepEqual(uniqueViolationOf(code)?.columns, ['code']);
    assert.ok(violates(code, { table: 'organisations', columns: ['code'] }));
    assert.ok(!violates(code, { table: 'organisations', columns: ['org_number'] }));

    const id = await failure(() =>
      store.db
        .insertInto('organisations')
        .values(organisation('o1', 'bbb', '933333333'))
        .execute(),
    );
    assert.ok(violates(id, { table: 'organisations', columns: ['id'], constraint: 'organisations_pkey' }));

    const row = { owner_id: '', email: 'a@x.no', lang: 'nb', created_at: 0 };
    await store.db
      .insertInto('report_subscriptions')
      .values({ id: 's1', ...row })
      .execute();
    const pair = await failure(() =>
      store.db
        .insertInto('report_subscriptions')
        .values({ id: 's2', ...row })
        .execute(),
    );
    assert.ok(violates(pair, { table: 'report_subscriptions', columns: ['owner_id', 'email'] }));
  });

  it('does not take a foreign key violation for one', async () => {
    const orphan = await failure(() =>
      store.db
        .insertInto('services')
        .values({
          id: 'svc',
          organisation_id: 'nobody',
          name: 'x',
          platform: 'altinn3',
          resource_id: 'x',
          status: 'active',
          created_at: 0,
          updated_at: 0,
        })
        .execute(),
    );
    assert.equal(uniqueViolationOf(orphan), null);
  });
});
