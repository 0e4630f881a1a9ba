import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../src/platform/config/config.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import type { ReportData } from '../../../src/modules/reports/domain/report-data.ts';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { getArchivedReport, listArchivedReports } from '../../../src/modules/reports/services/archived-reports.ts';
import { collectReportData } from '../../../src/modules/reports/services/collect-report-data.ts';
import {
  type ArchivedReport,
  generateServiceReport,
  reportEmailJob,
} from '../../../src/modules/reports/services/generate-service-report.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { createOperator, createTenant, systemContext, testEpoch, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

const month = '2026-02';
const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };

let store: TestStore;
let a: TestTenant;
let b: TestTenant;
let system: ServiceContext;
let ownerA: ServiceContext;

async function asUser(userId: string): Promise<ServiceContext> {
  const actor: Actor | null = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store), actor, requestId: 'req-service-report' };
}

async function rejects(promise: Promise<unknown>, code: AppError['code']) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

async function subscribe(ownerId: string, email: string, lang: 'nb' | 'nn' | 'en') {
  await store.db
    .insertInto('report_subscriptions')
    .values({ id: randomUUID(), owner_id: ownerId, email, lang, created_at: testEpoch })
    .execute();
}

async function storedRow(id: string) {
  return store.db.selectFrom('service_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const statistic = (data: ReportData, metric: string) => {
  const stat = data.statistics.find((s) => s.metricId === metric);
  assert.ok(stat, metric);
  return stat;
};

before(async () => {
  store = await createTestStore();
  await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  system = systemContext(store);
  ownerA = await asUser(a.users['owner-admin'].userId);
  await insertUsageRows(store, {
    imports: [
      { metric: 'messages_sent', month: '2026-01', ownerId: a.organisation.id, count: 100 },
      { metric: 'messages_sent', month: '2026-02', ownerId: a.organisation.id, count: 300 },
      { metric: 'messages_sent', month: '2026-01', ownerId: b.organisation.id, count: 50 },
      { metric: 'messages_sent', month: '2026-02', ownerId: b.organisation.id, count: 700 },
      { metric: 'messages_sent', month: '2025-02', ownerId: b.organisation.id, count: 9 },
      { metric: 'consents', month: '2026-02', ownerId: b.organisation.id, count: 40 },
    ],
  });
  await subscribe('', 'plattform@test.niva.no', 'nb');
  await subscribe('', 'platform@test.niva.no', 'en');
  await subscribe(a.organisation.id, 'rapport@a.test.niva.no', 'nn');
});
after(() => store.destroy());

describe('generateServiceReport', () => {
  let v1: ArchivedReport;
  let v2: ArchivedReport;

  before(async () => {
    v1 = await generateServiceReport(system, { month }, settings);
    // The figures change between the two versions; the first must keep its own.
    await insertUsageRows(store, {
      adjustments: [{ metric: 'messages_sent', month, ownerId: a.organisation.id, delta: 5 }],
    });
    v2 = await generateServiceReport({ ...system, clock: fixedClock(testEpoch + 3_600_000) }, { month }, settings, {
      trigger: 'scheduled',
    });
  });

  it('archives version 1 and then version 2 of the same month, each with its own figures and digest', async () => {
    assert.deepEqual([v1.version, v2.version], [1, 2]);
    assert.deepEqual([v1.ownerCode, v2.ownerCode], [null, null]);
    assert.deepEqual([v1.trigger, v2.trigger], ['manual', 'scheduled']);
    assert.notEqual(v1.digest, v2.digest);
    const [first, second] = [await storedRow(v1.id), await storedRow(v2.id)];
    for (const [row, summary] of [
      [first, v1],
      [second, v2],
    ] as const) {
      assert.equal(row.month, month);
      assert.equal(row.owner_id, '');
      assert.equal(Number(row.version), summary.version);
      assert.equal(
        row.digest,
        createHash('sha256').update(row.data).digest('hex'),
        'the digest is of the stored figures',
      );
      assert.equal(row.digest, summary.digest);
    }
    const [d1, d2] = [JSON.parse(first.data) as ReportData, JSON.parse(second.data) as ReportData];
    assert.deepEqual(statistic(d1, 'messages_sent').rows.at(-1)?.months.slice(0, 3), [150, 1000, null]);
    assert.deepEqual(statistic(d2, 'messages_sent').rows.at(-1)?.months.slice(0, 3), [150, 1005, null]);
    assert.equal(d1.generatedAt, testEpoch);
    assert.equal(d2.generatedAt, testEpoch + 3_600_000);
    assert.equal(d1.owner, null);
  });

  it('reads an archived version back exactly as stored', async () => {
    const archived = await getArchivedReport(system, v1.id);
    assert.equal(archived.version, 1);
    assert.equal(archived.digest, v1.digest);
    assert.equal(createHash('sha256').update(JSON.stringify(archived.data)).digest('hex'), v1.digest);
  });

  it('cannot be changed or deleted: the database refuses both', async () => {
    await assert.rejects(
      store.db.updateTable('service_reports').set({ digest: 'tampered' }).where('id', '=', v1.id).execute(),
    );
    await assert.rejects(store.db.updateTable('service_reports').set({ data: '{}' }).execute());
    await assert.rejects(store.db.deleteFrom('service_reports').where('id', '=', v1.id).execute());
    await assert.rejects(store.db.deleteFrom('service_reports').execute());
    const row = await storedRow(v1.id);
    assert.equal(row.digest, v1.digest);
    assert.equal(row.digest, createHash('sha256').update(row.data).digest('hex'));
    const count = await store.db
      .selectFrom('service_reports')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) >= 2);
  });

  it('queues a report.email job per subscriber of the report, with the subscriber’s language', async () => {
    assert.equal(v1.mailed, 2);
    const jobs = await store.db
      .selectFrom('jobs')
      .select(['kind', 'payload', 'organisation_id', 'status'])
      .where('kind', '=', reportEmailJob)
      .execute();
    const forV1 = jobs
      .map((j) => ({ ...j, payload: JSON.parse(j.payload) as { reportId: string; email: string; lang: string } }))
      .filter((j) => j.payload.reportId === v1.id);
    assert.deepEqual(forV1.map((j) => [j.payload.email, j.payload.lang, j.organisation_id, j.status]).sort(), [
      ['platform@test.niva.no', 'en', null, 'pending'],
      ['plattform@test.niva.no', 'nb', null, 'pending'],
    ]);
  });

  it('writes an audit event naming the month, version, trigger, digest and recipients', async () => {
    const events = await store.db
      .selectFrom('audit_events')
      .select(['action', 'subject_type', 'organisation_id', 'summary', 'actor_label'])
      .where('subject_id', '=', v2.id)
      .execute();
    assert.equal(events.length, 1);
    const [event] = events;
    assert.ok(event);
    assert.equal(event.action, 'report.generate');
    assert.equal(event.subject_type, 'service-report');
    assert.equal(event.organisation_id, null);
    assert.deepEqual(JSON.parse(event.summary), {
      month,
      owner: null,
      version: 2,
      trigger: 'scheduled',
      digest: v2.digest,
      mailed: 2,
    });
  });

  it('gives two versions made at the same time their own numbers', async () => {
    const made = await Promise.all(
      [1, 2, 3].map(() => generateServiceReport(system, { month: '2026-01', owner: b.organisation.code }, settings)),
    );
    assert.deepEqual(made.map((r) => r.version).sort(), [1, 2, 3]);
    assert.deepEqual(
      made.map((r) => r.mailed),
      [0, 0, 0],
    );
  });

  it('needs report.manage: an owner cannot archive a version', async () => {
    await rejects(generateServiceReport(ownerA, { month, owner: a.organisation.code }, settings), 'forbidden');
  });
});

describe('an owner’s report', () => {
  let ownA: ArchivedReport;
  let ownB: ArchivedReport;

  before(async () => {
    ownA = await generateServiceReport(system, { month, owner: a.organisation.code }, settings);
    ownB = await generateServiceReport(system, { month, owner: b.organisation.code }, settings);
  });

  it('has only the owner’s own usage and its share of the platform’s month', async () => {
    const data = (await getArchivedReport(system, ownA.id)).data;
    assert.deepEqual(data.owner, { id: a.organisation.id, code: a.organisation.code, name: a.organisation.name });
    const messages = statistic(data, 'messages_sent');
    assert.deepEqual(
      messages.rows.map((r) => r.year),
      [2023, 2024, 2025, 2026],
    );
    assert.deepEqual(messages.rows.find((r) => r.year === 2026)?.months.slice(0, 3), [100, 305, null]);
    assert.deepEqual(
      messages.rows.find((r) => r.year === 2025)?.months,
      Array.from({ length: 12 }, () => null),
      'b’s 2025 figure is not a’s',
    );
    assert.equal(messages.shareOfPlatform, 305 / 1005);
    const consents = statistic(data, 'consents');
    assert.ok(
      consents.rows.every((r) => r.months.every((m) => m === null)),
      'b’s consents are not a’s',
    );
    assert.equal(consents.shareOfPlatform, null);

    const other = (await getArchivedReport(system, ownB.id)).data;
    assert.deepEqual(
      statistic(other, 'messages_sent')
        .rows.find((r) => r.year === 2026)
        ?.months.slice(0, 2),
      [50, 700],
    );
    assert.equal(statistic(other, 'messages_sent').shareOfPlatform, 700 / 1005);
    assert.equal(statistic(other, 'consents').shareOfPlatform, 1);
  });

  it('is mailed to the owner’s subscribers only', async () => {
    assert.equal(ownA.mailed, 1);
    assert.equal(ownB.mailed, 0);
    const jobs = await store.db
      .selectFrom('jobs')
      .select(['payload', 'organisation_id'])
      .where('kind', '=', reportEmailJob)
      .where('organisation_id', '=', a.organisation.id)
      .execute();
    assert.deepEqual(
      jobs.map((j) => JSON.parse(j.payload) as unknown),
      [{ reportId: ownA.id, email: 'rapport@a.test.niva.no', lang: 'nn' }],
    );
  });

  it('lists for an owner the platform versions and its own, never another owner’s', async () => {
    const listed = await listArchivedReports(ownerA, {});
    assert.ok(listed.length > 0);
    assert.ok(
      listed.every((r) => r.ownerCode === null || r.ownerCode === a.organisation.code),
      JSON.stringify(listed.map((r) => r.ownerCode)),
    );
    assert.ok(listed.some((r) => r.id === ownA.id));
    assert.equal(listed.filter((r) => r.ownerCode === null && r.month === month).length, 2, 'both platform versions');
    assert.ok(!listed.some((r) => r.id === ownB.id));
    assert.deepEqual(await listArchivedReports(ownerA, { owner: b.organisation.code }), []);
    const everything = await listArchivedReports(system, {});
    assert.ok(
      everything.some((r) => r.id === ownB.id),
      'the operator sees every owner’s',
    );
  });

  it('does not find another owner’s version or report for an owner', async () => {
    await rejects(getArchivedReport(ownerA, ownB.id), 'not-found');
    assert.equal((await getArchivedReport(ownerA, ownA.id)).ownerCode, a.organisation.code);
    await rejects(collectReportData(ownerA, { month, owner: b.organisation.code }, settings), 'not-found');
    await rejects(collectReportData(ownerA, { month, owner: 'no-such-owner' }, settings), 'not-found');
    const own = await collectReportData(ownerA, { month, owner: a.organisation.code }, settings);
    assert.equal(own.owner?.id, a.organisation.id);
  });
});
