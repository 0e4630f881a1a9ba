import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../src/platform/config/config.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { generateServiceReport } from '../../../src/modules/reports/services/generate-service-report.ts';
import { runScheduledReports } from '../../../src/modules/reports/services/run-scheduled-reports.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { createOperator, createTenant, systemContext, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };
const hour = 3_600_000;

let store: TestStore;
let a: TestTenant;
let b: TestTenant;

const at = (iso: string): ServiceContext => systemContext(store, fixedClock(Date.parse(iso)));

async function versions(month: string) {
  const rows = await store.db
    .selectFrom('service_reports')
    .select(['owner_id', 'version', 'trigger', 'generated_at'])
    .where('month', '=', month)
    .execute();
  // Sorted here, not by the database, whose text collation differs between the dialects.
  return rows
    .map((r) => ({
      owner: r.owner_id,
      version: Number(r.version),
      trigger: r.trigger,
      generatedAt: Number(r.generated_at),
    }))
    .sort((x, y) => byOwner(x.owner, y.owner) || x.version - y.version);
}

const byOwner = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const everyOwner = () => ['', a.organisation.id, b.organisation.id].sort(byOwner);

before(async () => {
  store = await createTestStore();
  await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
});
after(() => store.destroy());

describe('runScheduledReports', () => {
  // Monday 2 March 2026 is the first business day of March: the run is due from 07:00 Oslo (06:00 UTC).
  it('does nothing before 07:00 on the first business day', async () => {
    assert.equal(await runScheduledReports(at('2026-03-01T12:00:00Z'), settings), null, 'Sunday 1 March');
    assert.equal(await runScheduledReports(at('2026-03-02T05:59:59.999Z'), settings), null, 'one millisecond early');
    assert.deepEqual(await versions('2026-02'), []);
    assert.equal(
      (await store.db.selectFrom('report_schedule_runs').selectAll().execute()).length,
      0,
      'nothing claimed',
    );
  });

  it('from 07:00 archives the previous month’s platform report and every owner’s, once, as scheduled', async () => {
    const due = Date.parse('2026-03-02T06:00:00Z');
    assert.deepEqual(await runScheduledReports(at('2026-03-02T06:00:00Z'), settings), {
      month: '2026-02',
      generated: 3,
    });
    const made = await versions('2026-02');
    assert.deepEqual(
      made.map((v) => v.owner),
      everyOwner(),
    );
    assert.ok(
      made.every((v) => v.version === 1 && v.trigger === 'scheduled' && v.generatedAt === due),
      JSON.stringify(made),
    );
    const run = await store.db
      .selectFrom('report_schedule_runs')
      .selectAll()
      .where('month', '=', '2026-02')
      .executeTakeFirstOrThrow();
    assert.equal(Number(run.claimed_at), due);
    assert.equal(Number(run.finished_at), due);
  });

  it('makes nothing when called again later in the month', async () => {
    assert.equal(await runScheduledReports(at('2026-03-02T07:00:00Z'), settings), null);
    assert.equal(await runScheduledReports(at('2026-03-20T07:00:00Z'), settings), null);
    assert.equal((await versions('2026-02')).length, 3);
  });

  it('runs once when two nodes call at the same moment', async () => {
    // Wednesday 1 April 2026, 07:00 summer time.
    const results = await Promise.all([
      runScheduledReports(at('2026-04-01T05:00:00Z'), settings),
      runScheduledReports(at('2026-04-01T05:00:00Z'), settings),
    ]);
    assert.deepEqual(
      results.filter((r) => r !== null),
      [{ month: '2026-03', generated: 3 }],
    );
    assert.equal(results.filter((r) => r === null).length, 1);
    const made = await versions('2026-03');
    assert.deepEqual(
      made.map((v) => v.owner),
      everyOwner(),
    );
    assert.ok(made.every((v) => v.version === 1));
  });

  it('takes over a claim left unfinished for over an hour and makes only the missing versions', async () => {
    // Monday 4 May 2026 (1 May is a holiday, then a weekend). A node claimed the run, archived the platform report
    // and stopped before the owners'; an owner's manual version does not stand in for its scheduled one.
    const due = Date.parse('2026-05-04T05:00:00Z');
    await store.db
      .insertInto('report_schedule_runs')
      .values({ month: '2026-04', claimed_at: due, finished_at: null })
      .execute();
    await generateServiceReport(at('2026-05-04T05:00:00Z'), { month: '2026-04' }, settings, { trigger: 'scheduled' });
    await generateServiceReport(
      at('2026-05-04T05:00:00Z'),
      { month: '2026-04', owner: a.organisation.code },
      settings,
      { trigger: 'manual' },
    );

    assert.equal(
      await runScheduledReports(at('2026-05-04T05:30:00Z'), settings),
      null,
      'a claim half an hour old is still its node’s',
    );
    assert.equal(
      await runScheduledReports(systemContext(store, fixedClock(due + hour)), settings),
      null,
      'exactly one hour is not yet stale',
    );
    const takeover = due + hour + 1;
    assert.deepEqual(await runScheduledReports(systemContext(store, fixedClock(takeover)), settings), {
      month: '2026-04',
      generated: 2,
    });

    const made = await versions('2026-04');
    assert.deepEqual(
      made.map((v) => [v.owner, v.version, v.trigger]),
      [
        ['', 1, 'scheduled'],
        ...[
          [a.organisation.id, 1, 'manual'],
          [a.organisation.id, 2, 'scheduled'],
          [b.organisation.id, 1, 'scheduled'],
        ].sort((x, y) => byOwner(String(x[0]), String(y[0])) || Number(x[1]) - Number(y[1])),
      ],
    );
    const run = await store.db
      .selectFrom('report_schedule_runs')
      .selectAll()
      .where('month', '=', '2026-04')
      .executeTakeFirstOrThrow();
    assert.equal(Number(run.claimed_at), takeover);
    assert.equal(Number(run.finished_at), takeover);
    assert.equal(
      await runScheduledReports(systemContext(store, fixedClock(takeover + 3 * hour)), settings),
      null,
      'finished runs are not taken over',
    );
  });
});
