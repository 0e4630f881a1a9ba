import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { Component } from '../../../src/platform/db/schema.ts';
import {
  createOperator,
  createTenant,
  systemContext,
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
let component: Component;
let agent: Session;
let owner: Session;

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
  component = await createComponent(systemContext(store), {
    code: unique('apps'),
    name: 'Altinn Apps',
    calendarId: 'always',
    targetBasisPoints: 9990,
  });
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  owner = await logIn(app, tenant.users['owner-member'].email, testPassword);
});
after(() => store.destroy());

describe('availability pages', () => {
  it('lists every component with window, target and the month so far, and links it from the menu', async () => {
    const page = await html(owner, '/availability');
    assert.match(page, /<a[^>]*href="\/availability"[^>]*>Tilgjengelighet<\/a>/);
    const row = new RegExp(`data-component="${component.code}".*?</tr>`, 's').exec(page)?.[0] ?? '';
    assert.match(row, /Altinn Apps/);
    assert.match(row, /Hele døgnet, alle dager/);
    assert.match(row, /99,90 %/);
    assert.match(row, /100,00 %/);
    assert.match(row, /data-meets-target="yes"/);
  });

  it('shows the chart with its title, description and the 24 months as a table', async () => {
    const page = await html(owner, `/availability/${component.code}`);
    assert.match(page, /<svg[^>]*role="img"[^>]*aria-labelledby="chart-title" aria-describedby="chart-desc"/);
    assert.match(page, /<title id="chart-title">Tilgjengelighet per måned for Altinn Apps<\/title>/);
    assert.match(page, /<desc id="chart-desc">Søylediagram over 24 måneder fra april 2024 til mars 2026/);
    const table = /<table[^>]*niva-history.*?<\/table>/s.exec(page)?.[0] ?? '';
    assert.match(table, /<caption>Tilgjengelighet per måned \(tallene i diagrammet\)<\/caption>/);
    assert.equal(table.match(/<tr data-month=/g)?.length, 24);
    assert.match(page, /Ingen registrerte driftsavbrudd\./);
    assert.doesNotMatch(page, /action="[^"]*\/outages"/, 'an owner gets no forms');
  });

  it('lets an agent record an outage through the form, naming the fields it rejects', async () => {
    const base = `/availability/${component.code}`;
    const rejected = await post(agent, `${base}/outages`, {
      severity: 'unavailable',
      start: '2026-03-02T08:00',
      end: '2026-03-02T07:00',
      publicText: ' ',
    });
    assert.equal(rejected.status, 400);
    const form = await rejected.text();
    assert.match(form, /href="#outage-publicText">Offentlig tekst: Skriv hva brukerne merker\./);
    assert.match(form, /aria-invalid="true"/);

    const recorded = await post(agent, `${base}/outages`, {
      severity: 'unavailable',
      start: '2026-03-02T08:00',
      end: '',
      publicText: 'Innsending feiler',
    });
    assert.equal(recorded.status, 303, await recorded.text());
    assert.equal(recorded.headers.get('location'), `${base}?done=recorded`);
    const page = await html(agent, `${base}?done=recorded`);
    assert.match(page, /Driftsavbruddet er registrert\./);
    const row = /<tr data-outage=.*?<\/tr>/s.exec(page)?.[0] ?? '';
    assert.match(row, /Pågår/);
    assert.match(row, /Utilgjengelig/);
    assert.match(row, /Innsending feiler/);
    assert.match(row, /Avslutt driftsavbruddet/);
    const id = /data-outage="([^"]+)"/.exec(row)?.[1] ?? '';
    const ended = await post(agent, `${base}/outages/${id}/end`, { end: '2026-03-02T09:30' });
    assert.equal(ended.status, 303);
    const after = await html(agent, base);
    assert.doesNotMatch(after, /Pågår/);
    assert.match(
      /<tr data-month="2026-03".*?<\/tr>/s.exec(after)?.[0] ?? '',
      /Ikke nådd/,
      'the outage counts in March',
    );
  });

  it('lets an agent plan work and publish it, showing whether the notice was in time', async () => {
    const base = `/availability/${component.code}`;
    const missing = await post(agent, `${base}/maintenance`, {
      kind: 'emergency',
      title: 'Hastefiks',
      start: '2026-03-03T22:00',
      end: '2026-03-03T23:00',
      publicText: 'Kort nedetid',
      incidentCaseId: '',
    });
    assert.equal(missing.status, 400);
    assert.match(
      await missing.text(),
      /href="#f-incidentCaseId">Hendelse som rettes \(bare nødendring\): Oppgi saksreferansen til en A- eller B-hendelse\./,
    );

    const planned = await post(agent, `${base}/maintenance`, {
      kind: 'maintenance',
      title: 'Oppgradering av databasen',
      start: '2026-03-20T22:00',
      end: '2026-03-20T23:30',
      publicText: 'Apper kan være utilgjengelige.',
      incidentCaseId: '',
    });
    assert.equal(planned.status, 303, await planned.text());
    const draft = await html(agent, base);
    const row = /<tr data-maintenance=[^>]*data-status="draft".*?<\/tr>/s.exec(draft)?.[0] ?? '';
    assert.match(row, /Må kunngjøres senest/);
    const id = /data-maintenance="([^"]+)"/.exec(row)?.[1] ?? '';
    const published = await post(agent, `${base}/maintenance/${id}/publish`, {});
    assert.equal(published.status, 303);
    assert.equal(published.headers.get('location'), `${base}?done=published`);
    const page = await html(agent, `${base}?done=published`);
    assert.match(page, /Arbeidet er kunngjort i tide\./);
    assert.match(
      new RegExp(`data-maintenance="${id}".*?</tr>`, 's').exec(page)?.[0] ?? '',
      /data-notice="in-time">I tide \(senest/,
    );
  });

  it('shows an owner the pages without forms and refuses its posts', async () => {
    const base = `/availability/${component.code}`;
    const page = await html(owner, base);
    assert.match(page, /Innsending feiler/);
    assert.doesNotMatch(page, /<form method="post" action="\/availability/);
    const maintenance = await store.db
      .selectFrom('maintenance_windows')
      .select('id')
      .where('component_id', '=', component.id)
      .executeTakeFirstOrThrow();
    for (const [path, fields] of [
      [`${base}/outages`, { severity: 'unavailable', start: '2026-03-02T08:00', publicText: 'Planted' }],
      [
        `${base}/maintenance`,
        {
          kind: 'maintenance',
          title: 'Planted',
          start: '2026-03-20T22:00',
          end: '2026-03-20T23:00',
          publicText: 'Planted',
        },
      ],
      [`${base}/maintenance/${maintenance.id}/cancel`, {}],
      [`${base}/maintenance/${maintenance.id}/publish`, {}],
    ] as const) {
      assert.equal((await post(owner, path, fields)).status, 403, path);
    }
    const planted = await store.db.selectFrom('outages').select('id').where('public_text', '=', 'Planted').execute();
    assert.equal(planted.length, 0);
  });

  it('renders in nynorsk and English', async () => {
    assert.match(await html(owner, '/availability?lang=nn'), /<h1[^>]*>Tilgjengelegheit<\/h1>/);
    const en = await html(owner, `/availability/${component.code}?lang=en`);
    assert.match(en, /Monthly availability of Altinn Apps/);
    assert.match(en, /Availability per month \(the figures in the chart\)/);
  });

  it('answers 404 for an unknown component', async () => {
    const response = await app.request('/availability/no-such-component', { headers: { cookie: owner.cookie } });
    assert.equal(response.status, 404);
  });
});
