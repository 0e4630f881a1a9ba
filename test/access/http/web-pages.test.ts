import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  orgNumber,
  testPassword,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;
let other: TestTenant;

function post(session: Session, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  body.set('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
}

function get(session: Session, path: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: { cookie: session.cookie } }));
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 1_000 }));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  other = await createTenant(store);
});
after(() => store.destroy());

describe('organisation pages', () => {
  it('let the operator admin create an organisation, and re-show the form with field errors when invalid', async () => {
    const session = await logIn(app, operator.users['operator-admin'].email, testPassword);
    const invalid = await post(session, '/organisations', {
      name: 'Ny etat',
      code: 'x',
      orgNumber: '111',
      contactEmail: 'post@ny.no',
    });
    assert.equal(invalid.status, 400);
    const html = await invalid.text();
    assert.match(html, /id="f-orgNumber"[^>]*aria-invalid="true"/);
    assert.match(html, /href="#f-code"/);
    assert.match(html, /value="Ny etat"/, 'what the user typed is kept');
    const code = unique('w');
    const created = await post(session, '/organisations', {
      name: 'Nyopprettet etat',
      code,
      orgNumber: orgNumber(),
      contactEmail: 'post@ny.no',
    });
    assert.equal(created.status, 303);
    const detail = await (await get(session, `/organisations/${code}`)).text();
    assert.match(detail, /Nyopprettet etat/);
  });

  it("show an owner only its own organisation; another's is a 404 page", async () => {
    const session = await logIn(app, tenant.users['owner-member'].email, testPassword);
    const list = await (await get(session, '/organisations')).text();
    assert.match(list, new RegExp(tenant.organisation.name));
    assert.doesNotMatch(list, new RegExp(other.organisation.name));
    assert.equal((await get(session, `/organisations/${other.organisation.code}`)).status, 404);
    assert.doesNotMatch(
      await (await get(session, `/organisations/${tenant.organisation.code}`)).text(),
      /name="contactEmail"/,
      'a member gets no edit form',
    );
  });

  it('let an owner admin change the contact e-mail', async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    const response = await post(session, `/organisations/${tenant.organisation.code}`, {
      name: tenant.organisation.name,
      contactEmail: 'ny-kontakt@test.niva.no',
      orgNumber: '000000000',
    });
    assert.equal(response.status, 303);
    const row = await store.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', tenant.organisation.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.contact_email, 'ny-kontakt@test.niva.no');
    assert.equal(row.org_number, tenant.organisation.org_number, 'the organisation number field is ignored for owners');
  });
});

describe('users and tokens pages', () => {
  it('let an owner admin invite a member only to its own organisation', async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    const page = await (await get(session, '/users')).text();
    assert.doesNotMatch(page, new RegExp(`value="${other.organisation.id}"`));
    const email = `${unique('n')}@test.niva.no`;
    assert.equal(
      (
        await post(session, '/users', {
          organisationId: tenant.organisation.id,
          email,
          role: 'owner-member',
        })
      ).status,
      303,
    );
    // Pending until accepted: listed among the invitations, not the members.
    const listed = await (await get(session, '/users?done=invited')).text();
    assert.match(listed.split('id="pending-invitations"')[1] ?? '', new RegExp(email));
    assert.doesNotMatch(listed.split('id="pending-invitations"')[0] ?? '', new RegExp(email));
    assert.equal(
      (
        await post(session, '/users', {
          organisationId: other.organisation.id,
          email: `${unique('x')}@x.no`,
          role: 'owner-admin',
        })
      ).status,
      404,
    );
    const bad = await post(session, '/users', {
      organisationId: tenant.organisation.id,
      email: 'not-an-email',
      role: 'owner-member',
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="f-email"[^>]*aria-invalid="true"/);
  });

  it('show a new token once, then only its prefix; revoking works', async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    const created = await post(session, '/tokens', {
      organisationId: tenant.organisation.id,
      name: 'Fagsystem',
      scopes: ['services:read', 'organisations:read'],
    });
    assert.equal(created.status, 201);
    const secret = /data-testid="token-secret">([^<]+)</.exec(await created.text())?.[1];
    assert.match(secret ?? '', /^niva_/);
    const list = await (await get(session, '/tokens')).text();
    assert.doesNotMatch(list, new RegExp(secret ?? 'never'));
    const row = await store.db
      .selectFrom('api_tokens')
      .select(['id'])
      .where('name', '=', 'Fagsystem')
      .executeTakeFirstOrThrow();
    assert.equal((await post(session, `/tokens/${row.id}/revoke`, {})).status, 303);
    const revoked = await store.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.notEqual(revoked.revoked_at, null);
    const noScopes = await post(session, '/tokens', { organisationId: tenant.organisation.id, name: 'Uten tilgang' });
    assert.equal(noScopes.status, 400);
  });
});

describe('audit and jobs pages', () => {
  it('let a platform auditor verify the chain and see a break', async () => {
    const session = await logIn(app, operator.users.auditor.email, testPassword);
    assert.match(await (await get(session, '/audit?verify=1')).text(), /Kjeden er intakt/);
    const victim = await store.db
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq')
      .limit(1)
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('audit_events')
      .set({ summary: '{"forged":true}' })
      .where('seq', '=', victim.seq)
      .execute();
    assert.match(
      await (await get(session, '/audit?verify=1&lang=en')).text(),
      new RegExp(`broken at event ${victim.seq} \\(tampered\\)`),
    );
  });

  it("show an owner admin only its own organisation's audit events, without the chain check", async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    const html = await (await get(session, '/audit?verify=1')).text();
    assert.doesNotMatch(html, /Kjeden er/);
    assert.doesNotMatch(html, new RegExp(other.organisation.code));
  });

  it('are not open to service owners for jobs', async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    assert.equal((await get(session, '/jobs')).status, 403);
  });
});
