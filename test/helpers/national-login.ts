import type { Config } from '../../src/platform/config/config.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { CookieJar } from './cookie-jar.ts';
import type { TestApp } from './test-app.ts';
import type { TestProvider } from './test-oidc-provider.ts';

/** The Ansattporten resource the tests' Nivå asks for. */
export const testResource = 'urn:altinn:resource:niva-tilgang';

/** Settings of a Nivå relying on the test provider (as NIVA_… variables would give them), for createTestApp. */
export function nationalLoginSettings(provider: TestProvider, env: Record<string, string> = {}): Partial<Config> {
  const { databaseUrl: _ignored, ...config } = loadConfig({
    LOG_LEVEL: 'silent',
    NIVA_OIDC_DISCOVERY_URL: provider.discoveryUrl,
    NIVA_OIDC_CLIENT_ID: provider.clientId,
    NIVA_OIDC_CLIENT_SECRET: provider.clientSecret,
    NIVA_OIDC_SCOPES: 'openid profile email',
    NIVA_OIDC_RESOURCE: testResource,
    ...env,
  });
  return config;
}

export interface NationalLogin {
  /** Nivå's answer to the provider's callback (or to the start, when it did not send the browser away). */
  response: Response;
  /** The browser's cookies for Nivå: the login binding, then the session. */
  jar: CookieJar;
  /** Where the provider sent the browser back to (the callback with code, state and iss), if it did. */
  callback: URL | null;
  /** The browser's cookies for the provider (its session, for logging out there). */
  providerJar: CookieJar;
}

/** Calls Nivå as a browser with `jar`: the request's Cookie header from it, its Set-Cookie into it. */
export async function browse(app: TestApp, jar: CookieJar, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const response = await app.request(path, { ...init, headers });
  jar.store(response);
  return response;
}

/**
 * A national login as a browser makes it, redirects followed by hand: Nivå's start, the provider's authorization and
 * interaction (completed as the provider's current persona), and Nivå's callback.
 */
export async function logInNationally(
  app: TestApp,
  provider: TestProvider,
  options: { query?: Record<string, string>; jar?: CookieJar } = {},
): Promise<NationalLogin> {
  const jar = options.jar ?? new CookieJar();
  const providerJar = new CookieJar();
  const query = new URLSearchParams(options.query ?? {}).toString();
  const start = await browse(app, jar, `/login/national${query ? `?${query}` : ''}`);
  const location = start.headers.get('location');
  if (start.status !== 303 || !location) return { response: start, jar, callback: null, providerJar };
  const callback = await provider.authorize(location, providerJar);
  const response = await browse(app, jar, `${callback.pathname}${callback.search}`);
  return { response, jar, callback, providerJar };
}

/** The session cookie a login set, as a Cookie header. */
export function sessionOf(login: NationalLogin): string {
  const token = login.jar.get('niva_session');
  if (!token) throw new Error(`no session: ${login.response.status}`);
  return `niva_session=${token}`;
}
