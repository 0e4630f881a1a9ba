import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { caseOwnerCodes } from '../../../src/modules/cases/services/case-owner-codes.ts';
import { countCases } from '../../../src/modules/cases/services/count-cases.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { createOperator, createTenant, systemContext, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let a: TestTenant;
let b: TestTenant;
let system: ServiceContext;

async function asUser(userId: string): Promise<ServiceContext> {
  const actor = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store), actor };
}

before(async () => {
  store = await createTestStore();
  await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  system = systemContext(store);
  for (const organisationId of [a.organisation.id, a.organisation.id, b.organisation.id])
    await registerCase(system, { organisationId, kind: 'support-request', title: 'Innlogging feiler' });
  await registerCase(system, { organisationId: null, kind: 'incident', category: 'B', title: 'Plattformen er treg' });
});
after(() => store.destroy());

describe('caseOwnerCodes', () => {
  it('names every owner by code for the service desk, and leaves out ids it does not know', async () => {
    const codes = await caseOwnerCodes(system, {
      organisationIds: [a.organisation.id, b.organisation.id, '00000000-0000-0000-0000-000000000000'],
    });
    assert.deepEqual(
      [...codes].sort(),
      [
        [a.organisation.id, a.organisation.code],
        [b.organisation.id, b.organisation.code],
      ].sort(),
    );
    assert.equal((await caseOwnerCodes(system, { organisationIds: [] })).size, 0);
  });

  it('gives an owner its own code only', async () => {
    const owner = await asUser(a.users['owner-member'].userId);
    const codes = await caseOwnerCodes(owner, { organisationIds: [a.organisation.id, b.organisation.id] });
    assert.deepEqual([...codes], [[a.organisation.id, a.organisation.code]]);
  });
});

describe('countCases', () => {
  it('counts every case for the service desk, and an owner its own and the platform-wide incidents', async () => {
    assert.equal(await countCases(system), 4);
    assert.equal(await countCases(await asUser(a.users['owner-member'].userId)), 3);
    assert.equal(await countCases(await asUser(b.users['owner-admin'].userId)), 2);
  });
});
