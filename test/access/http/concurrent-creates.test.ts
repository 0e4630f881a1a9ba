import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  orgNumber,
  testPassword,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../../helpers/test-store.ts';

// Two requests creating the same key at once both pass any look-up before the insert; the unique key decides, and the
// loser must get a 409 naming the field (on PostgreSQL the second insert waits for the first to commit and fails).

interface Problem {
  status: number;
  code: string;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let operatorAdmin: Record<string, string>;
let ownerAdmin: Record<string, string>;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  operatorAdmin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword));
  ownerAdmin = sessionHeaders(await logIn(app, a.users['owner-admin'].email, testPassword));
});

after(() => store.destroy());

async function count(
  table: 'organisations' | 'services' | 'components' | 'users' | 'memberships' | 'report_subscriptions',
  column: string,
  value: string,
) {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column as never, '=', value as never)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface Race {
  what: string;
  caller: () => Record<string, string>;
  path: string;
  /** The two bodies of one round; `key` is fresh each round. */
  bodies: (key: string) => [unknown, unknown];
  field: string;
  /** How many rows carry the key afterwards: exactly one. */
  rows: (key: string) => Promise<number>;
}

const races: Race[] = [
  {
    what: 'an organisation with the same code',
    caller: () => operatorAdmin,
    path: '/organisations',
    bodies: (key) => {
      const body = (orgNo: string) => ({
        name: `Etaten ${key}`,
        code: key,
        orgNumber: orgNo,
        contactEmail: 'post@e.no',
      });
      return [body(orgNumber()), body(orgNumber())];
    },
    field: 'code',
    rows: (key) => count('organisations', 'code', key),
  },
  {
    what: 'an organisation with the same organisation number',
    caller: () => operatorAdmin,
    path: '/organisations',
    bodies: (key) => {
      const body = (code: string) => ({ name: `Etaten ${code}`, code, orgNumber: key, contactEmail: 'post@e.no' });
      return [body(unique('o')), body(unique('o'))];
    },
    field: 'orgNumber',
    rows: (key) => count('organisations', 'org_number', key),
  },
  {
    what: 'a service with the same resource id',
    caller: () => ownerAdmin,
    path: '/services',
    bodies: (key) => {
      const body = { organisationId: a.organisation.id, name: 'Tjenesten', platform: 'altinn3', resourceId: key };
      return [body, body];
    },
    field: 'resourceId',
    rows: (key) => count('services', 'resource_id', key),
  },
  {
    what: 'a component with the same code',
    caller: () => operatorAdmin,
    path: '/components',
    bodies: (key) => {
      const body = { code: key, name: 'Komponenten', calendarId: 'always', targetBasisPoints: 9990 };
      return [body, body];
    },
    field: 'code',
    rows: (key) => count('components', 'code', key),
  },
  {
    what: 'a report subscription for the same address',
    caller: () => ownerAdmin,
    path: '/report-subscriptions',
    bodies: (key) => {
      const body = { owner: a.organisation.code, email: `${key}@e.no` };
      return [body, body];
    },
    field: 'email',
    rows: (key) => count('report_subscriptions', 'email', `${key}@e.no`),
  },
];

// Organisation numbers need a valid check digit; every other key is any fresh string.
const freshKey = (race: Race) => (race.field === 'orgNumber' ? orgNumber() : unique('k'));

describe(`concurrent creates of one unique key (${dialectUnderTest})`, () => {
  for (const race of races) {
    it(`${race.what}: one 201, one 409 naming ${race.field}, one row`, async () => {
      // A few rounds, so that the two requests really overlap at least once on PostgreSQL's pool.
      for (let round = 0; round < 3; round += 1) {
        const key = freshKey(race);
        const [first, second] = race.bodies(key);
        const answers = await Promise.all([
          callApi<Problem>(app, race.caller(), 'POST', race.path, first),
          callApi<Problem>(app, race.caller(), 'POST', race.path, second),
        ]);
        const statuses = answers.map((r) => r.status).sort();
        assert.deepEqual(statuses, [201, 409], JSON.stringify(answers.map((r) => r.body)));
        const conflict = answers.find((r) => r.status === 409)?.body;
        assert.equal(conflict?.code, 'conflict');
        assert.deepEqual(
          conflict?.errors?.map((e) => e.field),
          [race.field],
          JSON.stringify(conflict),
        );
        assert.equal(await race.rows(key), 1);
      }
    });
  }

  // Memberships are created when an invitation is accepted: test/access/http/invitations.test.ts races that.

  it('registers one external id twice at once: 201 and 200 with the same case, one row', async () => {
    const externalId = unique('ext-');
    const body = { kind: 'support-request', title: 'Skjemaet henger', externalId };
    const answers = await Promise.all([
      callApi<{ id: string }>(app, ownerAdmin, 'POST', '/cases', body),
      callApi<{ id: string }>(app, ownerAdmin, 'POST', '/cases', body),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 201], JSON.stringify(answers.map((r) => r.body)));
    assert.equal(answers[0]?.body.id, answers[1]?.body.id);
    const rows = await store.db.selectFrom('cases').select('id').where('external_id', '=', externalId).execute();
    assert.equal(rows.length, 1);
  });
});
