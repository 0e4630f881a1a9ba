import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { holdableScopes } from '../../../src/platform/domain/roles.ts';
import {
  createOperator,
  createParty,
  createTenant,
  orgNumber,
  testPassword,
  type TestOperator,
  type TestParty,
  type TestTenant,
  unique,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let owner: TestTenant;
let party: TestParty;
let admin: Session;
let member: Session;

/** A JSON call to the API as a signed-in person: its status and the answer as text. */
async function api(session: Session, method: string, path: string, body?: unknown) {
  const response = await app.request(`/api/v1${path}`, {
    method,
    headers: sessionHeaders(session),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

function page(session: Session, path: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: sessionHeaders(session, false) }));
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 10_000 }));
  operator = await createOperator(store);
  owner = await createTenant(store);
  party = await createParty(store);
  admin = await logIn(app, party.users['party-admin'].email, testPassword);
  member = await logIn(app, party.users['party-member'].email, testPassword);
});
after(() => store.destroy());

describe('parties: organisations that are neither operator nor owner', () => {
  it('are created by the operator, with a valid organisation number, through the API and the form', async () => {
    const opAdmin = await logIn(app, operator.users['operator-admin'].email, testPassword);
    const code = unique('k');
    const created = await api(opAdmin, 'POST', '/organisations', {
      kind: 'party',
      name: `Kommune ${code}`,
      code,
      orgNumber: orgNumber(),
      contactEmail: `post@${code}.no`,
    });
    assert.equal(created.status, 201);
    assert.equal((JSON.parse(created.text) as { kind: string }).kind, 'party');
    const bad = await api(opAdmin, 'POST', '/organisations', {
      kind: 'party',
      name: 'Feil',
      code: unique('k'),
      orgNumber: '123456789',
      contactEmail: 'post@feil.no',
    });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /orgNumber/);
    const form = await page(opAdmin, '/organisations');
    assert.match(await form.text(), /<option value="party">Part \(mottaker\/avsender\)<\/option>/);
  });

  it('sign in to a home of their own, and see no owner’s cases, services, usage or reports', async () => {
    const home = await (await page(member, '/')).text();
    assert.match(home, new RegExp(party.organisation.name));
    assert.match(home, new RegExp(party.organisation.org_number));
    assert.doesNotMatch(home, new RegExp(owner.organisation.name), 'no owner on the home page');
    assert.doesNotMatch(home, /href="\/cases"/, 'no cases in the menu');
    for (const path of ['/cases', `/organisations/${owner.organisation.code}`, '/statistics', '/reports'])
      assert.ok([403, 404].includes((await page(member, path)).status), path);
    assert.equal((await page(member, '/availability')).status, 200, 'the platform’s availability is public');
    const listed = await api(member, 'GET', '/organisations');
    const items = (JSON.parse(listed.text) as { items: { id: string }[] }).items;
    assert.deepEqual(
      items.map((o) => o.id),
      [party.organisation.id],
    );
  });

  it('keep their own members in party roles only, and their tokens to what a party can hold', async () => {
    const invited = await api(admin, 'POST', '/members', {
      organisationId: party.organisation.id,
      email: `${unique('n')}@kommune.no`,
      role: 'party-member',
    });
    assert.equal(invited.status, 201, invited.text);
    const wrongRole = await api(admin, 'POST', '/members', {
      organisationId: party.organisation.id,
      email: `${unique('n')}@kommune.no`,
      role: 'owner-admin',
    });
    assert.equal(wrongRole.status, 400);
    assert.match(wrongRole.text, /cannot be held in a party organisation/);
    const byMember = await api(member, 'POST', '/members', {
      organisationId: party.organisation.id,
      email: `${unique('n')}@kommune.no`,
      role: 'party-member',
    });
    assert.equal(byMember.status, 403);
    assert.deepEqual(holdableScopes('party'), ['organisations:read', 'components:read', 'availability:read']);
    const token = await api(admin, 'POST', '/tokens', {
      organisationId: party.organisation.id,
      name: 'arkiv',
      scopes: ['cases:read'],
    });
    assert.equal(token.status, 400);
    assert.match(token.text, /scopes/);
  });
});
