import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { nationalIdHash } from '../../../src/platform/auth/identity-hash.ts';
import { createTenant, testPassword, type TestTenant } from '../../helpers/factories.ts';
import { browse, logInNationally, nationalLoginSettings, sessionOf } from '../../helpers/national-login.ts';
import { createTestApp, formSession, logIn, type TestApp } from '../../helpers/test-app.ts';
import { startTestProvider, type TestProvider } from '../../helpers/test-oidc-provider.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let provider: TestProvider;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let identityKey: string;
let tenant: TestTenant;
const pid = '05058010377';

async function signedIn(cookie: string): Promise<boolean> {
  return (await app.request('/api/v1/organisations', { headers: { cookie } })).status === 200;
}

before(async () => {
  store = await createTestStore();
  provider = await startTestProvider();
  provider.allowRedirects('http://localhost:8080');
  const created = createTestApp(store, { ...nationalLoginSettings(provider), loginRatePerMinute: 10_000 });
  ({ app, clock, identityKey } = created);
  clock.set(Date.now());
  tenant = await createTenant(store);
  await store.db
    .insertInto('national_identities')
    .values({ pid_hash: nationalIdHash(identityKey, pid), user_id: tenant.users['owner-member'].userId, created_at: 0 })
    .execute();
  provider.loginAs({ pid, parties: [tenant.organisation.org_number] });
});
after(async () => {
  await provider.close();
  await store.destroy();
});

describe(`national login sessions (${dialectUnderTest})`, () => {
  it('logs out at the provider too (RP-initiated logout), which sends the browser back to Nivå', async () => {
    const login = await logInNationally(app, provider);
    const cookie = sessionOf(login);
    const home = await (await browse(app, login.jar, '/')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1] ?? '';
    const out = await browse(app, login.jar, '/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    assert.equal(out.status, 303);
    const target = new URL(out.headers.get('location') ?? '');
    assert.equal(target.origin, provider.issuer);
    assert.equal(target.searchParams.get('post_logout_redirect_uri'), 'http://localhost:8080/logged-out');
    assert.equal(target.searchParams.get('client_id'), provider.clientId);
    assert.equal(target.searchParams.get('id_token_hint')?.split('.').length, 3);
    assert.equal(await signedIn(cookie), false, 'the Nivå session ended at once');
    assert.equal(login.jar.get('niva_session'), undefined);
    // The logout form may lead to the provider: the page's CSP lets it.
    assert.match(
      (await app.request('/')).headers.get('content-security-policy') ?? '',
      new RegExp(`form-action 'self' ${provider.issuer}`),
    );
    const back = await provider.logout(target.href, login.providerJar);
    assert.equal(back?.href, 'http://localhost:8080/logged-out');
    const page = await app.request('/logged-out');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Du er logget ut/);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'auth.logout')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.summary), { method: 'oidc' });
  });

  it('ends the sessions of a provider session that the provider logs out through the front channel', async () => {
    const login = await logInNationally(app, provider);
    const cookie = sessionOf(login);
    const { provider_sid: sid } = await store.db
      .selectFrom('sessions')
      .select('provider_sid')
      .where('method', '=', 'oidc')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.ok(sid);
    const elsewhere = await app.request(
      `/logout/front-channel?iss=${encodeURIComponent('https://other.example')}&sid=${sid}`,
    );
    assert.equal(elsewhere.status, 200);
    assert.equal(await signedIn(cookie), true, 'another issuer cannot end it');
    const framed = await app.request(`/logout/front-channel?iss=${encodeURIComponent(provider.issuer)}&sid=${sid}`);
    assert.equal(framed.status, 200);
    assert.match(framed.headers.get('content-security-policy') ?? '', new RegExp(`frame-ancestors ${provider.issuer}`));
    assert.equal(framed.headers.get('x-frame-options'), null, 'the provider frames it');
    assert.equal(await signedIn(cookie), false);
  });

  it('never lets a session outlive the ID token, however busy it is', async () => {
    provider.setIdTokenTtl(600);
    try {
      const login = await logInNationally(app, provider);
      const cookie = sessionOf(login);
      const session = await store.db
        .selectFrom('sessions')
        .select(['ends_at', 'expires_at'])
        .where('method', '=', 'oidc')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      assert.ok(session.ends_at !== null && session.ends_at <= Date.now() + 600_000);
      for (let minute = 2; minute <= 8; minute += 2) {
        clock.set((session.ends_at ?? 0) - 600_000 + minute * 60_000);
        assert.equal(await signedIn(cookie), true);
      }
      clock.set((session.ends_at ?? 0) + 1);
      assert.equal(await signedIn(cookie), false);
    } finally {
      provider.setIdTokenTtl(3600);
      clock.set(Date.now());
    }
  });

  it('authenticates to the provider with a private key (private_key_jwt)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'niva-1', alg: 'ES256', use: 'sig' };
    provider.registerKeyClient('niva-key', publicJwk);
    const settings = nationalLoginSettings(provider, {
      NIVA_OIDC_CLIENT_ID: 'niva-key',
      NIVA_OIDC_CLIENT_SECRET: '',
      NIVA_OIDC_PRIVATE_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      NIVA_OIDC_KEY_ID: 'niva-1',
    });
    const keyed = createTestApp(store, { ...settings, identitySecret: identityKey, loginRatePerMinute: 10_000 });
    keyed.clock.set(Date.now());
    const login = await logInNationally(keyed.app, provider);
    assert.equal(login.response.status, 303);
    assert.ok(login.jar.get('niva_session'));
  });
});

describe(`passwords switched off (${dialectUnderTest})`, () => {
  it('leaves only the national login: no password form, and the password routes are gone', async () => {
    const { app: national } = createTestApp(store, nationalLoginSettings(provider, { NIVA_PASSWORD_LOGIN: 'off' }));
    const page = await national.request('/login');
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.doesNotMatch(html, /name="password"/);
    assert.match(html, /href="\/login\/national"/);
    const form = await formSession(app);
    const posted = await national.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      body: new URLSearchParams({ _csrf: form.csrf, email: tenant.users['owner-member'].email, password: 'x' }),
    });
    assert.equal(posted.status, 404);
    const accept = await national.request('/invitations/any-token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      body: new URLSearchParams({ _csrf: form.csrf, name: 'Someone', password: 'long-enough-password' }),
    });
    assert.equal(accept.status, 404);
  });

  it('offers both on the login page while passwords are on, and records how each login was made', async () => {
    const html = await (await app.request('/login')).text();
    assert.match(html, /Logg inn med ID-porten/);
    assert.match(html, /name="password"/);
    await logIn(app, tenant.users.auditor.email, testPassword);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'auth.login')
      .where('subject_id', '=', tenant.users.auditor.userId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.summary), { method: 'password' });
  });
});
