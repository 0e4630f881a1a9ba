import { createApiToken } from '../../../src/modules/access/services/create-api-token.ts';
import type { TokenScope } from '../../../src/platform/domain/roles.ts';
import type { Store } from '../../../src/platform/db/database.ts';
import { systemContext, testPassword } from '../../helpers/factories.ts';
import { bearer, callApi, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';

// What the billing API tests share: callers' credentials and reading problem documents.

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The fields a problem document names. */
export function fieldsOf(body: unknown): string[] {
  return ((body as Problem | null)?.errors ?? []).map((e) => e.field);
}

/** The headers of a signed-in person. */
export async function signedIn(app: TestApp, email: string): Promise<Record<string, string>> {
  return sessionHeaders(await logIn(app, email, testPassword), false);
}

/** The bearer header of a fresh API token of the organisation with the given scopes. */
export async function tokenHeaders(
  store: Store,
  organisationId: string,
  scopes: TokenScope[],
): Promise<Record<string, string>> {
  const { secret } = await createApiToken(systemContext(store), { organisationId, name: 'billing', scopes });
  return bearer(secret);
}

/** A caller bound to one app: `call('GET', '/billing/…')` → status and parsed body. */
export function caller(app: TestApp, headers: Record<string, string>) {
  return <T = unknown>(method: string, path: string, body?: unknown) => callApi<T>(app, headers, method, path, body);
}
