import { isTokenScope } from '../../src/platform/domain/roles.ts';
import { issuerScope, type TestTokenIssuer } from '../helpers/test-token-issuer.ts';
import type { Caller, Fixtures, RouteCase } from './route-matrix-routes.ts';

/**
 * Callers holding a machine token from the test issuer (test/helpers/test-token-issuer.ts) for the organisation and
 * with the scopes of the API token named here. No `allow` list names them: every route expects of them exactly what
 * it expects of that token (`allows`).
 */
export const machineTokenTwins = {
  'operator-machine-token': 'operator-token',
  'owner-machine-token': 'owner-token',
} as const satisfies Partial<Record<Caller, Caller>>;

/** Whether a route lets the caller through on its own tenant: a machine-token caller as its API-token twin. */
export function allows(routeCase: RouteCase, caller: Caller): boolean {
  const twins: Partial<Record<Caller, Caller>> = machineTokenTwins;
  return routeCase.allow.includes(twins[caller] ?? caller);
}

/** A machine token for each machine-token caller: its twin's organisation, and its twin's scopes as stored. */
export async function machineTokens(issuer: TestTokenIssuer, fx: Fixtures): Promise<Map<Caller, string>> {
  const twins = [
    ['operator-machine-token', fx.operator.organisation.org_number, fx.operator.token.id],
    ['owner-machine-token', fx.a.organisation.org_number, fx.a.token.id],
  ] as const satisfies readonly (readonly [keyof typeof machineTokenTwins, string, string])[];
  const tokens = new Map<Caller, string>();
  for (const [caller, orgNumber, tokenId] of twins) {
    const { scopes } = await fx.store.db
      .selectFrom('api_tokens')
      .select('scopes')
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    const issuerScopes = scopes.split(' ').filter(isTokenScope).map(issuerScope);
    tokens.set(caller, await issuer.token({ orgNumber, scopes: issuerScopes }));
  }
  return tokens;
}
