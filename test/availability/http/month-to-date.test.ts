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
import { callApi, createTestApp, logIn, type Session, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

// The bug report: on 3 December, maintenance for 4 December 22:00–23:00 published too late for its notice rule made
// December "99.86 %, target missed" with a red bar, for work that had not happened yet.

interface Figure {
  month: string;
  availability: number | null;
  percent: string | null;
  meetsTarget: boolean;
  scheduledSeconds: number;
  downtimeSeconds: number;
  progress: string;
  through: string;
  projection: { availability: number | null; percent: string | null; downtimeSeconds: number } | null;
}

let store: TestStore;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let operator: TestOperator;
let tenant: TestTenant;
let component: Component;
let agent: Session;
let owner: Session;

/** Moves the clock and logs in again, since sessions idle out across the days the test jumps. */
async function at(instant: string): Promise<void> {
  clock.set(Date.parse(instant));
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  owner = await logIn(app, tenant.users['owner-member'].email, testPassword);
}

const december = () =>
  callApi<Figure>(app, sessionHeaders(owner), 'GET', `/components/${component.id}/availability?month=2026-12`);

async function page(path: string): Promise<string> {
  const response = await app.request(path, { headers: { cookie: owner.cookie } });
  assert.equal(response.status, 200, path);
  return response.text();
}

interface StatusJson {
  components: { code: string; state: string; days: { date: string; state: string }[] }[];
  upcomingMaintenance: { id: string }[];
}

/** The public status of the component: its state now and its days, the last one up to now. */
async function publicStatus() {
  const body = (await (await app.request('/status.json')).json()) as StatusJson;
  const own = body.components.find((c) => c.code === component.code);
  assert.ok(own);
  return { state: own.state, days: own.days.slice(-3), upcoming: body.upcomingMaintenance.map((w) => w.id) };
}

const row = (html: string, month: string) =>
  new RegExp(`<tr data-month="${month}"[^>]*>.*?</tr>`, 's').exec(html)?.[0] ?? '';
// The chart draws a month that misses its target in this red.
const redBar = /<rect[^>]*fill="#c01b1b"/;

before(async () => {
  store = await createTestStore();
  ({ app, clock } = createTestApp(store));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  component = await createComponent(systemContext(store), {
    code: unique('apps'),
    name: 'Altinn Apps',
    calendarId: 'always',
    targetBasisPoints: 9990,
  });
});
after(() => store.destroy());

describe('a month in progress is counted up to now', () => {
  let workId = '';

  it('leaves December at 100 % so far when late work is published for tomorrow', async () => {
    await at('2026-12-03T14:20:00Z');
    const planned = await callApi<{ id: string }>(app, sessionHeaders(agent), 'POST', '/maintenance', {
      componentId: component.id,
      kind: 'maintenance',
      title: 'Databaseoppgradering',
      publicText: 'Kort nedetid',
      start: '2026-12-04T22:00:00+01:00',
      end: '2026-12-04T23:00:00+01:00',
    });
    assert.equal(planned.status, 201, JSON.stringify(planned.body));
    workId = planned.body.id;
    const published = await callApi<{ deviations: string[] }>(
      app,
      sessionHeaders(agent),
      'POST',
      `/maintenance/${workId}/publish`,
    );
    assert.deepEqual(published.body.deviations, ['late-notice']);

    const figure = await december();
    assert.equal(figure.status, 200, JSON.stringify(figure.body));
    // 3 December 15:20 in Oslo: 63 h 20 min of December have passed.
    assert.deepEqual(
      {
        availability: figure.body.availability,
        percent: figure.body.percent,
        meetsTarget: figure.body.meetsTarget,
        scheduled: figure.body.scheduledSeconds,
        downtime: figure.body.downtimeSeconds,
        progress: figure.body.progress,
        through: figure.body.through,
      },
      {
        availability: 1,
        percent: '100.00',
        meetsTarget: true,
        scheduled: 63 * 3600 + 20 * 60,
        downtime: 0,
        progress: 'to-date',
        through: '2026-12-03T14:20:00.000Z',
      },
    );
    assert.deepEqual(
      [figure.body.projection?.availability, figure.body.projection?.percent, figure.body.projection?.downtimeSeconds],
      [743 / 744, '99.86', 3600],
      'the projection counts the work as it is planned',
    );
    const history = await callApi<{ items: Figure[] }>(
      app,
      sessionHeaders(owner),
      'GET',
      `/components/${component.code}/availability/history?months=2`,
    );
    assert.deepEqual(
      history.body.items.map((f) => [f.month, f.progress, f.percent, f.meetsTarget]),
      [
        ['2026-11', 'complete', '100.00', true],
        ['2026-12', 'to-date', '100.00', true],
      ],
    );
  });

  it('shows the public status up to now: the work is announced, not a day of maintenance yet', async () => {
    assert.deepEqual(await publicStatus(), {
      state: 'operational',
      days: [
        { date: '2026-12-01', state: 'ok' },
        { date: '2026-12-02', state: 'ok' },
        { date: '2026-12-03', state: 'ok' },
      ],
      upcoming: [workId],
    });
  });

  it('says so on the component page: met so far, no red bar, the projection apart', async () => {
    const html = await page(`/availability/${component.code}`);
    const current = row(html, '2026-12');
    assert.match(current, /data-progress="to-date"/);
    assert.match(current, /100,00 %/);
    assert.match(current, /data-meets-target="yes"/);
    assert.match(current, /Nådd hittil/);
    assert.doesNotMatch(current, /Ikke nådd/);
    assert.match(current, /Hittil, til 03\.12\.2026,? 15:20/);
    assert.match(current, /Fremskrevet, hvis kunngjort arbeid blir gjort: 99,86 %/);
    assert.doesNotMatch(html, redBar, 'no month of the chart misses its target');
    assert.match(html, /Tallet for desember 2026 gjelder til 03\.12\.2026,? 15:20\./, 'the chart description');
    assert.match(html, /Tallene for desember 2026 gjelder fra månedens start til 03\.12\.2026,? 15:20\./);
    assert.match(html, /om målet er nådd, avgjøres på tallet hittil/);

    const list = await page('/availability');
    const listed = new RegExp(`data-component="${component.code}".*?</tr>`, 's').exec(list)?.[0] ?? '';
    assert.match(listed, /100,00 %/);
    assert.match(listed, /Nådd hittil/);
    assert.match(listed, /data-projection="99.86"/);

    const en = await page(`/availability/${component.code}?lang=en`);
    assert.match(row(en, '2026-12'), /Met so far/);
    assert.match(row(en, '2026-12'), /Projected if the announced work happens: 99.86 %/);
    assert.match(row(await page(`/availability/${component.code}?lang=nn`), '2026-12'), /Framskrive, om kunngjort/);
  });

  it('counts the work once the clock has passed it', async () => {
    await at('2026-12-05T09:00:00Z');
    const figure = await december();
    // 5 December 10:00 in Oslo: 106 hours of December, one of them the late work.
    assert.deepEqual(
      [figure.body.availability, figure.body.percent, figure.body.meetsTarget, figure.body.downtimeSeconds],
      [105 / 106, '99.05', false, 3600],
    );
    assert.equal(figure.body.projection, null, 'no downtime ahead, nothing to project');
    const html = await page(`/availability/${component.code}`);
    assert.match(row(html, '2026-12'), /Ikke nådd hittil/);
    assert.match(html, redBar);
    assert.deepEqual((await publicStatus()).days, [
      { date: '2026-12-03', state: 'ok' },
      { date: '2026-12-04', state: 'maintenance' },
      { date: '2026-12-05', state: 'ok' },
    ]);
  });

  it('restores 100 % when the work is cancelled', async () => {
    await at('2026-12-03T14:30:00Z');
    await callApi(app, sessionHeaders(agent), 'POST', `/maintenance/${workId}/cancel`);
    await at('2026-12-05T09:00:00Z');
    const figure = await december();
    assert.deepEqual([figure.body.percent, figure.body.meetsTarget, figure.body.projection], ['100.00', true, null]);
  });
});
