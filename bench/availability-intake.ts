// The intake side of bench:availability: recordProbeResults in batches, against the same batches inserted as plain
// rows, and the check that the intake stored exactly the runs a fold of each monitor's results gives.
import { ProbeFold, type ProbeResult } from '../src/modules/availability/domain/probe-intervals.ts';
import { recordProbeResults } from '../src/modules/availability/services/record-probe-results.ts';
import type { Store } from '../src/platform/db/database.ts';
import { createComponents, type Ctx } from './availability-store.ts';
import { minuteMs, sampleMissing, sampleOk, type SampleSet } from './probe-samples.ts';

/** Batches of present samples, one monitor per batch in turn, each continuing where that monitor's last batch ended. */
function ingestBatches(
  set: SampleSet,
  monitors: number,
  total: number,
  size: number,
): { monitor: number; results: ProbeResult[] }[] {
  const batches: { monitor: number; results: ProbeResult[] }[] = [];
  const next = new Array<number>(monitors).fill(0);
  for (let made = 0, b = 0; made < total; b++) {
    const monitor = b % monitors;
    const { status } = set.components[monitor % set.components.length] ?? { status: new Uint8Array(0) };
    const results: ProbeResult[] = [];
    let slot = next[monitor] ?? 0;
    for (; slot < status.length && results.length < Math.min(size, total - made); slot++) {
      const s = status[slot];
      if (s !== sampleMissing) results.push({ at: set.start + slot * minuteMs, ok: s === sampleOk });
    }
    if (results.length === 0) throw new Error('BENCH_INGEST is more than the samples hold');
    next[monitor] = slot;
    made += results.length;
    batches.push({ monitor, results });
  }
  return batches;
}

// A type alias, not an interface: withTables needs a type with an implicit index signature.
type RawResults = {
  bench_raw_results: { monitor_id: string; at: number; ok: number };
};

export interface IntakeFigures {
  /** Wall time of all recordProbeResults calls. */
  ingestMs: number;
  /** Wall time of the same batches inserted as plain rows. */
  rawMs: number;
  outagesOpened: number;
  /** Runs the intake stored, over all its monitors. */
  ingestRuns: number;
}

/**
 * (c) Intake, on components and monitors of its own so the table from intervals is left as it was: `ingestTotal`
 * results in batches of `batchSize`, split into `rounds` slices in which the intake and the plain inserts alternate.
 */
export async function measureIntake(
  ctx: Ctx,
  store: Store,
  set: SampleSet,
  rounds: number,
  ingestTotal: number,
  batchSize: number,
): Promise<IntakeFigures> {
  const intake = await createComponents(
    ctx,
    'inntak',
    set.components.map((c) => c.calendarId),
  );
  const batches = ingestBatches(set, intake.length, ingestTotal, batchSize);
  const raw = store.db.withTables<RawResults>();
  await raw.schema
    .createTable('bench_raw_results')
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  let ingestMs = 0;
  let rawMs = 0;
  let recorded = 0;
  let outagesOpened = 0;
  const slices = Math.max(1, rounds);
  const perSlice = Math.ceil(batches.length / slices);
  for (let r = 0; r < slices; r++) {
    const slice = batches.slice(r * perSlice, (r + 1) * perSlice);
    const ingest = async () => {
      const started = performance.now();
      for (const { monitor, results } of slice) {
        const report = await recordProbeResults(ctx, intake[monitor]?.monitorId ?? '', results);
        recorded += report.recorded;
        outagesOpened += report.outagesOpened;
      }
      ingestMs += performance.now() - started;
    };
    const insertRaw = async () => {
      const started = performance.now();
      for (const { monitor, results } of slice) {
        const monitorId = intake[monitor]?.monitorId ?? '';
        await raw.transaction().execute((trx) =>
          trx
            .insertInto('bench_raw_results')
            .values(results.map((x) => ({ monitor_id: monitorId, at: x.at, ok: x.ok ? 1 : 0 })))
            .execute(),
        );
      }
      rawMs += performance.now() - started;
    };
    for (const step of r % 2 === 0 ? [insertRaw, ingest] : [ingest, insertRaw]) await step();
  }
  if (recorded !== ingestTotal) throw new Error(`recordProbeResults recorded ${recorded} of ${ingestTotal} results`);
  // The intake must have stored exactly the runs that folding each monitor's results at once gives.
  let ingestRuns = 0;
  for (const [m, monitor] of intake.entries()) {
    const fold = new ProbeFold(minuteMs);
    for (const b of batches) if (b.monitor === m) for (const x of b.results) fold.push(x.at, x.ok);
    const rows = await store.db
      .selectFrom('monitor_intervals')
      .select(['state', 'start_at', 'end_at', 'samples'])
      .where('monitor_id', '=', monitor.monitorId)
      .orderBy('start_at')
      .execute();
    const same =
      rows.length === fold.runs.length &&
      rows.every((row, i) => {
        const run = fold.runs[i];
        return (
          run !== undefined &&
          row.state === run.state &&
          row.start_at === run.start &&
          row.end_at === run.end &&
          row.samples === run.samples
        );
      });
    if (!same) throw new Error(`the intake stored other runs for monitor ${m + 1} than a fold of its results`);
    ingestRuns += rows.length;
  }
  return { ingestMs, rawMs, outagesOpened, ingestRuns };
}
