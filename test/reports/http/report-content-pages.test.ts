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

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;
let agent: Session;
let ownerAdmin: Session;
let ownerMember: Session;

function post(session: Session, path: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ _csrf: session.csrf, ...fields });
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
}

async function html(session: Session, path: string): Promise<string> {
  const response = await app.request(path, { headers: { cookie: session.cookie } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.text();
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  ownerAdmin = await logIn(app, tenant.users['owner-admin'].email, testPassword);
  ownerMember = await logIn(app, tenant.users['owner-member'].email, testPassword);
});
after(() => store.destroy());

describe('report content page', () => {
  it('adds a news block through the form and shows its Markdown rendered, raw HTML as text', async () => {
    const empty = await html(agent, '/reports/content?month=2026-02');
    assert.match(empty, /<h1[^>]*>Innhold i servicerapporten<\/h1>/);
    assert.match(empty, /Innhold for februar 2026/);
    assert.match(empty, /Ingen nyheter for denne måneden\./);

    const rejected = await post(agent, '/reports/content/blocks', {
      month: '2026-02',
      kind: 'news',
      title: ' ',
      bodyMarkdown: 'x',
      position: '',
    });
    assert.equal(rejected.status, 400);
    assert.match(await rejected.text(), /href="#block-new-title">Tittel: Skriv en tittel på høyst 200 tegn\./);

    const added = await post(agent, '/reports/content/blocks', {
      month: '2026-02',
      kind: 'news',
      title: 'Altinn-kaffe',
      bodyMarkdown: 'Se **opptak** på [digdir.no](https://www.digdir.no/) <script>alert(1)</script>',
      position: '',
    });
    assert.equal(added.status, 303, await added.text());
    assert.equal(added.headers.get('location'), '/reports/content?month=2026-02&done=block-created');
    const page = await html(agent, '/reports/content?month=2026-02&done=block-created');
    assert.match(page, /Blokken er lagt til\./);
    const card = /data-block="[^"]+".*?<\/form><\/div>/s.exec(page)?.[0] ?? page;
    assert.match(card, /<h3[^>]*>Altinn-kaffe<\/h3>/);
    assert.match(card, /<strong>opptak<\/strong>/);
    assert.match(card, /<a href="https:\/\/www.digdir.no\/" rel="noopener noreferrer">digdir.no<\/a>/);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('edits and deletes a block, and adds a roadmap entry and a meeting', async () => {
    const page = await html(agent, '/reports/content?month=2026-02');
    const id = /data-block="([^"]+)"/.exec(page)?.[1] ?? '';
    const edited = await post(agent, `/reports/content/blocks/${id}`, {
      month: '2026-02',
      kind: 'project-status',
      title: 'Altinn Studio',
      bodyMarkdown: '- betaling',
      position: '3',
    });
    assert.equal(edited.status, 303);
    const after = await html(agent, '/reports/content?month=2026-02');
    assert.match(after, /Plass 3/);
    assert.match(after, /Ingen nyheter for denne måneden\./);

    const plan = await post(agent, '/reports/content/roadmap', {
      month: '2026-02',
      title: 'Systembruker',
      period: '2026-Q3',
      status: 'in-progress',
      componentId: '',
      description: '',
    });
    assert.equal(plan.status, 303);
    const badMeeting = await post(agent, '/reports/content/meetings', {
      month: '2026-02',
      title: 'Styringsråd',
      series: '',
      startsAt: '2026-03-19T12:00',
      endsAt: '2026-03-19T10:00',
      format: 'digital',
      location: '',
      url: 'javascript:alert(1)',
      description: '',
    });
    assert.equal(badMeeting.status, 400);
    const problems = await badMeeting.text();
    assert.match(problems, /href="#meeting-new-url">/);
    const meeting = await post(agent, '/reports/content/meetings', {
      month: '2026-02',
      title: 'Styringsråd',
      series: 'Styringsråd',
      startsAt: '2026-03-19T10:00',
      endsAt: '2026-03-19T13:00',
      format: 'digital',
      location: '',
      url: '',
      description: '',
    });
    assert.equal(meeting.status, 303, await meeting.text());
    const listed = await html(agent, '/reports/content?month=2026-02');
    assert.match(/<tr data-roadmap=.*?<\/tr>/s.exec(listed)?.[0] ?? '', /2026-Q3.*Systembruker.*Pågår/s);
    const row = /<tr data-meeting=.*?<\/tr>/s.exec(listed)?.[0] ?? '';
    assert.match(row, /19\.03\.2026,? 10:00/);
    assert.match(row, /Digitalt/);
    assert.match(row, /value="2026-03-19T10:00"/, 'the edit form shows Norwegian time');

    const deleted = await post(agent, `/reports/content/blocks/${id}/delete`, { month: '2026-02' });
    assert.equal(deleted.headers.get('location'), '/reports/content?month=2026-02&done=block-deleted');
    assert.match(await html(agent, '/reports/content?month=2026-02'), /Ingen prosjektstatus for denne måneden\./);
  });

  it('speaks nynorsk and English', async () => {
    const nn = await html(agent, '/reports/content?month=2026-02&lang=nn');
    assert.match(nn, /Innhald i servicerapporten/);
    assert.match(nn, /Vegkart/);
    assert.match(nn, /Legg til eit møte/);
    const en = await html(agent, '/reports/content?month=2026-02&lang=en');
    assert.match(en, /Service report content/);
    assert.match(en, /Add the block/);
    assert.match(en, /In progress/);
    await html(agent, '/reports/content?lang=nb');
  });

  it('is the operator’s: owners are refused and nothing is written', async () => {
    assert.equal((await app.request('/reports/content', { headers: { cookie: ownerAdmin.cookie } })).status, 403);
    const refused = await post(ownerAdmin, '/reports/content/blocks', {
      month: '2026-02',
      kind: 'news',
      title: 'Planted',
      bodyMarkdown: '',
    });
    assert.equal(refused.status, 403);
    const noCsrf = await app.request('/reports/content/blocks', {
      method: 'POST',
      headers: { cookie: agent.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ month: '2026-02', kind: 'news', title: 'X', bodyMarkdown: '' }),
    });
    assert.equal(noCsrf.status, 403);
    const anonymous = await app.request('/reports/content');
    assert.equal(anonymous.status, 303);
  });
});

describe('report subscriptions page', () => {
  it('lets an owner’s admin add and remove its own recipients', async () => {
    const page = await html(ownerAdmin, '/reports/subscriptions');
    assert.match(page, /<h1[^>]*>Mottakere av servicerapporten<\/h1>/);
    assert.doesNotMatch(page, /Plattformrapporten/, 'an owner cannot choose the platform report');
    assert.match(page, new RegExp(`<option value="${tenant.organisation.code}"`));

    const bad = await post(ownerAdmin, '/reports/subscriptions', {
      owner: tenant.organisation.code,
      email: 'ikke-en-adresse',
      lang: 'nb',
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /href="#subscribe-email">E-postadresse: Skriv en gyldig e-postadresse\./);
    const added = await post(ownerAdmin, '/reports/subscriptions', {
      owner: tenant.organisation.code,
      email: 'leder@a.no',
      lang: 'nn',
    });
    assert.equal(added.status, 303);
    const twice = await post(ownerAdmin, '/reports/subscriptions', {
      owner: tenant.organisation.code,
      email: 'leder@a.no',
      lang: 'nn',
    });
    assert.equal(twice.status, 409);
    assert.match(await twice.text(), /Adressen får allerede denne rapporten\./);
    const listed = await html(ownerAdmin, '/reports/subscriptions?done=subscribed');
    const row = /<tr data-subscription="([^"]+)".*?<\/tr>/s.exec(listed);
    assert.match(row?.[0] ?? '', /leder@a\.no.*Nynorsk/s);
    assert.match(listed, /Adressen får rapporten fra neste utsending\./);

    const removed = await post(ownerAdmin, `/reports/subscriptions/${row?.[1] ?? ''}/delete`, {});
    assert.equal(removed.status, 303);
    assert.match(await html(ownerAdmin, '/reports/subscriptions'), /Ingen mottakere ennå\./);
  });

  it('offers the operator the platform report, in English too, and refuses members', async () => {
    const page = await html(agent, '/reports/subscriptions?lang=en');
    assert.match(page, /Service report recipients/);
    assert.match(page, /<option value=""[^>]*>The platform report<\/option>/);
    const added = await post(agent, '/reports/subscriptions', { owner: '', email: 'ledelse@plattform.no', lang: 'en' });
    assert.equal(added.status, 303);
    assert.match(await html(agent, '/reports/subscriptions?lang=nn'), /Plattformrapporten.*ledelse@plattform\.no/s);
    assert.equal(
      (await app.request('/reports/subscriptions', { headers: { cookie: ownerMember.cookie } })).status,
      403,
    );
  });
});
