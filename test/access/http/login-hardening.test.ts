import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTenant, testPassword, unique, type TestTenant } from '../../helpers/factories.ts';
import { createTestApp, formSession, postLogin, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../../helpers/test-store.ts';
import { throttleKey } from '../../../src/platform/auth/login-throttle.ts';

let store: TestStore;
let app: TestApp;
let tenant: TestTenant;
const maxFailures = 5;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 10_000, loginMaxFailures: maxFailures }));
  tenant = await createTenant(store);
});
after(() => store.destroy());

/** The visible answer of a login page, without the address typed into it. */
async function answer(response: Response, email: string): Promise<{ status: number; alert: string }> {
  const html = await response.text();
  const alert = /role="alert"[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
  return { status: response.status, alert: alert.split(email).join('<email>') };
}

describe(`sign-in lock-out (${dialectUnderTest})`, () => {
  it('locks an account after 10 parallel wrong passwords: every failure counts', async () => {
    const { email } = tenant.users['owner-member'];
    const form = await formSession(app);
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => postLogin(app, { email, password: 'wrong-password-123' }, form)),
    );
    for (const response of attempts) assert.ok([401, 423].includes(response.status), String(response.status));
    const row = await store.db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key_hash', '=', throttleKey(email))
      .executeTakeFirstOrThrow();
    assert.equal(row.failures, 10, 'each parallel failure was counted');
    assert.ok(row.locked_until !== null, 'the address is locked');
    // Locked: even the right password is refused until the lock runs out.
    assert.equal((await postLogin(app, { email, password: testPassword }, form)).status, 423);
  });

  it('answers an unknown address exactly like a registered one, lock-out included', async () => {
    const known = tenant.users.auditor.email;
    const unknown = `${unique('ghost')}@test.niva.no`;
    const form = await formSession(app);
    const seen: Record<string, { status: number; alert: string }[]> = { known: [], unknown: [] };
    for (let i = 0; i < maxFailures + 1; i++) {
      for (const [which, email] of [
        ['known', known],
        ['unknown', unknown],
      ] as const) {
        seen[which]?.push(await answer(await postLogin(app, { email, password: 'wrong-password-123' }, form), email));
      }
    }
    assert.deepEqual(seen.unknown, seen.known);
    assert.deepEqual(
      seen.known?.map((a) => a.status),
      [...Array<number>(maxFailures).fill(401), 423],
    );
  });
});

describe('login CSRF', () => {
  it('refuses a login post without the form token of the login page', async () => {
    const { email } = tenant.users['owner-admin'];
    const bare = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: testPassword }),
    });
    assert.equal(bare.status, 403);
    assert.doesNotMatch(bare.headers.get('set-cookie') ?? '', /niva_session=/);
    const form = await formSession(app);
    const wrongToken = await app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      body: new URLSearchParams({ email, password: testPassword, _csrf: `${form.csrf.slice(1)}x` }),
    });
    assert.equal(wrongToken.status, 403);
  });

  it('refuses a login post from another site even with a token', async () => {
    const form = await formSession(app);
    const response = await app.request('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: form.cookie,
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ email: tenant.users['owner-admin'].email, password: testPassword, _csrf: form.csrf }),
    });
    assert.equal(response.status, 403);
  });

  it('signs in with the token of the page', async () => {
    const response = await postLogin(app, { email: tenant.users['owner-admin'].email, password: testPassword });
    assert.equal(response.status, 303);
    assert.match(response.headers.get('set-cookie') ?? '', /niva_session=/);
  });
});
