import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { holdableScopes, tokenScopes } from '../../../src/platform/domain/roles.ts';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { nivaEnv, runNiva } from '../../helpers/cli.ts';

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 10_000 }));
  operator = await createOperator(store);
  tenant = await createTenant(store);
});
after(() => store.destroy());

describe('token scopes are limited to what the organisation can hold', () => {
  it('holds every scope for the operator and none unlocking platform-only actions for an owner', () => {
    assert.deepEqual(holdableScopes('operator'), Object.keys(tokenScopes));
    for (const scope of ['cases:work', 'availability:write', 'usage:write', 'support:write', 'reports:write'])
      assert.ok(!(holdableScopes('owner') as string[]).includes(scope), scope);
    assert.ok(holdableScopes('owner').includes('cases:write'));
  });

  it("refuses an owner token with operator-only scopes, naming scopes, even from the operator's admin", async () => {
    for (const email of [tenant.users['owner-admin'].email, operator.users['operator-admin'].email]) {
      const caller = sessionHeaders(await logIn(app, email, testPassword));
      const refused = await callApi<Problem>(app, caller, 'POST', '/tokens', {
        organisationId: tenant.organisation.id,
        name: 'for mye',
        scopes: ['services:read', 'usage:write'],
      });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.deepEqual(
        refused.body.errors?.map((e) => e.field),
        ['scopes'],
      );
    }
    const operatorAdmin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword));
    const allowed = await callApi(app, operatorAdmin, 'POST', '/tokens', {
      organisationId: operator.organisation.id,
      name: 'hendelsesbro',
      scopes: ['usage:write'],
    });
    assert.equal(allowed.status, 201);
  });

  it('offers an owner admin only the scopes its organisation can hold', async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    const page = await (await app.request('/tokens', { headers: { cookie: session.cookie } })).text();
    assert.match(page, /value="cases:write"/);
    assert.doesNotMatch(page, /value="cases:work"/);
    assert.doesNotMatch(page, /value="usage:write"/);
  });

  it('refuses the same on the command line', async () => {
    const result = await runNiva(
      ['token', 'create', '--org', tenant.organisation.code, '--name', 'cli', '--scopes', 'services:read,cases:work'],
      nivaEnv(store),
    );
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--scopes: not available/);
  });
});
