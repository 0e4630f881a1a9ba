import { createOperator, createParty, createTenant, testPassword } from '../helpers/factories.ts';
import { bearer, logIn, sessionHeaders, type TestApp } from '../helpers/test-app.ts';
import type { TestStore } from '../helpers/test-store.ts';
import type { Caller, Fixtures } from './route-matrix-routes.ts';

/** The operator, two owners (A is the callers' own, B the one out of reach) and a party, each with its people. */
export async function createMatrixFixtures(store: TestStore): Promise<Fixtures> {
  const operator = await createOperator(store);
  return {
    store,
    operator,
    a: await createTenant(store),
    b: await createTenant(store),
    party: await createParty(store),
  };
}

/** Credentials of every caller: a signed-in session per person, a bearer header per token. */
export async function callerHeaders(app: TestApp, fx: Fixtures): Promise<Map<Caller, Record<string, string>>> {
  const headers = new Map<Caller, Record<string, string>>();
  const sessions: [Caller, string][] = [
    ['operator-admin', fx.operator.users['operator-admin'].email],
    ['operator-agent', fx.operator.users['operator-agent'].email],
    ['operator-auditor', fx.operator.users.auditor.email],
    ['owner-admin', fx.a.users['owner-admin'].email],
    ['owner-member', fx.a.users['owner-member'].email],
    ['owner-auditor', fx.a.users.auditor.email],
    ['party-admin', fx.party.users['party-admin'].email],
    ['party-member', fx.party.users['party-member'].email],
  ];
  for (const [caller, email] of sessions)
    headers.set(caller, sessionHeaders(await logIn(app, email, testPassword), false));
  headers.set('operator-token', bearer(fx.operator.token.secret));
  headers.set('owner-token', bearer(fx.a.token.secret));
  headers.set('party-token', bearer(fx.party.token.secret));
  return headers;
}
