import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nationalIdHash } from '../../../src/platform/auth/identity-hash.ts';
import { createTenant, orgNumber, type TestTenant } from '../../helpers/factories.ts';
import { CookieJar } from '../../helpers/cookie-jar.ts';
import {
  browse,
  logInNationally,
  nationalLoginSettings,
  sessionOf,
  testResource,
} from '../../helpers/national-login.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { startTestProvider, type TestProvider } from '../../helpers/test-oidc-provider.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let provider: TestProvider;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let identityKey: string;
let a: TestTenant;
let b: TestTenant;
const pid = '24087011115';

async function count(table: 'sessions' | 'users' | 'memberships' | 'national_identities'): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function organisationsSeen(cookie: string): Promise<string[]> {
  const response = await app.request('/api/v1/organisations', { headers: { cookie } });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { items: { id: string }[] };
  return body.items.map((o) => o.id).sort();
}

before(async () => {
  store = await createTestStore();
  provider = await startTestProvider();
  const settings = nationalLoginSettings(provider);
  ({ app, clock, identityKey } = createTestApp(store, { ...settings, loginRatePerMinute: 10_000 }));
  provider.allowRedirects('http://localhost:8080');
  // Token checks judge time by Nivå's clock: the tests' clock starts at the machine's time.
  clock.set(Date.now());
  a = await createTenant(store);
  b = await createTenant(store);
  // The owner admin of A is also a member of B, and has logged in nationally before.
  const admin = a.users['owner-admin'].userId;
  await store.db
    .insertInto('memberships')
    .values({
      id: crypto.randomUUID(),
      user_id: admin,
      organisation_id: b.organisation.id,
      role: 'owner-member',
      created_at: 0,
    })
    .execute();
  await store.db
    .insertInto('national_identities')
    .values({ pid_hash: nationalIdHash(identityKey, pid), user_id: admin, created_at: 0 })
    .execute();
});
after(async () => {
  await provider.close();
  await store.destroy();
});

describe(`national login (${dialectUnderTest})`, () => {
  it('logs in with PKCE, state and nonce and acts for the one organisation chosen at the provider', async () => {
    provider.loginAs({ pid, acr: 'idporten-loa-substantial', parties: [a.organisation.org_number] });
    const login = await logInNationally(app, provider, { query: { next: '/services' } });
    assert.equal(login.response.status, 303, await login.response.text());
    assert.equal(login.response.headers.get('location'), '/services');
    const request = provider.lastAuthorization();
    assert.equal(request?.code_challenge_method, 'S256');
    assert.ok(typeof request?.code_challenge === 'string' && typeof request.nonce === 'string');
    assert.ok(typeof request.state === 'string');
    assert.equal(request.acr_values, 'idporten-loa-substantial');
    assert.deepEqual(JSON.parse(String(request.authorization_details)), [
      { type: 'ansattporten:altinn:resource', resource: testResource },
    ]);
    const cookie = sessionOf(login);
    // Acting for A: B's membership is not part of this session.
    assert.deepEqual(await organisationsSeen(cookie), [a.organisation.id]);
    const home = await app.request('/', { headers: { cookie } });
    assert.equal(home.status, 200);
    assert.match(await home.text(), new RegExp(a.users['owner-admin'].email.replace('.', '\\.')));
    const session = await store.db
      .selectFrom('sessions')
      .selectAll()
      .where('method', '=', 'oidc')
      .executeTakeFirstOrThrow();
    assert.equal(session.acr, 'idporten-loa-substantial');
    assert.equal(session.organisation_id, a.organisation.id);
    assert.ok(session.provider_sid, 'the provider session id is kept for front-channel logout');
    assert.ok(session.ends_at !== null && session.ends_at <= Date.now() + 3_600_000, 'not longer than the ID token');
    assert.ok(session.id_token_sealed && !session.id_token_sealed.includes('.'), 'the ID token is kept sealed');
    const audit = await store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'auth.login')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.summary), { method: 'oidc', acr: 'idporten-loa-substantial', grants: [] });
    assert.ok(!JSON.stringify(await store.db.selectFrom('audit_events').selectAll().execute()).includes(pid));
  });

  it('lets a person given several organisations choose one, and refuses a choice the provider did not give', async () => {
    provider.loginAs({ pid, parties: [a.organisation.org_number, b.organisation.org_number, orgNumber()] });
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 200);
    const page = await login.response.text();
    assert.match(page, new RegExp(`value="${b.organisation.org_number}"`));
    assert.match(page, new RegExp(`value="${a.organisation.org_number}"`));
    const form = (organisation: string, jar: CookieJar, html: string) =>
      browse(app, jar, '/login/national/organisation', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '',
          login: /name="login" value="([^"]+)"/.exec(html)?.[1] ?? '',
          organisation,
        }),
      });
    const tampered = await form(orgNumber(), login.jar, page);
    assert.equal(tampered.status, 403);
    assert.equal(login.jar.get('niva_session'), undefined);
    // Someone signed in for A logs in again and chooses B: the form carries the session's token, the old session ends.
    provider.loginAs({ pid, parties: [a.organisation.org_number] });
    const first = await logInNationally(app, provider);
    const firstCookie = sessionOf(first);
    provider.loginAs({ pid, parties: [a.organisation.org_number, b.organisation.org_number] });
    const again = await logInNationally(app, provider, { jar: first.jar });
    const chooser = await again.response.text();
    assert.equal(again.response.status, 200);
    const chosen = await form(b.organisation.org_number, again.jar, chooser);
    assert.equal(chosen.status, 303);
    assert.deepEqual(await organisationsSeen(sessionOf(again)), [b.organisation.id]);
    const old = await app.request('/api/v1/organisations', { headers: { cookie: firstCookie } });
    assert.equal(old.status, 401, 'the session it replaced is over');
  });

  it('refuses an organisation chosen before the login that the provider did not give', async () => {
    provider.loginAs({ pid, parties: [a.organisation.org_number] });
    const sessions = await count('sessions');
    const login = await logInNationally(app, provider, { query: { org: b.organisation.org_number } });
    assert.equal(login.response.status, 403);
    assert.match(await login.response.text(), /Virksomheten kan ikke velges/);
    assert.equal(await count('sessions'), sessions);
  });

  it('gives no access for an organisation the provider gave but Nivå does not know, and creates nothing', async () => {
    provider.loginAs({ pid, parties: [orgNumber()] });
    const before = await Promise.all([count('sessions'), count('users'), count('memberships')]);
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 403);
    assert.match(await login.response.text(), /Du har ikke tilgang til Nivå/);
    assert.deepEqual(await Promise.all([count('sessions'), count('users'), count('memberships')]), before);
  });

  it('refuses a wrong state, and a state from another browser, without using up the login', async () => {
    provider.loginAs({ pid, parties: [a.organisation.org_number] });
    const jar = new CookieJar();
    const start = await browse(app, jar, '/login/national');
    const callback = await provider.authorize(start.headers.get('location') ?? '');
    const wrong = new URL(callback);
    wrong.searchParams.set('state', 'not-the-state-that-was-sent');
    const refused = await browse(app, jar, `${wrong.pathname}${wrong.search}`);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Innloggingen kunne ikke fullføres/);
    const elsewhere = await browse(app, new CookieJar(), `${callback.pathname}${callback.search}`);
    assert.equal(elsewhere.status, 400, 'the state is bound to the browser that started the login');
    const right = await browse(app, jar, `${callback.pathname}${callback.search}`);
    assert.equal(right.status, 303);
  });

  it('refuses a replayed callback and a code used twice', async () => {
    provider.loginAs({ pid, parties: [a.organisation.org_number] });
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 303);
    const callback = login.callback ?? new URL('http://localhost');
    const replay = await browse(app, login.jar, `${callback.pathname}${callback.search}`);
    assert.equal(replay.status, 400, 'the state was used');
    // The same code under a fresh state: the provider refuses a code it has already exchanged.
    const start = await browse(app, login.jar, '/login/national');
    const fresh = new URL(start.headers.get('location') ?? '');
    const reused = new URL(callback);
    reused.searchParams.set('state', fresh.searchParams.get('state') ?? '');
    const sessions = await count('sessions');
    const answer = await browse(app, login.jar, `${reused.pathname}${reused.search}`);
    assert.equal(answer.status, 401);
    assert.equal(await count('sessions'), sessions);
  });

  it('refuses an ID token that has expired by the time it arrives', async () => {
    provider.loginAs({ pid, parties: [a.organisation.org_number] });
    provider.setIdTokenTtl(60);
    try {
      const jar = new CookieJar();
      const start = await browse(app, jar, '/login/national');
      const callback = await provider.authorize(start.headers.get('location') ?? '');
      clock.advance(5 * 60_000);
      const sessions = await count('sessions');
      const answer = await browse(app, jar, `${callback.pathname}${callback.search}`);
      assert.equal(answer.status, 401);
      assert.equal(await count('sessions'), sessions);
    } finally {
      provider.setIdTokenTtl(3600);
      clock.set(Date.now());
    }
  });

  it('answers with a clear page when the provider is down, and /readyz says so', async () => {
    const down = await startTestProvider();
    const settings = nationalLoginSettings(down);
    await down.close();
    const { app: offline, clock: offlineClock } = createTestApp(store, settings);
    offlineClock.set(Date.now());
    const start = await offline.request('/login/national');
    assert.equal(start.status, 503);
    const html = await start.text();
    assert.match(html, /ID-porten svarer ikke/);
    assert.doesNotMatch(html, /at \S+\.ts:\d+|Error:/);
    const ready = await offline.request('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { issuer: string }).issuer, 'unreachable');
    const up = await app.request('/readyz');
    assert.equal(((await up.json()) as { issuer: string }).issuer, 'reachable');
  });

  it('answers with the same page when the provider goes down between the redirect and the callback', async () => {
    const fleeting = await startTestProvider();
    fleeting.allowRedirects('http://localhost:8080');
    fleeting.loginAs({ pid, parties: [a.organisation.org_number] });
    const { app: relying, clock: relyingClock } = createTestApp(store, {
      ...nationalLoginSettings(fleeting),
      identitySecret: identityKey,
    });
    relyingClock.set(Date.now());
    const jar = new CookieJar();
    const start = await browse(relying, jar, '/login/national');
    const callback = await fleeting.authorize(start.headers.get('location') ?? '');
    await fleeting.close();
    const answer = await browse(relying, jar, `${callback.pathname}${callback.search}`);
    assert.equal(answer.status, 503);
    const html = await answer.text();
    assert.match(html, /Innlogging med ID-porten er ikke tilgjengelig akkurat nå/);
    assert.doesNotMatch(html, /at \S+\.ts:\d+|Error:|ECONNREFUSED/);
  });
});
