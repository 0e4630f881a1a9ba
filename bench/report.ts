/**
 * bench:report — the monthly service report for 2026-02: the platform's report, and every owner's, as HTML and PDF.
 *
 * Data: the demo data (seedDemo, clock 2026-03-02 09:00Z) plus smaller owners up to BENCH_OWNERS (60) in all, each
 * with one to three services, usage from 2023-01 (monthly imports, then day aggregates for 2026) and a few cases
 * in the report month (report-seeding.ts).
 * Measured in one run, each against a baseline of the same run:
 *   platform   collectReportData + layoutReport + renderReportPdf, and the same with renderReportHtml, BENCH_ROUNDS
 *              (5) times each, medians; baseline: the rows the report is made from, read with plain queries and
 *              nothing else (usage sums per metric and month, availability rollups, outages, planned work and monitor
 *              runs, support call sums per period, e-mails and clocks, the month's cases: report-baseline.ts)
 *   owners     a monthly run's work: collectSharedReportParts once, then for every owner collectReportData (with the
 *              shared parts) + layoutReport + renderReportPdf + renderReportHtml; total wall time, BENCH_OWNER_ROUNDS
 *              (1) times, median; baseline: the shared rows once and every owner's own rows, read plainly
 * Targets: the platform PDF < 3 s; every owner's report, HTML and PDF, < 60 s in all.
 * Subject and baseline alternate (the order flips every other round). A profile of the collection follows the rounds.
 * BENCH_DATABASE_URL or DATABASE_URL: a postgres:// URL benchmarks a throwaway database created next to it (dropped
 * after); anything else a temporary SQLite file. The last line of output is one JSON object; a missed target is
 * `"pass": false` there, not the exit code (exit 1 means the run failed).
 */
import os from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config/config.ts';
import { builtInCalendars } from '../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../src/platform/domain/clock.ts';
import { seedDemo } from '../src/app/demo/seed-demo.ts';
import { layoutReport } from '../src/modules/reports/render/layout-report.ts';
import { renderReportHtml } from '../src/modules/reports/render/render-report-html.tsx';
import { renderReportPdf } from '../src/modules/reports/render/render-report-pdf.ts';
import { systemActor } from '../src/platform/services/actor.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import {
  collectReportData,
  collectSharedReportParts,
  type ReportSettings,
} from '../src/modules/reports/services/collect-report-data.ts';
import { builtInCatalogue } from '../src/modules/usage/services/usage-settings.ts';
import { openStore, type Store } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createThrowawayDatabase, median, positiveInt, round, timed } from './bench-support.ts';
import { profileCollection } from './report-profile.ts';
import { readOwnerRows, readPlatformRows, readSharedRows } from './report-baseline.ts';
import { seedExtraOwners } from './report-seeding.ts';
import { installModuleMessages } from '../src/app/cli-modules.ts';
import { defaultInputLimits } from '../src/platform/domain/input-bounds.ts';

// The report is laid out here without the app: its UI texts are installed as the program does at start-up.
await installModuleMessages();

const targets = { platformPdfSeconds: 3, allOwnersSeconds: 60 };
const month = '2026-02';
const epoch = Date.UTC(2026, 2, 2, 9, 0, 0);

const ms = (seconds: number): string => `${(seconds * 1000).toFixed(1)} ms`;
const list = (xs: readonly number[]): string => xs.map((x) => (x * 1000).toFixed(0)).join(' ');

interface PlatformRound {
  collect: number;
  layout: number;
  pdf: number;
  html: number;
  pdfChain: number;
  htmlChain: number;
  pdfBytes: number;
  htmlChars: number;
}

async function platformReport(ctx: ServiceContext, settings: ReportSettings): Promise<PlatformRound> {
  const [data, collect] = await timed(() => collectReportData(ctx, { month }, settings));
  const [doc, layout] = await timed(() => layoutReport(data, 'nb'));
  const [pdf, pdfSeconds] = await timed(() => renderReportPdf(doc));
  // The HTML chain collects again: each format is what one request for it costs.
  const [data2, collect2] = await timed(() => collectReportData(ctx, { month }, settings));
  const [doc2, layout2] = await timed(() => layoutReport(data2, 'nb'));
  const [html, htmlSeconds] = await timed(() => renderReportHtml(doc2));
  return {
    collect: (collect + collect2) / 2,
    layout: (layout + layout2) / 2,
    pdf: pdfSeconds,
    html: htmlSeconds,
    pdfChain: collect + layout + pdfSeconds,
    htmlChain: collect2 + layout2 + htmlSeconds,
    pdfBytes: pdf.length,
    htmlChars: html.length,
  };
}

interface OwnersRound {
  total: number;
  cpu: number;
  shared: number;
  collect: number;
  layout: number;
  pdf: number;
  html: number;
  pdfBytes: number;
}

async function allOwners(
  ctx: ServiceContext,
  settings: ReportSettings,
  owners: readonly { code: string }[],
): Promise<OwnersRound> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const [shared, sharedSeconds] = await timed(() => collectSharedReportParts(ctx, month, settings));
  const r: OwnersRound = {
    total: 0,
    cpu: 0,
    shared: sharedSeconds,
    collect: 0,
    layout: 0,
    pdf: 0,
    html: 0,
    pdfBytes: 0,
  };
  for (const owner of owners) {
    const [data, collect] = await timed(() => collectReportData(ctx, { month, owner: owner.code }, settings, shared));
    const [doc, layout] = await timed(() => layoutReport(data, 'nb'));
    const [pdf, pdfSeconds] = await timed(() => renderReportPdf(doc));
    const [, htmlSeconds] = await timed(() => renderReportHtml(doc));
    r.collect += collect;
    r.layout += layout;
    r.pdf += pdfSeconds;
    r.html += htmlSeconds;
    r.pdfBytes += pdf.length;
  }
  r.total = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  r.cpu = (cpu.user + cpu.system) / 1e6;
  return r;
}

async function ownersBaseline(store: Store, owners: readonly { id: string }[]): Promise<[number, number]> {
  return timed(async () => {
    let rows = await readSharedRows(store.db, month);
    for (const owner of owners) rows += await readOwnerRows(store.db, month, owner.id);
    return rows;
  });
}

async function main(): Promise<void> {
  const rounds = positiveInt('BENCH_ROUNDS', 5);
  const ownerRounds = positiveInt('BENCH_OWNER_ROUNDS', 1);
  const wantedOwners = positiveInt('BENCH_OWNERS', 60);
  const database = await createThrowawayDatabase(
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL,
    'niva-bench-report-',
  );
  let store: Store | null = null;
  try {
    store = openStore(database.url);
    await migrateToLatest(store);
    const clock = fixedClock(epoch);
    const ctx: ServiceContext = {
      db: store.db,
      dialect: store.dialect,
      clock,
      calendars: builtInCalendars(),
      limits: defaultInputLimits,
      actor: systemActor('bench'),
      requestId: null,
    };
    const settings: ReportSettings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };

    const [, demoSeconds] = await timed(() => seedDemo({ store: store as Store, clock }));
    const demoOwners = (await ctx.db.selectFrom('organisations').select('id').where('kind', '=', 'owner').execute())
      .length;
    const [extra, extraSeconds] = await timed(() =>
      seedExtraOwners(ctx, Math.max(0, wantedOwners - demoOwners), month),
    );
    if (store.dialect === 'postgres') await sql`ANALYZE`.execute(store.db);
    const owners = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'code', 'name'])
      .where('kind', '=', 'owner')
      .orderBy('code')
      .execute();
    const count = async (table: 'usage_monthly_imports' | 'usage_daily' | 'cases') =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const sizes = {
      imports: await count('usage_monthly_imports'),
      daily: await count('usage_daily'),
      cases: await count('cases'),
    };
    process.stdout.write(
      `bench:report — ${database.dialect}, month ${month}, ${owners.length} owners (${demoOwners} from the demo, ${extra.owners} added with ${extra.services} services), ${sizes.imports} monthly imports, ${sizes.daily} day aggregates, ${sizes.cases} cases; seeded in ${(demoSeconds + extraSeconds).toFixed(1)} s; NODE_ENV ${process.env.NODE_ENV ?? '(unset)'}; ${os.availableParallelism()} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );

    // Warm-up, untimed: the first report loads fonts, compiles the renderers and fills the database's caches.
    await platformReport(ctx, settings);
    await readPlatformRows(store.db, month);

    const platform: PlatformRound[] = [];
    const platformBase: number[] = [];
    let platformRows = 0;
    for (let r = 0; r < rounds; r++) {
      const base = async () => {
        const [rows, seconds] = await timed(() => readPlatformRows((store as Store).db, month));
        platformRows = rows;
        platformBase.push(seconds);
      };
      const subject = async () => {
        platform.push(await platformReport(ctx, settings));
      };
      for (const step of r % 2 === 0 ? [base, subject] : [subject, base]) await step();
    }
    const p = (key: keyof PlatformRound) => median(platform.map((x) => x[key]));
    const platformBaseline = median(platformBase);
    const platformPdf = p('pdfChain');
    const platformHtml = p('htmlChain');

    const ownerRuns: OwnersRound[] = [];
    const ownerBase: number[] = [];
    let ownerRows = 0;
    for (let r = 0; r < ownerRounds; r++) {
      const base = async () => {
        const [rows, seconds] = await ownersBaseline(store as Store, owners);
        ownerRows = rows;
        ownerBase.push(seconds);
      };
      const subject = async () => {
        ownerRuns.push(await allOwners(ctx, settings, owners));
      };
      for (const step of r % 2 === 0 ? [base, subject] : [subject, base]) await step();
    }
    const o = (key: keyof OwnersRound) => median(ownerRuns.map((x) => x[key]));
    const ownersTotal = o('total');
    const ownersBaselineSeconds = median(ownerBase);

    const profile = await profileCollection(ctx, month, settings, owners, Math.max(3, rounds));

    const pass = {
      platformPdf: platformPdf < targets.platformPdfSeconds,
      allOwners: ownersTotal < targets.allOwnersSeconds,
    };
    const w = (label: string, value: string, rest = '') =>
      process.stdout.write(`${label.padEnd(62)}${value.padStart(12)}   ${rest}\n`);
    w(
      '(a) platform report, PDF: collect + layout + PDF',
      ms(platformPdf),
      `rounds: ${list(platform.map((x) => x.pdfChain))}; ${(p('pdfBytes') / 1024).toFixed(0)} KiB`,
    );
    w(
      '    platform report, HTML: collect + layout + HTML',
      ms(platformHtml),
      `rounds: ${list(platform.map((x) => x.htmlChain))}; ${(p('htmlChars') / 1024).toFixed(0)} KiB`,
    );
    w(
      '    of which collect / layout / PDF / HTML',
      `${(p('collect') * 1000).toFixed(1)} / ${(p('layout') * 1000).toFixed(1)} / ${(p('pdf') * 1000).toFixed(1)} / ${(p('html') * 1000).toFixed(1)} ms`,
    );
    w(
      `    baseline: the same rows read plainly (${platformRows} rows)`,
      ms(platformBaseline),
      `rounds: ${list(platformBase)}`,
    );
    w(
      '    ratio PDF / baseline, HTML / baseline',
      `${round(platformPdf / platformBaseline, 1)}× / ${round(platformHtml / platformBaseline, 1)}×`,
    );
    w(
      `(b) all ${owners.length} owners' reports, HTML and PDF, total`,
      `${ownersTotal.toFixed(2)} s`,
      `rounds: ${ownerRuns.map((x) => x.total.toFixed(2)).join(' ')} s; CPU ${o('cpu').toFixed(2)} s`,
    );
    w(
      '    shared parts once / owners: collect / layout / PDF / HTML',
      `${o('shared').toFixed(2)} / ${o('collect').toFixed(2)} / ${o('layout').toFixed(2)} / ${o('pdf').toFixed(2)} / ${o('html').toFixed(2)} s`,
    );
    w(
      `    baseline: shared rows once + each owner's rows (${ownerRows} rows)`,
      ms(ownersBaselineSeconds),
      `ratio ${round(ownersTotal / ownersBaselineSeconds, 1)}×`,
    );
    w('(c) profile: shared parts (collectSharedReportParts)', ms(profile.shared));
    w(`    availability history of every component, 24 months`, ms(profile.availability));
    w(
      '    support KPIs: months of the year / weeks of the month',
      `${(profile.supportMonths * 1000).toFixed(1)} / ${(profile.supportWeeks * 1000).toFixed(1)} ms`,
    );
    w(
      '    platform statistics / platform case facts',
      `${(profile.platformStatistics * 1000).toFixed(1)} / ${(profile.platformCases * 1000).toFixed(1)} ms`,
    );
    w(
      '    one owner: statistics / case facts',
      `${(profile.ownerStatistics * 1000).toFixed(1)} / ${(profile.ownerCases * 1000).toFixed(1)} ms`,
    );
    process.stdout.write(
      `platform PDF < ${targets.platformPdfSeconds} s: ${pass.platformPdf ? 'pass' : 'MISSED'}; all owners < ${targets.allOwnersSeconds} s: ${pass.allOwners ? 'pass' : 'MISSED'}\n`,
    );

    const summary = {
      bench: 'report',
      month,
      owners: owners.length,
      platformPdfMs: round(platformPdf * 1000, 1),
      platformHtmlMs: round(platformHtml * 1000, 1),
      platformCollectMs: round(p('collect') * 1000, 1),
      platformLayoutMs: round(p('layout') * 1000, 1),
      platformPdfRenderMs: round(p('pdf') * 1000, 1),
      platformHtmlRenderMs: round(p('html') * 1000, 1),
      platformBaselineMs: round(platformBaseline * 1000, 1),
      platformPdfRatio: round(platformPdf / platformBaseline, 1),
      platformHtmlRatio: round(platformHtml / platformBaseline, 1),
      allOwnersSeconds: round(ownersTotal, 2),
      allOwnersCpuSeconds: round(o('cpu'), 2),
      allOwnersSharedSeconds: round(o('shared'), 3),
      allOwnersCollectSeconds: round(o('collect'), 2),
      allOwnersLayoutSeconds: round(o('layout'), 2),
      allOwnersPdfSeconds: round(o('pdf'), 2),
      allOwnersHtmlSeconds: round(o('html'), 2),
      allOwnersBaselineSeconds: round(ownersBaselineSeconds, 3),
      allOwnersRatio: round(ownersTotal / ownersBaselineSeconds, 1),
      profileMs: Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, round(v * 1000, 1)])),
      targets,
      pass: pass.platformPdf && pass.allOwners,
      dialect: database.dialect,
      rounds,
      ownerRounds,
      rows: { imports: sizes.imports, daily: sizes.daily, cases: sizes.cases },
      seedSeconds: round(demoSeconds + extraSeconds, 1),
      nodeEnv: process.env.NODE_ENV ?? null,
      node: process.version,
      cpus: os.availableParallelism(),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    if (store) await store.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:report failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
