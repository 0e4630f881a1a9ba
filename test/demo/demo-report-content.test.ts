import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/domain/clock.ts';
import { demoReportMonth, firstThursday, osloTime } from '../../src/demo/demo-report-content.ts';
import { demoOperator, demoOwners } from '../../src/demo/demo-organisations.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { listMeetings } from '../../src/services/report-content/list-meetings.ts';
import { listReportBlocks } from '../../src/services/report-content/list-report-blocks.ts';
import { listReportSubscriptions } from '../../src/services/report-content/list-report-subscriptions.ts';
import { listRoadmapEntries } from '../../src/services/report-content/list-roadmap-entries.ts';
import { systemContext, testEpoch } from '../support/factories.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

let store: TestStore;
let ctx: ServiceContext;

before(async () => {
  store = await createTestStore();
  const clock = fixedClock(testEpoch);
  await seedDemo({ store, clock });
  ctx = systemContext(store, clock);
});
after(() => store.destroy());

describe('report content demo data', () => {
  it('carries February 2026’s news and project status, in the report’s order', async () => {
    const blocks = await listReportBlocks(ctx, { month: demoReportMonth });
    assert.deepEqual(blocks.filter((b) => b.kind === 'news').map((b) => b.title), ['Altinn-kaffe', 'Deaktivering av gamle skjema ved produksjonssetting av nye', 'Altinn har tatt i bruk status.digdir.no', 'Prosjektside for moderniseringen av Altinn', 'Nyhetsbrev fra prosjektet Modernisering Altinn']);
    assert.deepEqual(blocks.filter((b) => b.kind === 'project-status').map((b) => b.title), ['Altinn Studio', 'Altinn Autorisasjon']);
    assert.match(blocks.find((b) => b.title === 'Altinn har tatt i bruk status.digdir.no')?.body_markdown ?? '', /\(https:\/\/status\.digdir\.no\/\)/);
  });

  it('has the steering council’s four meetings and a monthly Altinn-kaffe at 09:00 Norwegian time', async () => {
    const meetings = await listMeetings(ctx, { from: '2026-01-01', to: '2026-12-31' });
    const council = meetings.filter((m) => m.series === 'Styringsråd');
    assert.deepEqual(council.map((m) => [m.format, new Date(m.starts_at).toISOString().slice(0, 10)]), [['digital', '2026-03-19'], ['physical', '2026-06-03'], ['digital', '2026-09-24'], ['physical', '2026-12-03']]);
    assert.equal(council[1]?.ends_at, Date.UTC(2026, 5, 4, 10, 30), 'lunch to lunch ends 12:30 summer time the next day');
    const coffee = meetings.filter((m) => m.series === 'Altinn-kaffe');
    assert.equal(coffee.length, 12);
    for (const m of coffee) assert.equal(new Date(m.starts_at).getUTCDay(), 4);
    assert.equal(coffee[0]?.starts_at, Date.UTC(2026, 0, 1, 8), '1 January 2026 is a Thursday; 09:00 in winter is 08:00 UTC');
    assert.equal(coffee[6]?.starts_at, Date.UTC(2026, 6, firstThursday(7), 7), '09:00 in summer is 07:00 UTC');
    assert.equal(osloTime(2026, 3, 29, 3), Date.UTC(2026, 2, 29, 1), 'the day summer time starts');
  });

  it('has the roadmap from the report’s plans, and recipients for the platform and the first owners', async () => {
    const roadmap = await listRoadmapEntries(ctx);
    const byTitle = new Map(roadmap.map((r) => [r.title, r]));
    for (const title of ['Fullmaktsløsning for innbyggere', 'Ny brukerflate for tilgangsstyring for virksomheter', 'Systembruker for virksomheter', 'Samtykke', 'Altinn II stenges']) assert.ok(byTitle.has(title), title);
    assert.deepEqual([byTitle.get('Modernisering av Altinn Autorisasjon')?.period, byTitle.get('Altinn II stenges')?.period], ['2026-06', '2026-06']);
    const subscriptions = await listReportSubscriptions(ctx);
    assert.equal(subscriptions[0]?.owner_code, null);
    assert.equal(subscriptions[0]?.email, demoOperator.contactEmail);
    assert.deepEqual(subscriptions.slice(1).map((s) => s.email).sort(), demoOwners.slice(0, 3).map((o) => o.contactEmail).sort());
  });
});
