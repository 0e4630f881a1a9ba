import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../src/platform/services/app-error.ts';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import { createOrganisation } from '../../../src/modules/access/services/create-organisation.ts';
import { getOrganisation } from '../../../src/modules/access/services/get-organisation.ts';
import { listOrganisations } from '../../../src/modules/access/services/list-organisations.ts';
import { updateOrganisation } from '../../../src/modules/access/services/update-organisation.ts';
import { verifyAuditChain } from '../../../src/platform/audit/verify-audit-chain.ts';
import { createTenant, orgNumber, systemContext, unique, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

// One database for the file; every test makes its own tenants in it, so none depends on another having run.
let store: TestStore;

async function asUser(userId: string) {
  const actor: Actor | null = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store), actor, requestId: 'req-test' };
}

async function rejects(promise: Promise<unknown>, code: AppError['code'], field?: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code);
    if (field) assert.equal(error.fields[0]?.field, field);
    return true;
  });
}

/** Two service owners, each with its users: the one acting and another tenant it must not reach. */
async function twoTenants(): Promise<{ a: TestTenant; b: TestTenant }> {
  return { a: await createTenant(store), b: await createTenant(store) };
}

before(async () => {
  store = await createTestStore();
});
after(() => store.destroy());

describe('createOrganisation', () => {
  const invalid: [string, Record<string, string>, string][] = [
    ['a bad organisation number', { orgNumber: '974761077' }, 'orgNumber'],
    ['a code with capitals and spaces', { code: 'Not OK' }, 'code'],
    ['an e-mail without @', { contactEmail: 'post.example.no' }, 'contactEmail'],
    ['a one-letter name', { name: 'X' }, 'name'],
  ];
  for (const [what, change, field] of invalid) {
    it(`rejects ${what}, naming ${field}, and writes nothing`, async () => {
      const before = await store.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const code = unique('v');
      await rejects(
        createOrganisation(systemContext(store), {
          name: 'Valid Name',
          code,
          orgNumber: orgNumber(),
          contactEmail: 'a@b.no',
          ...change,
        }),
        'validation',
        field,
      );
      const after = await store.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });
  }

  it('refuses a duplicate code as a conflict on the field', async () => {
    const a = await createTenant(store);
    await rejects(
      createOrganisation(systemContext(store), {
        name: 'Copy',
        code: a.organisation.code,
        orgNumber: orgNumber(),
        contactEmail: 'a@b.no',
      }),
      'conflict',
      'code',
    );
  });

  it('writes one audit event with the change, in the same transaction', async () => {
    const code = unique('o');
    const org = await createOrganisation(
      { ...systemContext(store), requestId: 'req-1' },
      { name: 'Nyetaten', code, orgNumber: orgNumber(), contactEmail: 'post@ny.no' },
    );
    const events = await store.db.selectFrom('audit_events').selectAll().where('subject_id', '=', org.id).execute();
    assert.equal(events.length, 1);
    assert.equal(events[0]?.action, 'organisation.create');
    assert.equal(events[0]?.request_id, 'req-1');
    assert.deepEqual(JSON.parse(events[0]?.summary ?? '{}'), {
      name: 'Nyetaten',
      code,
      orgNumber: org.org_number,
      kind: 'owner',
      contactEmail: 'post@ny.no',
    });
  });

  it('leaves no organisation behind when its audit event cannot be written', async () => {
    const head = await store.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await store.db.deleteFrom('audit_head').execute();
    const code = unique('z');
    try {
      await assert.rejects(
        createOrganisation(systemContext(store), {
          name: 'Ghost',
          code,
          orgNumber: orgNumber(),
          contactEmail: 'g@h.no',
        }),
      );
    } finally {
      await store.db.insertInto('audit_head').values(head).execute();
    }
    const ghost = await store.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirst();
    assert.equal(ghost, undefined);
    assert.equal((await verifyAuditChain({ db: store.db })).ok, true);
  });
});

describe('tenant isolation in operations', () => {
  it('an owner admin lists only its own organisation', async () => {
    const { a } = await twoTenants();
    const list = await listOrganisations(await asUser(a.users['owner-admin'].userId));
    assert.deepEqual(
      list.map((o) => o.id),
      [a.organisation.id],
    );
  });

  it("another tenant's organisation is not found, by id or by code", async () => {
    const { a, b } = await twoTenants();
    const ctx = await asUser(a.users['owner-member'].userId);
    await rejects(getOrganisation(ctx, { id: b.organisation.id }), 'not-found');
    await rejects(getOrganisation(ctx, { id: b.organisation.code }), 'not-found');
  });

  it('an owner admin may change the contact e-mail but not the organisation number', async () => {
    const { a, b } = await twoTenants();
    const ctx = await asUser(a.users['owner-admin'].userId);
    const updated = await updateOrganisation(ctx, { id: a.organisation.id, contactEmail: 'ny@kontakt.no' });
    assert.equal(updated.contact_email, 'ny@kontakt.no');
    await rejects(updateOrganisation(ctx, { id: a.organisation.id, orgNumber: orgNumber() }), 'forbidden', 'orgNumber');
    await rejects(updateOrganisation(ctx, { id: b.organisation.id, contactEmail: 'x@y.no' }), 'not-found');
  });

  it('an owner member may not change anything', async () => {
    const a = await createTenant(store);
    await rejects(
      updateOrganisation(await asUser(a.users['owner-member'].userId), { id: a.organisation.id, name: 'Renamed' }),
      'forbidden',
    );
  });
});

describe('audit chain', () => {
  it('is intact after many operations and detects an edited row', async () => {
    // Its own database: the edit below breaks the chain, which other tests verify.
    const own = await createTestStore();
    try {
      const ctx = systemContext(own);
      const a = await createTenant(own);
      const b = await createTenant(own);
      for (const tenant of [a, b])
        await updateOrganisation(ctx, {
          id: tenant.organisation.id,
          contactEmail: `ny@${tenant.organisation.code}.no`,
        });
      const report = await verifyAuditChain({ db: own.db, pageSize: 7 });
      assert.equal(report.ok, true);
      assert.ok(report.checked > 10, `${report.checked} events checked, over more than one page`);
      const victim = await own.db
        .selectFrom('audit_events')
        .select('seq')
        .orderBy('seq')
        .offset(3)
        .limit(1)
        .executeTakeFirstOrThrow();
      await own.db
        .updateTable('audit_events')
        .set({ actor_label: 'someone-else' })
        .where('seq', '=', victim.seq)
        .execute();
      const broken = await verifyAuditChain({ db: own.db, pageSize: 7 });
      assert.deepEqual(broken.fault, { kind: 'tampered', seq: victim.seq });
    } finally {
      await own.destroy();
    }
  });
});
