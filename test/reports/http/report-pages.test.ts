import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let agent: Session;
let ownerA: Session;

async function get(session: Session, path: string, status = 200): Promise<string> {
  const response = await app.request(path, { headers: { cookie: session.cookie } });
  assert.equal(response.status, status, `GET ${path}`);
  return response.text();
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  ownerA = await logIn(app, a.users['owner-member'].email, testPassword);
  await insertUsageRows(store, {
    imports: [
      { metric: 'consents', month: '2026-02', ownerId: a.organisation.id, count: 4321 },
      { metric: 'consents', month: '2026-02', ownerId: b.organisation.id, count: 8765 },
    ],
  });
});
after(() => store.destroy());

describe('report pages', () => {
  it('shows the previous month’s platform report with its sections, tables and charts', async () => {
    const html = await get(agent, '/reports');
    assert.match(html, /<h1>Servicerapport februar 2026<\/h1>/);
    for (const section of ['1. Plattformen', '2. Informasjon', '3. Treffpunkt', '4. Avtalekrav'])
      assert.ok(html.includes(`>${section}</h2>`), section);
    assert.match(html, /<caption>Samtykker/);
    assert.match(html, /13\u00a0086|13 086/, 'the platform figure: both owners');
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby=/);
    assert.match(html, /href="\/reports\/download\?month=2026-02&amp;lang=nb&amp;format=pdf"/);
    assert.match(html, /action="\/reports\/archive"/, 'the operator’s staff may archive');
  });

  it('speaks nynorsk and English', async () => {
    assert.match(await get(agent, '/reports?month=2026-02&lang=nn'), />1\. Plattforma<\/h2>/);
    assert.match(await get(agent, '/reports?month=2026-02&lang=en'), />4\. Agreement requirements<\/h2>/);
    await get(agent, '/reports?lang=nb');
  });

  it("offers an owner only its own report besides the platform's, and never another owner's", async () => {
    const html = await get(ownerA, `/reports?month=2026-02&owner=${a.organisation.code}`);
    assert.match(html, /4\u00a0321|4 321/);
    assert.doesNotMatch(html, /8\u00a0765|8 765|13\u00a0086|13 086/);
    assert.ok(html.includes(`value="${a.organisation.code}"`));
    assert.ok(!html.includes(`value="${b.organisation.code}"`));
    assert.doesNotMatch(html, /action="\/reports\/archive"/);
    await get(ownerA, `/reports?month=2026-02&owner=${b.organisation.code}`, 404);
    await get(ownerA, '/reports?month=20-02', 400);
  });

  it('archives a version from the page and shows it, with downloads of that version', async () => {
    const form = await get(agent, '/reports?month=2026-02');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const posted = await app.request('/reports/archive', {
      method: 'POST',
      headers: {
        cookie: agent.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:8080',
      },
      body: new URLSearchParams({ _csrf: csrf, month: '2026-02', owner: '' }),
    });
    assert.equal(posted.status, 303);
    const location = posted.headers.get('location') ?? '';
    assert.match(location, /^\/reports\/archive\/[0-9a-f-]{36}$/);
    const archived = await get(agent, location);
    assert.match(archived, /versjon 1/);
    assert.match(archived, /Du ser en arkivert versjon/);
    const pdf = await app.request(`${location}/download?format=pdf`, { headers: { cookie: agent.cookie } });
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const csv = await app.request(`${location}/download?format=csv&table=statistics-consents`, {
      headers: { cookie: agent.cookie },
    });
    assert.match(await csv.text(), /2026,,13086,/);
    // The owner reads the platform's archived version too.
    await get(ownerA, location);
  });

  it('sends the anonymous to the login page', async () => {
    const response = await app.request('/reports');
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /^\/login/);
  });
});
