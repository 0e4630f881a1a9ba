/**
 * bench:billing — a year's billing run for BENCH_OWNERS (60) owners × 7 metrics × 365 days of usage, and the
 * comparison of the six financing alternatives for that year.
 *
 * Data (billing-seeding.ts), in a throwaway database: the owners, one service each, and a usage_daily row for every
 * owner, metric and day of 2025 (153 300 rows, inserted in bulk), spread from the demo's published platform volumes;
 * the demo's products, costs (530 MNOK) and per-product scales made through createProduct, setBudgetYear (financing
 * alternative BENCH_ALTERNATIVE, 2) and createPriceList; all twelve months closed (closeUsageMonth). Clock 2026-01-10.
 * Measured in one run, against a baseline of the same run:
 *   baseline   the year's usage_daily rows (metric, day, owner, count) read into memory with one plain query
 *   run        runBilling(ctx, { year }): rating the year and issuing every owner's statement in the database; the
 *              year's runs, statements and lines are deleted (untimed) before each round, so every round issues
 *              originals; a dry run (rating, no writes) is timed beside it
 *   scenarios  compareFinancingScenarios(ctx, { year }): all six alternatives side by side
 * Each BENCH_ROUNDS (7) times after one untimed warm-up, the order flipping every other round; figures are medians.
 * Targets: the run < 1 s and ≤ 3× the baseline; the scenario comparison < 200 ms.
 * Before anything is reported, the issued statements are checked against the database, the dry run and the
 * comparison's figures for the alternative in force; a mismatch fails the run. A profile of the run's parts follows.
 * BENCH_DATABASE_URL or DATABASE_URL: a postgres:// URL benchmarks a throwaway database created next to it (dropped
 * after); anything else a temporary SQLite file. The last line of output is one JSON object; a missed target is
 * `"pass": false` there, not the exit code (exit 1 means the run failed).
 */
import os from 'node:os';
import { sql } from 'kysely';
import { builtInCalendars } from '../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../src/platform/domain/clock.ts';
import { defaultInputLimits } from '../src/platform/domain/input-bounds.ts';
import { systemActor } from '../src/platform/services/actor.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { openStore, type Store } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { runBilling, type BillingRunResult } from '../src/modules/billing/services/run-billing.ts';
import {
  compareFinancingScenarios,
  type ScenarioComparison,
} from '../src/modules/billing/services/financing-scenarios.ts';
import { createThrowawayDatabase, group, median, positiveInt, round, timed } from './bench-support.ts';
import { profileBilling } from './billing-profile.ts';
import { seedBillingYear } from './billing-seeding.ts';

const targets = { runSeconds: 1, runRatio: 3, scenariosMs: 200 };
const year = 2025;
const epoch = Date.UTC(2026, 0, 10, 9, 0, 0);

const ms = (seconds: number): string => `${(seconds * 1000).toFixed(1)} ms`;
const list = (xs: readonly number[]): string => xs.map((x) => (x * 1000).toFixed(1)).join(' ');

/** The baseline: every usage_daily row of the year, as the rating would have to see them, and nothing else. */
async function readYear(ctx: ServiceContext): Promise<number> {
  const rows = await ctx.db
    .selectFrom('usage_daily')
    .select(['metric', 'day', 'owner_id', 'count'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .execute();
  return rows.length;
}

/** Forgets the year's billing so the next run issues originals again (children first: the keys reference them). */
async function forgetYear(ctx: ServiceContext): Promise<void> {
  const statements = ctx.db.selectFrom('billing_statements').select('id').where('year', '=', year);
  await ctx.db.deleteFrom('billing_statement_lines').where('statement_id', 'in', statements).execute();
  await ctx.db.deleteFrom('billing_statements').where('year', '=', year).execute();
  await ctx.db.deleteFrom('billing_runs').where('year', '=', year).execute();
}

/** The issued run must be what the database holds; run and dry run must agree with each other and the comparison. */
async function checkStored(ctx: ServiceContext, run: BillingRunResult, owners: number): Promise<void> {
  const [stored, lines] = await Promise.all([
    ctx.db.selectFrom('billing_statements').select(['total_ore']).where('year', '=', year).execute(),
    ctx.db
      .selectFrom('billing_statement_lines')
      .innerJoin('billing_statements', 'billing_statements.id', 'billing_statement_lines.statement_id')
      .select(['billing_statement_lines.ore'])
      .where('billing_statements.year', '=', year)
      .execute(),
  ]);
  const storedOre = stored.reduce((a, s) => a + Number(s.total_ore), 0);
  const linesOre = lines.reduce((a, l) => a + Number(l.ore), 0);
  const runLines = run.statements.reduce((a, s) => a + s.lines.length, 0);
  const problems: string[] = [];
  if (run.statements.length !== owners) problems.push(`${run.statements.length} statements for ${owners} owners`);
  if (stored.length !== run.statements.length) problems.push(`${stored.length} statements stored`);
  if (lines.length !== runLines) problems.push(`${lines.length} lines stored, ${runLines} issued`);
  if (storedOre !== run.totalOre || linesOre !== run.totalOre)
    problems.push(`stored ${storedOre} øre, lines ${linesOre} øre, issued ${run.totalOre} øre`);
  if (problems.length > 0) throw new Error(`the issued run does not agree with the database: ${problems.join('; ')}`);
}

function checkAgreement(
  run: BillingRunResult,
  dry: BillingRunResult,
  comparison: ScenarioComparison,
  alternative: number,
): void {
  const problems: string[] = [];
  if (dry.totalOre !== run.totalOre || dry.statements.length !== run.statements.length)
    problems.push('the dry run rated differently');
  if (comparison.alternatives.length !== 6) problems.push(`${comparison.alternatives.length} alternatives`);
  const inForce = comparison.alternatives.find((a) => a.alternative === alternative);
  const byOwner = new Map(run.statements.map((s) => [s.owner, s.totalOre]));
  if (!inForce || inForce.ownersOre !== run.totalOre || inForce.owners.some((o) => byOwner.get(o.owner) !== o.ore))
    problems.push(`the comparison's alternative ${alternative} differs from the run`);
  if (problems.length > 0) throw new Error(`the results do not agree: ${problems.join('; ')}`);
}

async function main(): Promise<void> {
  const rounds = positiveInt('BENCH_ROUNDS', 7);
  const ownerCount = positiveInt('BENCH_OWNERS', 60);
  const alternative = Number(process.env.BENCH_ALTERNATIVE || 2);
  if (!Number.isInteger(alternative) || alternative < 0 || alternative > 5)
    throw new Error('BENCH_ALTERNATIVE: a financing alternative 0–5');
  const database = await createThrowawayDatabase(
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL,
    'niva-bench-billing-',
  );
  let store: Store | null = null;
  try {
    store = openStore(database.url);
    await migrateToLatest(store);
    const ctx: ServiceContext = {
      db: store.db,
      dialect: store.dialect,
      clock: fixedClock(epoch),
      calendars: builtInCalendars(),
      limits: defaultInputLimits,
      actor: systemActor('bench'),
      requestId: null,
    };
    const [data, seedSeconds] = await timed(() => seedBillingYear(ctx, year, ownerCount, alternative));
    if (store.dialect === 'postgres') await sql`ANALYZE`.execute(store.db);
    process.stdout.write(
      `bench:billing — ${database.dialect}, year ${year}, alternative ${alternative}, ${data.owners} owners × 7 metrics × 365 days = ${group(data.dailyRows)} day aggregates (volumes of ${data.volumesFrom}); seeded in ${seedSeconds.toFixed(1)} s; ${os.availableParallelism()} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );

    // Warm-up, untimed: compiles the code paths and fills the database's caches.
    let rowsRead = await readYear(ctx);
    let dry = await runBilling(ctx, { year, dryRun: true });
    let run = await runBilling(ctx, { year });
    let comparison = await compareFinancingScenarios(ctx, { year });

    // Wall time and this process's CPU time of every round; on SQLite the queries run in this process, so the CPU
    // time is the work itself, which background load on a shared machine disturbs less than the wall time.
    const subjects = ['baseline', 'run', 'dry', 'scenarios'] as const;
    type Subject = (typeof subjects)[number];
    const wall = Object.fromEntries(subjects.map((k) => [k, [] as number[]])) as Record<Subject, number[]>;
    const cpu = Object.fromEntries(subjects.map((k) => [k, [] as number[]])) as Record<Subject, number[]>;
    const measured = async <T>(subject: Subject, work: () => Promise<T>): Promise<T> => {
      const before = process.cpuUsage();
      const [value, seconds] = await timed(work);
      const used = process.cpuUsage(before);
      wall[subject].push(seconds);
      cpu[subject].push((used.user + used.system) / 1e6);
      return value;
    };
    const steps = [
      async () => {
        rowsRead = await measured('baseline', () => readYear(ctx));
      },
      async () => {
        await forgetYear(ctx);
        run = await measured('run', () => runBilling(ctx, { year }));
        await checkStored(ctx, run, data.owners);
      },
      async () => {
        // From the same state as the real run: with the year billed, a dry run would find nothing to issue.
        await forgetYear(ctx);
        dry = await measured('dry', () => runBilling(ctx, { year, dryRun: true }));
      },
      async () => {
        comparison = await measured('scenarios', () => compareFinancingScenarios(ctx, { year }));
      },
    ];
    for (let r = 0; r < rounds; r++) for (const step of r % 2 === 0 ? steps : [...steps].reverse()) await step();
    checkAgreement(run, dry, comparison, alternative);

    const baseline = median(wall.baseline);
    const runSeconds = median(wall.run);
    const drySeconds = median(wall.dry);
    const scenarioSeconds = median(wall.scenarios);
    const cpuOf = (subject: Subject) => median(cpu[subject]);
    const ratio = runSeconds / baseline;
    // The profile reads the statements of a billed year.
    await forgetYear(ctx);
    await runBilling(ctx, { year });
    const profile = await profileBilling(ctx, year, Math.max(3, rounds));

    const checks: [string, boolean][] = [
      [`run < ${targets.runSeconds * 1000} ms`, runSeconds < targets.runSeconds],
      [`run ≤ ${targets.runRatio}× baseline`, ratio <= targets.runRatio],
      [`scenarios < ${targets.scenariosMs} ms`, scenarioSeconds * 1000 < targets.scenariosMs],
    ];
    const pass = checks.every(([, ok]) => ok);
    const w = (label: string, value: string, rest = '') =>
      process.stdout.write(`${label.padEnd(62)}${value.padStart(12)}   ${rest}\n`);
    const rest = (subject: Subject, extra = '') => `CPU ${ms(cpuOf(subject))}; rounds ${list(wall[subject])}${extra}`;
    w('', 'median', "this process's CPU (median); rounds (wall)");
    w(`(a) baseline: the year's day aggregates read (${group(rowsRead)} rows)`, ms(baseline), rest('baseline'));
    w(
      `(b) billing run of ${year}, ${run.statements.length} statements issued`,
      ms(runSeconds),
      rest(
        'run',
        `; ${group(run.statements.reduce((a, s) => a + s.lines.length, 0))} lines, ${group(run.totalOre / 100)} NOK`,
      ),
    );
    w('    the same as a dry run (rated, nothing written)', ms(drySeconds), rest('dry'));
    w('    ratio run / baseline', `${round(ratio, 2)}×`, `CPU ${round(cpuOf('run') / cpuOf('baseline'), 2)}×`);
    w('(c) compareFinancingScenarios, six alternatives', ms(scenarioSeconds), rest('scenarios'));
    w('profile: usage per owner, metric and month (monthlyOwnerUsage)', ms(profile.usageQuery));
    w('    periodRating (the query, catalogue, budget, price list)', ms(profile.periodRating));
    w('    ratePeriod (pure) / digest of the snapshot', `${ms(profile.ratePeriod)} / ${ms(profile.digest)}`);
    w('    billedStatements of the billed year', ms(profile.billedStatements));
    w("    yearVolumes (the comparison's read)", ms(profile.yearVolumes));
    w(
      '    writing: run − dry run (differences of the medians)',
      ms(runSeconds - drySeconds),
      `CPU ${ms(cpuOf('run') - cpuOf('dry'))}`,
    );
    process.stdout.write(`${checks.map(([what, ok]) => `${what}: ${ok ? 'pass' : 'MISSED'}`).join('; ')}\n`);

    const summary = {
      bench: 'billing',
      year,
      alternative,
      owners: data.owners,
      dailyRows: data.dailyRows,
      baselineMs: round(baseline * 1000, 1),
      runMs: round(runSeconds * 1000, 1),
      dryRunMs: round(drySeconds * 1000, 1),
      runRatio: round(ratio, 2),
      scenariosMs: round(scenarioSeconds * 1000, 1),
      cpuMs: Object.fromEntries(subjects.map((k) => [k, round(cpuOf(k) * 1000, 1)])),
      statements: run.statements.length,
      totalOre: run.totalOre,
      profileMs: Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, round(v * 1000, 1)])),
      targets,
      pass,
      dialect: database.dialect,
      rounds,
      seedSeconds: round(seedSeconds, 1),
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
    `bench:billing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
