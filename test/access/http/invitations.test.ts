import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import {
  callApi,
  createTestApp,
  formSession,
  logIn,
  sessionHeaders,
  type Session,
  type TestApp,
} from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { provisionMember } from '../../../src/modules/access/services/provision-member.ts';
import { systemContext } from '../../helpers/factories.ts';

interface Invitation {
  id: string;
  organisationId: string;
  email: string;
  role: string;
  expiresAt: string;
}
interface Member {
  membershipId: string;
  email: string;
  account: { lastLoginAt: string | null; locked: boolean } | null;
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let ownerAdmin: Record<string, string>;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 10_000 }));
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  ownerAdmin = sessionHeaders(await logIn(app, a.users['owner-admin'].email, testPassword));
});
after(() => store.destroy());

function invite(email: string, role = 'owner-member') {
  return callApi<Invitation>(app, ownerAdmin, 'POST', '/members', { organisationId: a.organisation.id, email, role });
}

/** The link of the invitation e-mail queued for an address (the outbox row of the invitation's transaction). */
async function mailedToken(email: string): Promise<string> {
  const jobs = await store.db.selectFrom('jobs').select('payload').where('kind', '=', 'email.send').execute();
  const mail = jobs
    .map((j) => JSON.parse(j.payload) as { to: string[]; text: string })
    .findLast((p) => p.to[0] === email);
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
  assert.ok(token, `no invitation mailed to ${email}`);
  return token;
}

async function postForm(path: string, fields: Record<string, string>, session: Session): Promise<Response> {
  return await app.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
  });
}

async function membersOfA(): Promise<Member[]> {
  const listed = await callApi<{ items: Member[] }>(
    app,
    ownerAdmin,
    'GET',
    `/members?organisationId=${a.organisation.id}`,
  );
  assert.equal(listed.status, 200);
  return listed.body.items;
}

describe('adding a member is an invitation the person accepts', () => {
  it("cannot attach another organisation's account, nor tell whether it exists", async () => {
    const outsider = operator.users['operator-admin'].email;
    const existing = await invite(outsider, 'owner-admin');
    const unknown = await invite(`${unique('new')}@test.niva.no`, 'owner-admin');
    assert.equal(existing.status, 201);
    assert.equal(unknown.status, 201);
    // The same shape and fields either way: nothing about the account.
    assert.deepEqual(Object.keys(existing.body).sort(), Object.keys(unknown.body).sort());
    assert.ok(!('created' in existing.body) && !('userId' in existing.body));
    // No membership until accepted: the outsider is not in the list, and nothing of their account shows.
    const members = await membersOfA();
    assert.ok(!members.some((m) => m.email === outsider));
    assert.ok(
      members.every((m) => m.account === null),
      'an owner sees no sign-in facts of accounts',
    );
    const pending = await callApi<{ items: Invitation[] }>(app, ownerAdmin, 'GET', '/invitations');
    assert.ok(pending.body.items.some((i) => i.id === existing.body.id && i.email === outsider));
  });

  it('lets an existing account accept once, signed in as the invited address', async () => {
    const person = b.users['owner-member'];
    await invite(person.email);
    const token = await mailedToken(person.email);
    const anonymous = await app.request(`/invitations/${token}`);
    assert.equal(anonymous.status, 200);
    assert.match(await anonymous.text(), /href="\/login\?next=/);
    const wrongPerson = await logIn(app, b.users.auditor.email, testPassword);
    assert.equal((await postForm(`/invitations/${token}`, {}, wrongPerson)).status, 403);
    const session = await logIn(app, person.email, testPassword);
    const accepted = await postForm(`/invitations/${token}`, {}, session);
    assert.equal(accepted.status, 303);
    assert.ok((await membersOfA()).some((m) => m.email === person.email));
    // Single use.
    assert.equal((await app.request(`/invitations/${token}`)).status, 404);
  });

  it('lets a new person choose a name and password, once, even when the form is sent twice at once', async () => {
    const email = `${unique('ny')}@test.niva.no`;
    await invite(email);
    const token = await mailedToken(email);
    const form = await formSession(app, `/invitations/${token}`);
    const fields = { name: 'Nina Ny', password: 'a-long-enough-password' };
    const noToken = await app.request(`/invitations/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
    assert.equal(noToken.status, 403, 'the anonymous form needs its pre-session token');
    const answers = await Promise.all([
      postForm(`/invitations/${token}`, fields, form),
      postForm(`/invitations/${token}`, fields, form),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [303, 404]);
    const users = await store.db.selectFrom('users').select('id').where('email', '=', email).execute();
    assert.equal(users.length, 1);
    const memberships = await store.db
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', users[0]?.id ?? '')
      .execute();
    assert.equal(memberships.length, 1);
    await logIn(app, email, fields.password);
  });

  it('withdraws a pending invitation: its link stops working', async () => {
    const email = `${unique('w')}@test.niva.no`;
    const { body } = await invite(email);
    const token = await mailedToken(email);
    assert.equal((await callApi(app, ownerAdmin, 'DELETE', `/invitations/${body.id}`)).status, 204);
    assert.equal((await app.request(`/invitations/${token}`)).status, 404);
    const pending = await callApi<{ items: Invitation[] }>(app, ownerAdmin, 'GET', '/invitations');
    assert.ok(!pending.body.items.some((i) => i.id === body.id));
  });
});

describe('removing a membership', () => {
  it("ends only that organisation's access: the person's sessions and other memberships stay", async () => {
    const email = `${unique('to')}@test.niva.no`;
    const ctx = systemContext(store);
    const inA = await provisionMember(ctx, {
      organisationId: a.organisation.id,
      email,
      name: 'To Steder',
      role: 'owner-member',
      password: testPassword,
    });
    await provisionMember(ctx, { organisationId: b.organisation.id, email, name: 'To Steder', role: 'owner-member' });
    const person = sessionHeaders(await logIn(app, email, testPassword));
    assert.equal((await callApi(app, ownerAdmin, 'DELETE', `/members/${inA.membershipId}`)).status, 204);
    const me = await callApi<{ memberships: { organisationId: string }[] }>(app, person, 'GET', '/me');
    assert.equal(me.status, 200, 'the session is still valid');
    assert.deepEqual(
      me.body.memberships.map((m) => m.organisationId),
      [b.organisation.id],
    );
    const services = await callApi(app, person, 'GET', `/services/${a.service.id}`);
    assert.equal(services.status, 404, "organisation A's data is out of reach at once");
  });

  it("shows the operator the accounts' sign-in facts", async () => {
    const opAdmin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword));
    const listed = await callApi<{ items: Member[] }>(
      app,
      opAdmin,
      'GET',
      `/members?organisationId=${a.organisation.id}`,
    );
    assert.ok(listed.body.items.length > 0);
    assert.ok(listed.body.items.every((m) => m.account !== null));
  });
});
