import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { Component } from '../../../src/platform/db/schema.ts';
import { createTenant, systemContext, testEpoch, unique } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { assertWellFormedXml } from '../../helpers/well-formed-xml.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

const hour = 3_600_000;
const day = 24 * hour;
const now = testEpoch;

let store: TestStore;
let app: TestApp;
const components: Record<'apps' | 'studio' | 'test' | 'auth' | 'calm', Component> = {} as Record<
  'apps' | 'studio' | 'test' | 'auth' | 'calm',
  Component
>;
let publicCase = '';

async function outage(
  component: Component,
  severity: 'unavailable' | 'partial' | 'degraded',
  start: number,
  end: number | null,
  text: string,
): Promise<string> {
  const id = randomUUID();
  await store.db
    .insertInto('outages')
    .values({
      id,
      component_id: component.id,
      severity,
      start_at: start,
      end_at: end,
      source: 'manual',
      case_id: null,
      monitor_id: null,
      public_text: text,
      created_at: start,
      updated_at: end ?? start,
    })
    .execute();
  return id;
}

async function work(
  component: Component,
  status: 'draft' | 'published' | 'cancelled',
  start: number,
  end: number,
  title: string,
  text: string,
): Promise<string> {
  const id = randomUUID();
  await store.db
    .insertInto('maintenance_windows')
    .values({
      id,
      component_id: component.id,
      kind: 'maintenance',
      title,
      public_text: text,
      start_at: start,
      end_at: end,
      announced_at: status === 'draft' ? null : now - 20 * day,
      incident_case_id: null,
      notice_policy: 'maintenance',
      latest_announcement_at: start - 7 * day,
      notice_in_time: 1,
      inside_operating_hours: 0,
      status,
      created_at: now - 30 * day,
      updated_at: now - 20 * day,
    })
    .execute();
  return id;
}

async function incidentCase(
  organisationId: string | null,
  title: string,
  events: { visibility: 'public' | 'internal'; type: string; body: string | null }[],
): Promise<string> {
  const id = randomUUID();
  const number = Math.floor(Math.random() * 1_000_000);
  await store.db
    .insertInto('cases')
    .values({
      id,
      number,
      reference: `NIVA-${number}`,
      organisation_id: organisationId,
      kind: 'incident',
      category: 'A',
      status: 'in-progress',
      is_open: 1,
      in_queue: 1,
      paused: 0,
      title,
      description: 'Beskrivelse fra melderen',
      channel: 'portal',
      service_id: null,
      component_id: null,
      reporter_user_id: null,
      reporter_name: 'Melder',
      reporter_email: null,
      assignee_user_id: null,
      external_id: null,
      registered_at: now - 2 * hour,
      last_event_at: now - hour,
      resolved_at: null,
      closed_at: null,
      next_due_at: null,
      due_order: 0,
      event_count: events.length,
      created_at: now - 2 * hour,
      updated_at: now - hour,
    })
    .execute();
  await store.db
    .insertInto('case_events')
    .values(
      events.map((e, i) => ({
        id: randomUUID(),
        case_id: id,
        seq: i + 1,
        type: e.type,
        at: now - 2 * hour + i * 60_000,
        recorded_at: now,
        actor_type: 'user',
        actor_id: null,
        actor_label: 'Saksbehandler Hemmelig',
        category: null,
        visibility: e.visibility,
        body: e.body,
        data: null,
      })),
    )
    .execute();
  return id;
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  // Registered long ago, so every day of the bar has data.
  const early = systemContext(store, fixedClock(now - 200 * day));
  for (const [key, name] of [
    ['apps', 'Altinn Apps'],
    ['studio', 'Altinn Studio'],
    ['test', 'Testmiljøet'],
    ['auth', 'Innlogging'],
    ['calm', 'Meldingstjenesten'],
  ] as const) {
    components[key] = await createComponent(early, {
      code: unique(key),
      name,
      calendarId: 'always',
      targetBasisPoints: 9990,
    });
  }
  await outage(components.apps, 'unavailable', now - hour, null, 'Innsending feiler for alle');
  await outage(components.apps, 'degraded', now - 2 * hour, null, 'Treg innsending');
  await outage(components.studio, 'partial', now - hour, null, 'Bygg feiler for noen');
  await outage(components.test, 'degraded', now - hour, null, 'Testmiljøet er tregt');
  await outage(components.calm, 'unavailable', now - 3 * day, now - 3 * day + hour, 'Meldinger ble ikke levert');
  await work(
    components.auth,
    'published',
    now - hour,
    now + hour,
    'Oppgradering av innlogging',
    'Innlogging kan være ustabil',
  );
  await work(
    components.apps,
    'published',
    now + 10 * day,
    now + 10 * day + 2 * hour,
    'Ny versjon, med endringer; les mer',
    'Vi oppgraderer plattformen, databasen og køene; innsending stopper i to timer, og kvitteringer kommer senere enn vanlig. Kontakt brukerstøtte ved behov.',
  );
  await work(
    components.apps,
    'draft',
    now + 5 * day,
    now + 5 * day + hour,
    'Utkast som ikke er publisert',
    'Hemmelig utkast',
  );
  await work(components.apps, 'cancelled', now + 6 * day, now + 6 * day + hour, 'Avlyst arbeid', 'Avlyst');
  await work(components.calm, 'published', now + 70 * day, now + 70 * day + hour, 'Langt fram i tid', 'Senere');
  publicCase = await incidentCase(null, 'Innsending feiler på tvers av plattformen', [
    { visibility: 'public', type: 'registered', body: null },
    { visibility: 'public', type: 'work-started', body: null },
    { visibility: 'internal', type: 'commented', body: 'Intern merknad: databasen er full' },
    { visibility: 'public', type: 'commented', body: 'Vi har funnet årsaken og retter den.' },
    { visibility: 'public', type: 'feedback-given', body: 'Status sent by e-mail to hemmelig@example.com' },
  ]);
  const tenant = await createTenant(store);
  await incidentCase(tenant.organisation.id, 'Eierens egen sak om skjema', [
    { visibility: 'public', type: 'commented', body: 'Eierens kommentar' },
  ]);
});
after(() => store.destroy());

async function page(query = ''): Promise<string> {
  const response = await app.request(`/status${query}`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  return response.text();
}

function stateOf(html: string, component: Component): string | undefined {
  const row = new RegExp(`data-component="${component.code}"[\\s\\S]*?data-state="([a-z]+)"[^>]*>([^<]+)<`).exec(html);
  return row ? `${row[1]}:${row[2]}` : undefined;
}

/** A small well-formedness check: every tag closes in order and only XML's own entities are used. */
describe('the public status page', () => {
  it('shows each component’s state without anyone signed in', async () => {
    const html = await page();
    assert.equal(stateOf(html, components.apps), 'major:Utilgjengelig', 'the worst ongoing outage wins');
    assert.equal(stateOf(html, components.studio), 'partial:Delvis utilgjengelig');
    assert.equal(stateOf(html, components.test), 'degraded:Redusert funksjonalitet');
    assert.equal(stateOf(html, components.auth), 'maintenance:Vedlikehold');
    assert.equal(stateOf(html, components.calm), 'operational:Normal drift', 'an ended outage is history');
    assert.doesNotMatch(html, /action="\/logout"/, 'nobody is signed in');
  });

  it('lists active incidents with public updates only, and never an owner’s case', async () => {
    const html = await page();
    assert.match(html, /Innsending feiler for alle/);
    assert.match(html, /Innsending feiler på tvers av plattformen/);
    assert.match(html, /Vi har funnet årsaken og retter den\./);
    assert.match(html, /data-update="work-started"/);
    assert.doesNotMatch(html, /Intern merknad|databasen er full/);
    assert.doesNotMatch(html, /hemmelig@example\.com|Saksbehandler Hemmelig|Beskrivelse fra melderen/);
    assert.doesNotMatch(html, /Eierens/);
    assert.doesNotMatch(html, /Meldinger ble ikke levert/, 'an ended outage is not active');
  });

  it('lists published maintenance of the next 60 days only', async () => {
    const html = await page();
    assert.match(html, /Ny versjon, med endringer; les mer/);
    assert.match(html, /Oppgradering av innlogging/);
    assert.doesNotMatch(html, /Utkast som ikke er publisert|Avlyst arbeid|Langt fram i tid/);
  });

  it('draws 90 labelled days per component', async () => {
    const html = await page();
    const bar =
      new RegExp(
        `<ol[^>]*aria-label="Altinn Apps: de siste 90 dagene"[^>]*data-days="${components.apps.code}"[^>]*>([\\s\\S]*?)</ol>`,
      ).exec(html)?.[1] ?? '';
    const days = [
      ...bar.matchAll(
        /<li[^>]*data-day="(\d{4}-\d{2}-\d{2})" data-state="([a-z]+)"[^>]*><span class="ds-sr-only">([^<]+)<\/span><\/li>/g,
      ),
    ];
    assert.equal(days.length, 90);
    assert.equal(days.at(-1)?.[1], '2026-03-02', 'the last day is today in Oslo');
    assert.equal(days.at(-1)?.[2], 'outage');
    assert.match(days.at(-1)?.[3] ?? '', /2\. mars 2026: Utilgjengelig/);
    const calm = new RegExp(`data-days="${components.calm.code}"[^>]*>([\\s\\S]*?)</ol>`).exec(html)?.[1] ?? '';
    assert.match(calm, /data-day="2026-02-27" data-state="outage"/);
    assert.match(calm, /data-day="2026-02-28" data-state="ok"/);
    const auth = new RegExp(`data-days="${components.auth.code}"[^>]*>([\\s\\S]*?)</ol>`).exec(html)?.[1] ?? '';
    assert.match(auth, /data-day="2026-03-02" data-state="maintenance"/);
  });

  it('marks days before a component existed as without data', async () => {
    const late = await createComponent(systemContext(store, fixedClock(now - 10 * day)), {
      code: unique('late'),
      name: 'Ny komponent',
      calendarId: 'always',
      targetBasisPoints: 9990,
    });
    const html = await page();
    const bar = new RegExp(`data-days="${late.code}"[^>]*>([\\s\\S]*?)</ol>`).exec(html)?.[1] ?? '';
    assert.equal([...bar.matchAll(/data-state="nodata"/g)].length, 79);
    assert.equal([...bar.matchAll(/data-state="ok"/g)].length, 11);
    await store.db.deleteFrom('components').where('id', '=', late.id).execute();
  });

  it('renders in nynorsk and English', async () => {
    const nn = await page('?lang=nn');
    assert.match(nn, /<html lang="nn"/);
    assert.equal(stateOf(nn, components.apps), 'major:Utilgjengeleg');
    assert.equal(stateOf(nn, components.studio), 'partial:Delvis utilgjengeleg');
    assert.equal(stateOf(nn, components.auth), 'maintenance:Vedlikehald');
    const en = await page('?lang=en');
    assert.match(en, /<html lang="en"/);
    assert.equal(stateOf(en, components.apps), 'major:Major outage');
    assert.equal(stateOf(en, components.studio), 'partial:Partial outage');
    assert.equal(stateOf(en, components.test), 'degraded:Degraded performance');
    assert.equal(stateOf(en, components.calm), 'operational:Operational');
    assert.match(en, /aria-label="Altinn Apps: the last 90 days"/);
  });
});

describe('the status feeds', () => {
  it('serves status.json for other sites to embed', async () => {
    const response = await app.request('/status.json');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('cache-control') ?? '', /max-age=\d+/);
    interface Json {
      generatedAt: string;
      components: { code: string; state: string; days: unknown[] }[];
      activeIncidents: { type: string; id: string; start: string; updates: { type: string; body: string | null }[] }[];
      upcomingMaintenance: { title: string; start: string; end: string; inProgress: boolean }[];
    }
    const body = (await response.json()) as Json;
    assert.equal(body.generatedAt, new Date(now).toISOString());
    assert.equal(body.components.find((c) => c.code === components.apps.code)?.state, 'major');
    assert.equal(body.components.find((c) => c.code === components.auth.code)?.state, 'maintenance');
    assert.equal(body.components[0]?.days.length, 90);
    const incident = body.activeIncidents.find((i) => i.id === publicCase);
    assert.deepEqual(
      incident?.updates.map((u) => u.type),
      ['registered', 'work-started', 'commented'],
    );
    assert.equal(body.activeIncidents.filter((i) => i.type === 'outage').length, 4);
    assert.match(body.activeIncidents[0]?.start ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.deepEqual(
      body.upcomingMaintenance.map((w) => [w.title, w.inProgress]),
      [
        ['Oppgradering av innlogging', true],
        ['Ny versjon, med endringer; les mer', false],
      ],
    );
    assert.doesNotMatch(JSON.stringify(body), /Intern merknad|Eierens|hemmelig|Hemmelig utkast/i);
  });

  it('serves an Atom feed of incidents and maintenance', async () => {
    const response = await app.request('/status/feed.atom');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    const xml = await response.text();
    assertWellFormedXml(xml);
    assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    assert.match(xml, /^ {2}<id>[^<]+\/status<\/id>$/m);
    assert.match(xml, /^ {2}<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>$/m);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1] ?? '');
    // Four ongoing and one ended outage, one incident, two announced pieces of work.
    assert.equal(entries.length, 8);
    for (const entry of entries)
      for (const field of ['id', 'title', 'updated', 'content'])
        assert.match(entry, new RegExp(`<${field}[ >]`), `an entry has ${field}`);
    assert.match(xml, /<title>Planlagt vedlikehold: Altinn Apps – Ny versjon, med endringer; les mer<\/title>/);
    assert.match(xml, /<title>Løst: Meldingstjenesten<\/title>/);
    assert.doesNotMatch(xml, /Intern merknad|Eierens|Hemmelig utkast/);
  });

  it('serves published maintenance as iCalendar with CRLF, folding and escaping', async () => {
    const response = await app.request('/status/maintenance.ics');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    const ics = await response.text();
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends in CRLF');
    const lines = ics.split('\r\n');
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line within 75 octets: ${line}`);
    assert.ok(
      lines.some((l) => l.startsWith(' ')),
      'a long line is folded',
    );
    const unfolded = ics.replace(/\r\n /g, '');
    assert.equal(
      [...unfolded.matchAll(/^BEGIN:VEVENT$/gm)].length,
      2,
      'in progress and upcoming; no draft, cancelled or far-off work',
    );
    assert.match(unfolded, /^SUMMARY:Altinn Apps: Ny versjon\\, med endringer\\; les mer\r$/m);
    assert.match(unfolded, /^DESCRIPTION:Vi oppgraderer plattformen\\, databasen og køene\\; innsending/m);
    assert.match(unfolded, /^DTSTART:20260312T090000Z\r$/m);
    assert.match(unfolded, /^DTEND:20260312T110000Z\r$/m);
    assert.match(unfolded, /^DTSTAMP:20260302T090000Z\r$/m);
    assert.match(unfolded, /^UID:[0-9a-f-]{36}@/m);
    assert.doesNotMatch(unfolded, /Utkast som ikke er publisert|Avlyst arbeid/);
  });
});
