import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testEpoch,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { get, html, post, report, upload } from './case-page-kit.ts';

let store: TestStore;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let operator: TestOperator;
let tenant: TestTenant;
let other: TestTenant;
let owner: Session;
let agent: Session;
let stranger: Session;

async function caseCount(): Promise<number> {
  const row = await store.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sessions lapse when the clock jumps a day, so a test that moves it signs everyone in again. */
async function signIn(): Promise<void> {
  owner = await logIn(app, tenant.users['owner-member'].email, testPassword);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  stranger = await logIn(app, other.users['owner-admin'].email, testPassword);
}

before(async () => {
  store = await createTestStore();
  ({ app, clock } = createTestApp(store, { loginRatePerMinute: 1_000 }));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  other = await createTenant(store);
  await signIn();
});
after(() => store.destroy());

describe('reporting a case', () => {
  it('lets an owner report an incident with the contract’s categories and criteria, and lands on its page', async () => {
    clock.set(testEpoch); // Monday 2 March 2026, 10:00 in Oslo
    const form = await html(app, owner, '/cases/new');
    for (const id of [
      'f-category-A',
      'f-category-B',
      'f-category-C',
      'f-criteria-a-life-health',
      'f-criteria-b-partial',
      'f-criteria-c-workaround',
    ])
      assert.match(form, new RegExp(`id="${id}"`));
    assert.match(form, /Hele eller vesentlige deler av tjenesten er utilgjengelig/);
    assert.match(form, new RegExp(`<option value="${tenant.service.id}">${tenant.service.name}</option>`));
    assert.doesNotMatch(form, /name="channel"/, 'only the service desk picks the channel');

    const reference = await report(app, owner, {
      kind: 'incident',
      category: 'B',
      criteria: ['b-partial', 'not-a-criterion'],
      title: 'Innsending feiler',
      description: 'Feilkode 500\nved innsending',
      serviceId: tenant.service.id,
    });
    const page = await html(app, owner, `/cases/${reference}?done=created`);
    assert.match(page, /Saken er registrert/);
    assert.match(page, new RegExp(`${reference}: Innsending feiler`));
    assert.match(page, /Tjenesten er delvis utilgjengelig/, 'the ticked criterion is shown');
    assert.match(page, /Feilkode 500\nved innsending/);
    assert.match(page, /data-policy="incident-b-start"/);
    assert.match(page, /data-clock-state="running"[^>]*>Løper</);
    assert.match(page, /1 t arbeidstid igjen/, 'time left in the clock’s own calendar, with its unit named');
    assert.match(page, /2\. mars kl\. 11:00/, 'due an hour of service-desk time later, in Oslo time');
    assert.match(page, /Nær fristen når 15 min arbeidstid gjenstår/, 'the at-risk horizon is shown');
    assert.doesNotMatch(page, /Start arbeidet/, 'owners get no desk actions');
    assert.match(page, /name="body"/, 'but may comment');

    const row = await store.db
      .selectFrom('cases')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.kind, row.category, row.organisation_id, row.service_id, row.channel],
      ['incident', 'B', tenant.organisation.id, tenant.service.id, 'web'],
    );
    const registered = await store.db
      .selectFrom('case_events')
      .select('data')
      .where('case_id', '=', row.id)
      .where('type', '=', 'registered')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(registered.data ?? '{}'), { criteria: ['b-partial'] });
  });

  it('re-renders the form with the error when an incident has no category, keeping the input and writing nothing', async () => {
    const before = await caseCount();
    const response = await post(app, owner, '/cases', {
      kind: 'incident',
      criteria: 'a-media',
      title: 'Uten kategori',
      description: 'Noe er galt',
    });
    assert.equal(response.status, 400);
    const page = await response.text();
    assert.match(page, /href="#f-category"/);
    assert.match(page, /Velg kategori A, B eller C for en hendelse\./);
    assert.match(page, /id="f-category-error"/);
    assert.match(page, /value="Uten kategori"/);
    assert.match(page, /id="f-criteria-a-media"[^>]*checked=""/);
    assert.equal(await caseCount(), before);
  });

  it('lets the service desk register a phone report on an owner’s behalf, dated back, or a platform-wide incident', async () => {
    const form = await html(app, agent, '/cases/new');
    assert.match(form, /value="platform"/);
    assert.match(form, /name="registeredAt"[^>]*type="datetime-local"|type="datetime-local"[^>]*name="registeredAt"/);
    const missingOwner = await post(app, agent, '/cases', { kind: 'support-request', title: 'Spørsmål om tilgang' });
    assert.equal(missingOwner.status, 400);
    assert.match(await missingOwner.text(), /Velg tjenesteeier, eller hele plattformen\./);
    const reference = await report(app, agent, {
      organisationId: tenant.organisation.id,
      kind: 'support-request',
      category: 'A',
      title: 'Telefon om tilgang',
      channel: 'phone',
      reporterName: 'Siri Ringer',
      reporterEmail: 'siri@example.no',
      registeredAt: '2026-03-02T09:30',
    });
    const row = await store.db
      .selectFrom('cases')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.channel, row.reporter_name, row.category, row.registered_at],
      ['phone', 'Siri Ringer', null, Date.parse('2026-03-02T08:30:00Z')],
    );
    const platform = await report(app, agent, {
      organisationId: 'platform',
      kind: 'incident',
      category: 'A',
      title: 'Innlogging nede for alle',
    });
    assert.equal(
      (
        await store.db
          .selectFrom('cases')
          .select('organisation_id')
          .where('reference', '=', platform)
          .executeTakeFirstOrThrow()
      ).organisation_id,
      null,
    );
    assert.match(
      await html(app, owner, `/cases/${platform}`),
      /Hele plattformen/,
      'owners see platform-wide incidents',
    );
  });
});

describe('working a case', () => {
  it('lets an agent start work, pause (with a reason), resume, assign and resolve through the forms', async () => {
    clock.set(testEpoch);
    const reference = await report(app, owner, {
      kind: 'incident',
      category: 'C',
      criteria: 'c-workaround',
      title: 'Feil i kvittering',
    });
    const page = await html(app, agent, `/cases/${reference}`);
    for (const label of ['Start arbeidet', 'Sett på pause', 'Løs saken', 'Endre kategori', 'Tildel', 'Lukk saken'])
      assert.match(page, new RegExp(label));
    assert.doesNotMatch(page, /Gjenoppta/);
    assert.doesNotMatch(page, /Marker som vurdert/, 'qualification is for change requests');

    clock.advance(10 * 60_000);
    const started = await post(app, agent, `/cases/${reference}/events`, { type: 'work-started' });
    assert.equal(started.status, 303);
    assert.equal(started.headers.get('location'), `/cases/${reference}?done=event`);

    const noReason = await post(app, agent, `/cases/${reference}/events`, { type: 'paused', body: '  ' });
    assert.equal(noReason.status, 400);
    const rejected = await noReason.text();
    assert.match(rejected, /Oppgi begrunnelsen for pausen\./);
    assert.match(rejected, /href="#f-paused-body"/);
    assert.equal(
      (
        await post(app, agent, `/cases/${reference}/events`, {
          type: 'paused',
          body: 'Venter på logg fra tjenesteeier',
        })
      ).status,
      303,
    );
    const paused = await html(app, agent, `/cases/${reference}`);
    assert.match(paused, /Pauset/);
    assert.match(paused, /Gjenoppta/);
    assert.equal((await post(app, agent, `/cases/${reference}/events`, { type: 'resumed' })).status, 303);
    assert.equal(
      (
        await post(app, agent, `/cases/${reference}/events`, {
          type: 'assigned',
          assigneeId: operator.users['operator-agent'].userId,
        })
      ).status,
      303,
    );
    assert.equal(
      (await post(app, agent, `/cases/${reference}/events`, { type: 'resolved', body: 'Rettet i kvitteringsmalen' }))
        .status,
      303,
    );

    const resolved = await html(app, agent, `/cases/${reference}`);
    assert.match(resolved, /data-clock-state="met"[^>]*>Overholdt</);
    for (const type of ['work-started', 'paused', 'resumed', 'assigned', 'resolved'])
      assert.match(resolved, new RegExp(`data-event="${type}"`));
    assert.match(resolved, /Rettet i kvitteringsmalen/);
    assert.match(resolved, /data-event="assigned"[\s\S]*?>Test agent<\/p>/, 'the assignee is named');
    assert.doesNotMatch(resolved, /Start arbeidet|Sett på pause/, 'actions that no longer apply are gone');
    const row = await store.db
      .selectFrom('cases')
      .select(['status', 'paused', 'assignee_user_id'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'resolved', paused: 0, assignee_user_id: operator.users['operator-agent'].userId });

    const closeDone = await post(app, agent, `/cases/${reference}/events`, { type: 'closed' });
    assert.equal(closeDone.status, 303, 'a resolved case closes without a reason');
    assert.match(await html(app, agent, `/cases/${reference}`), /Saken er lukket og kan ikke endres\./);
  });

  it('refuses desk actions from an owner with the message on the page', async () => {
    const reference = await report(app, owner, { kind: 'support-request', title: 'Hvordan gir jeg tilgang?' });
    const response = await post(app, owner, `/cases/${reference}/events`, { type: 'work-started' });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /work-started is recorded by the service desk/);
    assert.equal(
      (await post(app, owner, `/cases/${reference}/events`, { type: 'commented', body: 'Haster litt' })).status,
      303,
    );
  });
});

describe('what each reader sees', () => {
  it('never shows an owner internal notes or files, nor another owner’s case', async () => {
    const reference = await report(app, owner, { kind: 'incident', category: 'B', title: 'Treg innsending' });
    assert.equal(
      (
        await post(app, agent, `/cases/${reference}/events`, {
          type: 'commented',
          body: 'Hemmelig notat om leverandøren',
          visibility: 'internal',
        })
      ).status,
      303,
    );
    assert.equal(
      (await post(app, agent, `/cases/${reference}/events`, { type: 'commented', body: 'Vi ser på saken' })).status,
      303,
    );
    assert.equal(
      (
        await upload(
          app,
          agent,
          `/cases/${reference}/attachments`,
          new File(['intern logg'], 'intern-logg.txt', { type: 'text/plain' }),
          { visibility: 'internal' },
        )
      ).status,
      303,
    );

    const desk = await html(app, agent, `/cases/${reference}`);
    assert.match(desk, /Hemmelig notat om leverandøren/);
    assert.match(desk, /data-visibility="internal"/);
    assert.match(desk, />Intern</);
    assert.match(desk, /intern-logg\.txt/);

    const own = await html(app, owner, `/cases/${reference}`);
    assert.match(own, /Vi ser på saken/);
    assert.doesNotMatch(own, /Hemmelig notat/);
    assert.doesNotMatch(own, /intern-logg\.txt/);
    assert.doesNotMatch(own, /data-visibility="internal"/);
    assert.doesNotMatch(own, /name="visibility"/, 'owners cannot write internal notes');

    assert.equal((await get(app, stranger, `/cases/${reference}`)).status, 404);
    assert.equal(
      (await post(app, stranger, `/cases/${reference}/events`, { type: 'commented', body: 'Hei' })).status,
      404,
    );
    assert.doesNotMatch(await html(app, stranger, '/cases?state=all'), new RegExp(`${reference}<`));
  });

  it('attaches files, serves them as downloads, and says why a file is refused', async () => {
    const reference = await report(app, owner, { kind: 'support-request', title: 'Skjermbilde av feilen' });
    const ok = await upload(
      app,
      owner,
      `/cases/${reference}/attachments`,
      new File(['linje 1\nlinje 2\n'], 'logg.txt', { type: 'text/plain' }),
    );
    assert.equal(ok.status, 303);
    const page = await html(app, owner, `/cases/${reference}?done=attached`);
    assert.match(page, /Filen er lagt ved\./);
    const href = new RegExp(`href="(/cases/${reference}/attachments/[^"]+)"`).exec(page)?.[1];
    assert.ok(href);
    const download = await get(app, owner, href);
    assert.equal(download.status, 200);
    assert.match(
      download.headers.get('content-disposition') ?? '',
      /^attachment; filename="logg\.txt"; filename\*=UTF-8''logg\.txt$/,
    );
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await download.text(), 'linje 1\nlinje 2\n');
    assert.equal((await get(app, stranger, href)).status, 404);

    const exe = await upload(
      app,
      owner,
      `/cases/${reference}/attachments`,
      new File([Buffer.from('4d5a90000300000004000000ffff0000', 'hex')], 'verktoy.exe', {
        type: 'application/octet-stream',
      }),
    );
    assert.equal(exe.status, 400);
    const refused = await exe.text();
    assert.match(refused, /Filtypen godtas ikke/);
    assert.match(refused, /href="#f-attach-file"/);
    const none = await upload(
      app,
      owner,
      `/cases/${reference}/attachments`,
      new File([], '', { type: 'application/octet-stream' }),
    );
    assert.equal(none.status, 400);
    assert.match(await none.text(), /Velg en fil\./);

    const huge = await upload(
      app,
      owner,
      `/cases/${reference}/attachments`,
      new File([Buffer.alloc(12 * 1024 * 1024, 97)], 'stor.txt', { type: 'text/plain' }),
    );
    assert.equal(huge.status, 303);
    const tooLarge = await get(app, owner, huge.headers.get('location') ?? '');
    assert.equal(tooLarge.status, 200);
    assert.match(await tooLarge.text(), /Filen er større enn 10 MiB\./);
  });

  it('renders in nynorsk and English', async () => {
    const reference = await report(app, owner, { kind: 'incident', category: 'A', title: 'Alt er nede' });
    const nn = await html(app, owner, '/cases?lang=nn');
    assert.match(nn, /<html lang="nn"/);
    assert.match(nn, /Opne saker blir viste med den tidlegaste fristen først/);
    assert.match(nn, /Hending/);
    assert.match(await html(app, owner, '/cases/new?lang=nn'), /C – Mindre alvorleg/);
    const en = await html(app, owner, `/cases/${reference}?lang=en`);
    assert.match(en, /Deadlines \(SLA\)/);
    assert.match(en, /Work started within 1 hour/);
    assert.match(en, /Write a comment/);
    const form = await html(app, owner, '/cases/new?lang=en');
    assert.match(form, /A – Critical/);
    assert.match(form, /Life and health are affected/);
  });
});
