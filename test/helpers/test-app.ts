import { pino, type Logger } from 'pino';
import { usageSettingsFrom } from '../../src/modules/usage/usage-config.ts';
import { loadConfig, type Config } from '../../src/platform/config/config.ts';
import { builtInCalendars } from '../../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../../src/platform/domain/clock.ts';
import { createApp } from '../../src/app/http-app.tsx';
import { createMetrics } from '../../src/platform/http/metrics.ts';
import { createRateLimiter } from '../../src/platform/http/middleware/rate-limit.ts';
import { testEpoch } from './factories.ts';
import type { TestStore } from './test-store.ts';
import { outboundPolicy } from '../../src/platform/net/outbound-url.ts';
import { testResolver } from './outbound.ts';

export type TestApp = ReturnType<typeof createApp>;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
}

/**
 * The real application over a test database, with a controllable clock and a silent logger. Host names resolve
 * through the test resolver (no DNS), `names` as given; `outboundAllow` in the overrides is the app's
 * NIVA_OUTBOUND_ALLOW.
 */
export function createTestApp(
  store: TestStore,
  overrides: Partial<Config> = {},
  options: { names?: Readonly<Record<string, readonly string[]>>; logger?: Logger } = {},
) {
  const config = testConfig({ databaseUrl: store.url, ...overrides });
  // The runtime reads the stored key (test/access/http/link-secret.test.ts); a fixed one keeps this factory synchronous.
  const linkSecret = config.linkSecret ?? `test-link-secret-${store.url}`;
  const clock = fixedClock(testEpoch);
  const identityKey = config.identitySecret ?? `test-identity-key-${store.url}`;
  const app = createApp({
    store,
    config,
    clock,
    calendars: builtInCalendars(),
    usage: usageSettingsFrom(config),
    logger: options.logger ?? pino({ level: 'silent' }),
    metrics: createMetrics(),
    linkSecret,
    identityKey,
    loginLimiter: createRateLimiter({ limit: config.loginRatePerMinute, windowMs: 60_000 }),
    intakeLimiter: createRateLimiter({ limit: config.intakeRatePerMinute, windowMs: 60_000 }),
    subscribeLimiter: createRateLimiter({ limit: config.subscribeRatePerHour, windowMs: 3_600_000 }),
    outbound: outboundPolicy(config.outboundAllow, testResolver(options.names)),
  });
  return { app, clock, config, linkSecret, identityKey };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** The pre-session cookie and form token a browser gets with the login page. */
export async function formSession(app: TestApp, path = '/login'): Promise<Session> {
  const response = await app.request(path);
  const cookie = /niva_form=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1];
  if (!cookie || !csrf) throw new Error(`no form token on ${path}`);
  return { cookie: `niva_form=${cookie}`, csrf };
}

/** Posts the login form as a browser would: with the token of the page it was served on. */
export async function postLogin(app: TestApp, fields: Record<string, string>, form?: Session): Promise<Response> {
  const { cookie, csrf } = form ?? (await formSession(app));
  return app.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrf, ...fields }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
}

/** Logs in through the real login form and returns the session cookie and the CSRF token from a rendered page. */
export async function logIn(app: TestApp, email: string, password: string): Promise<Session> {
  const response = await postLogin(app, { email, password });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const match = /niva_session=([^;]+)/.exec(setCookie);
  if (response.status !== 303 || !match) throw new Error(`login failed for ${email}: ${response.status}`);
  const cookie = `niva_session=${match[1]}`;
  const page = await (await app.request('/tokens', { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on the page');
  return { cookie, csrf };
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

export function sessionHeaders(session: Session, json = true): Record<string, string> {
  return {
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    ...(json ? { 'content-type': 'application/json' } : {}),
  };
}

/** A JSON call to the API as the given caller; the body is parsed when there is one. */
export async function callApi<T>(
  app: TestApp,
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await app.request(`/api/v1${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
