import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nationalIdHash } from '../../../src/platform/auth/identity-hash.ts';
import { resolveSession } from '../../../src/platform/auth/sessions.ts';
import { createOperator, createTenant, type TestOperator, type TestTenant, unique } from '../../helpers/factories.ts';
import { logInNationally, nationalLoginSettings, sessionOf } from '../../helpers/national-login.ts';
import { callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { startTestProvider, type TestProvider } from '../../helpers/test-oidc-provider.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let provider: TestProvider;
let app: TestApp;
let ruled: TestApp;
let identityKey: string;
let levels: Parameters<typeof resolveSession>[4];
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;

const tables = ['users', 'memberships', 'sessions', 'national_identities', 'invitations', 'audit_events'] as const;

async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    tables.map(async (table) => {
      const row = await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function rolesOf(cookie: string): Promise<string[]> {
  const token = cookie.replace('niva_session=', '');
  const session = await resolveSession(store.db, token, Date.now(), 3_600_000, levels);
  return (session?.actor.memberships ?? []).map((m) => `${m.organisationId}:${m.role}`).sort();
}

/** Invites through the API as A's admin, signed in with a password. */
async function invite(body: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const admin = await logIn(app, a.users['owner-admin'].email, 'correct-horse-battery-staple');
  return callApi(app, sessionHeaders(admin), 'POST', '/members', { organisationId: a.organisation.id, ...body });
}

before(async () => {
  store = await createTestStore();
  provider = await startTestProvider();
  provider.allowRedirects('http://localhost:8080');
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  const settings = nationalLoginSettings(provider);
  const created = createTestApp(store, { ...settings, loginRatePerMinute: 10_000 });
  ({ app, identityKey } = created);
  created.clock.set(Date.now());
  levels = settings.nationalLogin?.roleAcr ?? null;
  const rules = JSON.stringify([{ organisation: a.organisation.org_number, role: 'owner-member' }]);
  const withRules = createTestApp(store, {
    ...nationalLoginSettings(provider, { NIVA_OIDC_RULES: rules }),
    identitySecret: identityKey,
    loginRatePerMinute: 10_000,
  });
  ruled = withRules.app;
  withRules.clock.set(Date.now());
});
after(async () => {
  await provider.close();
  await store.destroy();
});

describe(`who a national login lets in (${dialectUnderTest})`, () => {
  it('gives an unknown person a clear no-access page and creates nothing', async () => {
    provider.loginAs({ pid: '31129987688', parties: [a.organisation.org_number] });
    const before = await counts();
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 403);
    assert.match(await login.response.text(), /Du har ikke tilgang til Nivå/);
    assert.equal(login.jar.get('niva_session'), undefined);
    assert.deepEqual(await counts(), before);
  });

  it('accepts an invitation by e-mail on the first login whose provider vouches for that address', async () => {
    const email = `${unique('kari')}@test.niva.no`;
    assert.equal((await invite({ email, role: 'owner-member' })).status, 201);
    provider.loginAs({
      pid: '15039934563',
      email,
      emailVerified: true,
      name: 'Kari Nordmann',
      parties: [a.organisation.org_number],
    });
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 303);
    assert.deepEqual(await rolesOf(sessionOf(login)), [`${a.organisation.id}:owner-member`]);
    const user = await store.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    assert.equal(user.name, 'Kari Nordmann');
    assert.equal(user.password_hash, null);
    const audit = await store.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', user.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((e) => e.action),
      ['user.create', 'user.identity-link', 'membership.add', 'auth.login'],
    );
    assert.equal((JSON.parse(audit[2]?.summary ?? '{}') as { via?: string }).via, 'e-mail');
    const login2 = JSON.parse(audit[3]?.summary ?? '{}') as { method: string; acr: string; grants: unknown[] };
    assert.equal(login2.method, 'oidc');
    assert.deepEqual(login2.grants, [{ organisationId: a.organisation.id, role: 'owner-member', via: 'invitation' }]);
  });

  it('accepts an invitation by e-mail through its link when the provider gives no address', async () => {
    const email = `${unique('ola')}@test.niva.no`;
    assert.equal((await invite({ email, role: 'owner-member' })).status, 201);
    const job = await store.db
      .selectFrom('jobs')
      .select('payload')
      .where('payload', 'like', `%${email}%`)
      .executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(job.payload)?.[1] ?? '';
    const page = await (await app.request(`/invitations/${token}`)).text();
    assert.match(page, /Godta ved å logge inn med ID-porten/);
    provider.loginAs({ pid: '01010101278', parties: [a.organisation.org_number] });
    const login = await logInNationally(app, provider, { query: { invitation: token } });
    assert.equal(login.response.status, 303);
    assert.deepEqual(await rolesOf(sessionOf(login)), [`${a.organisation.id}:owner-member`]);
    assert.equal((await app.request(`/invitations/${token}`)).status, 404, 'the link is used');
  });

  it('accepts an invitation by national identity number, which is stored only as a keyed hash', async () => {
    const email = `${unique('nils')}@test.niva.no`;
    const nationalId = '02028545692';
    const created = await invite({ email, role: 'owner-member', nationalId });
    assert.equal(created.status, 201);
    assert.equal(created.body.byNationalId, true);
    const invitation = await store.db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.equal(invitation.national_id_hash, nationalIdHash(identityKey, nationalId));
    const everything = JSON.stringify([
      await store.db.selectFrom('invitations').selectAll().execute(),
      await store.db.selectFrom('jobs').selectAll().execute(),
      await store.db.selectFrom('audit_events').selectAll().execute(),
    ]);
    assert.ok(!everything.includes(nationalId), 'the number itself is kept nowhere');
    const mail = await store.db
      .selectFrom('jobs')
      .select('payload')
      .where('payload', 'like', `%${email}%`)
      .executeTakeFirstOrThrow();
    assert.match(mail.payload, /Logg inn med ID-porten/);
    assert.match(mail.payload, /http:\/\/localhost:8080\/login/);
    assert.doesNotMatch(mail.payload, /\/invitations\//, 'no link to accept with');
    assert.equal((await invite({ email, role: 'owner-member', nationalId: '02028545693' })).status, 400);
    provider.loginAs({ pid: nationalId, parties: [a.organisation.org_number] });
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 303);
    assert.deepEqual(await rolesOf(sessionOf(login)), [`${a.organisation.id}:owner-member`]);
    const user = await store.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const identity = await store.db
      .selectFrom('national_identities')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(identity.pid_hash, nationalIdHash(identityKey, nationalId));
  });

  it('takes a national identity number on the invitation form, and never shows it again', async () => {
    const admin = await logIn(app, a.users['owner-admin'].email, 'correct-horse-battery-staple');
    const form = await (await app.request('/users', { headers: { cookie: admin.cookie } })).text();
    assert.match(form, /id="f-nationalId"/);
    const email = `${unique('per')}@test.niva.no`;
    const post = (nationalId: string) =>
      app.request('/users', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          _csrf: admin.csrf,
          organisationId: a.organisation.id,
          email,
          role: 'owner-member',
          nationalId,
        }),
      });
    const wrong = await post('12345678901');
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /id="f-nationalId"[^>]*aria-invalid="true"/);
    assert.equal((await post('06068010487')).status, 303);
    const list = await (await app.request('/users', { headers: { cookie: admin.cookie } })).text();
    assert.match(list, /Godtas med fødselsnummer/);
    assert.doesNotMatch(list, /06068010487/);
    const api = await callApi<{ items: Record<string, unknown>[] }>(app, sessionHeaders(admin), 'GET', '/invitations');
    const item = api.body.items.find((i) => i.email === email);
    assert.equal(item?.byNationalId, true);
    assert.doesNotMatch(JSON.stringify(api.body), /06068010487|national_id_hash/);
  });

  it("never links a national identity to someone else's account on an inviter's word", async () => {
    const victim = b.users['owner-admin'].email;
    assert.equal((await invite({ email: victim, role: 'owner-admin', nationalId: '24087011115' })).status, 201);
    provider.loginAs({ pid: '24087011115', parties: [a.organisation.org_number, b.organisation.org_number] });
    const before = await counts();
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 403);
    assert.deepEqual(await counts(), before);
  });

  it('grants a role by rule to whoever acts for the organisation, and nothing without an address for the account', async () => {
    const email = `${unique('rule')}@test.niva.no`;
    provider.loginAs({ pid: '31129987688', email, parties: [a.organisation.org_number] });
    const login = await logInNationally(ruled, provider);
    assert.equal(login.response.status, 303);
    assert.deepEqual(await rolesOf(sessionOf(login)), [`${a.organisation.id}:owner-member`]);
    const granted = await store.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'membership.add')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal((JSON.parse(granted.summary) as { via?: string }).via, 'rule');
    // Acting for B, where no rule applies, the same person has nothing.
    provider.loginAs({ pid: '31129987688', email, parties: [b.organisation.org_number] });
    assert.equal((await logInNationally(ruled, provider)).response.status, 403);
    // A rule cannot make an account without an address to make it with.
    provider.loginAs({ pid: '24087011115', parties: [a.organisation.org_number] });
    const before = await counts();
    assert.equal((await logInNationally(ruled, provider)).response.status, 403);
    assert.deepEqual(await counts(), before);
  });

  it('does not grant operator-admin below idporten-loa-high: a clear page, and the higher level on request', async () => {
    const admin = operator.users['operator-admin'].userId;
    const pid = '04048010267';
    await store.db
      .insertInto('national_identities')
      .values({ pid_hash: nationalIdHash(identityKey, pid), user_id: admin, created_at: 0 })
      .execute();
    provider.loginAs({ pid, acr: 'idporten-loa-substantial', parties: [operator.organisation.org_number] });
    const before = await counts();
    const low = await logInNationally(app, provider);
    assert.equal(low.response.status, 403);
    const page = await low.response.text();
    assert.match(page, /For lavt sikkerhetsnivå/);
    assert.match(page, /href="\/login\/national\?level=high"/);
    assert.deepEqual(await counts(), before, 'no session, nothing granted');
    provider.loginAs({ pid, acr: 'idporten-loa-high', parties: [operator.organisation.org_number] });
    const high = await logInNationally(app, provider, { query: { level: 'high' } });
    assert.equal(provider.lastAuthorization()?.acr_values, 'idporten-loa-high');
    assert.equal(high.response.status, 303);
    assert.deepEqual(await rolesOf(sessionOf(high)), [`${operator.organisation.id}:operator-admin`]);
  });

  it('signs in without the role the level does not reach, keeping the others, and says so', async () => {
    const admin = operator.users['operator-admin'].userId;
    await store.db
      .insertInto('memberships')
      .values({
        id: crypto.randomUUID(),
        user_id: admin,
        organisation_id: operator.organisation.id,
        role: 'auditor',
        created_at: 0,
      })
      .execute();
    provider.loginAs({
      pid: '04048010267',
      acr: 'idporten-loa-substantial',
      parties: [operator.organisation.org_number],
    });
    const login = await logInNationally(app, provider);
    assert.equal(login.response.status, 200);
    assert.match(await login.response.text(), /uten den rollen/);
    assert.deepEqual(await rolesOf(sessionOf(login)), [`${operator.organisation.id}:auditor`]);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'auth.login')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.summary), {
      method: 'oidc',
      acr: 'idporten-loa-substantial',
      grants: [],
      withheldForLevel: true,
    });
  });
});
