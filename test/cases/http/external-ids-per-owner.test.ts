import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOperator, createTenant, testPassword, unique, type TestTenant } from '../../helpers/factories.ts';
import { callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../../helpers/test-store.ts';

interface CaseBody {
  id: string;
  reference: string;
}
interface Problem {
  code: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let a: TestTenant;
let b: TestTenant;
let ownerA: Record<string, string>;
let ownerB: Record<string, string>;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 10_000 }));
  await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  ownerA = sessionHeaders(await logIn(app, a.users['owner-admin'].email, testPassword));
  ownerB = sessionHeaders(await logIn(app, b.users['owner-admin'].email, testPassword));
});
after(() => store.destroy());

describe(`identifiers chosen by owners tell nothing about other owners (${dialectUnderTest})`, () => {
  it('registers a case under an external id another owner uses, as if it were unused', async () => {
    const externalId = unique('crm-');
    const body = { kind: 'support-request', title: 'Skjemaet henger', externalId };
    const ofA = await callApi<CaseBody>(app, ownerA, 'POST', '/cases', body);
    assert.equal(ofA.status, 201);
    const unused = await callApi<CaseBody>(app, ownerB, 'POST', '/cases', { ...body, externalId: unique('crm-') });
    const usedByA = await callApi<CaseBody>(app, ownerB, 'POST', '/cases', body);
    assert.equal(unused.status, 201);
    assert.equal(usedByA.status, 201, 'the same answer as for an unused id');
    assert.notEqual(usedByA.body.id, ofA.body.id, "B's own case, not A's");
    // Each owner's id still finds its own case again.
    const againA = await callApi<CaseBody>(app, ownerA, 'POST', '/cases', body);
    const againB = await callApi<CaseBody>(app, ownerB, 'POST', '/cases', body);
    assert.deepEqual([againA.status, againA.body.id], [200, ofA.body.id]);
    assert.deepEqual([againB.status, againB.body.id], [200, usedByA.body.id]);
  });

  it("refuses another owner's resource id without naming the owner (resource ids are global in Altinn)", async () => {
    const taken = await callApi<Problem>(app, ownerB, 'POST', '/services', {
      organisationId: b.organisation.id,
      name: 'Kopi',
      platform: 'altinn3',
      resourceId: a.service.resource_id,
    });
    assert.equal(taken.status, 409);
    assert.deepEqual(
      taken.body.errors?.map((e) => e.field),
      ['resourceId'],
    );
    const text = JSON.stringify(taken.body);
    for (const secret of [a.organisation.id, a.organisation.code, a.organisation.name, a.service.id, a.service.name])
      assert.ok(!text.includes(secret), `the answer names ${secret}`);
  });
});
