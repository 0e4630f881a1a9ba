/**
 * bench:calendar — operations per second of the business-calendar engine on `servicedesk` (Europe/Oslo, Mon–Fri
 * 08:00–15:45, 15 May–15 September 08:00–15:00, closed on Norwegian public holidays), measured in one run against
 *   (a) the naive reference of the tests (test/domain/calendar-reference.ts: a minute grid walked minute by minute), and
 *   (b) dayjs-business-time, an npm business-hours library with holidays, on dayjs in the Europe/Oslo time zone.
 *
 * Two operations over random whole-minute instants in 2020–2030 (fixed seed):
 *   add-open-time       start + 1 minute … 40 hours of open time
 *   open-time-between   from start to start + 0 … 10 days
 * Targets: each engine operation ≥ 2 000 000 ops/s, ≥ 100× the reference, ≥ 10× the peer, and the engine agrees with
 * the reference on every input the reference was timed on.
 *
 * The rounds alternate between the subjects so background load on a shared machine hits them alike. The engine runs
 * all inputs again and again for BENCH_SECONDS per operation; the reference and the peer are far slower and run fewer
 * inputs (ops/s is comparable all the same). dayjs-business-time has one set of weekly hours, so it cannot express the
 * summer hours: it only gets inputs whose whole window (start to answer, or start to end of span) lies outside
 * 15 May–15 September.
 * Environment: BENCH_SECONDS (default 2), BENCH_ROUNDS (5), BENCH_INPUTS (100000), BENCH_REFERENCE_OPS (20000),
 * BENCH_PEER_OPS (2000), BENCH_SEED (1). The last line of output is one JSON object with the figures and ratios.
 * Missing a target is reported there (`"pass": false`), not by the exit code: exit 1 means the run failed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import dayjs from 'dayjs';
import businessTime from 'dayjs-business-time';
import { builtInCalendars } from '../src/platform/domain/calendar/calendar-registry.ts';
import * as reference from '../test/platform/domain/calendar-reference.ts';
import { mulberry32 } from '../src/app/demo/seeded-random.ts';

const MINUTE = 60_000;
/** 2020-01-01T00:00 and 2031-01-01T00:00 in Oslo (UTC+1 in winter): the instants are drawn between them. */
const FROM = Date.UTC(2019, 11, 31, 23);
const TO = Date.UTC(2030, 11, 31, 23);
const MAX_OPEN_MINUTES = 40 * 60;
const MAX_SPAN_MINUTES = 10 * 24 * 60;

const targets = { ops: 2_000_000, vsReference: 100, vsPeer: 10 };

function positive(name: string, fallback: number, integer = true): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0) || (integer && !Number.isInteger(value)))
    throw new Error(`${name}: a positive ${integer ? 'integer' : 'number'} (got ${JSON.stringify(raw)})`);
  return value;
}

interface Inputs {
  start: Float64Array;
  openMs: Float64Array;
  end: Float64Array;
}

function makeInputs(n: number, seed: number): Inputs {
  const random = mulberry32(seed);
  const minutes = (TO - FROM) / MINUTE;
  const inputs: Inputs = { start: new Float64Array(n), openMs: new Float64Array(n), end: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const start = FROM + Math.floor(random() * minutes) * MINUTE;
    inputs.start[i] = start;
    inputs.openMs[i] = (1 + Math.floor(random() * MAX_OPEN_MINUTES)) * MINUTE;
    inputs.end[i] = start + Math.floor(random() * (MAX_SPAN_MINUTES + 1)) * MINUTE;
  }
  return inputs;
}

/** Runs one subject over the inputs [from, to), writing its answers; each subject has its own loop. */
type Pass = (from: number, to: number) => void;

interface Tally {
  ops: number;
  ms: number;
  perRound: number[];
}

const tally = (): Tally => ({ ops: 0, ms: 0, perRound: [] });
const rate = (t: Tally): number => (t.ms > 0 ? (t.ops / t.ms) * 1000 : 0);

/** Times whole passes over [from, to) until `seconds` have gone by (at least one pass). */
function measure(pass: Pass, from: number, to: number, seconds: number, into: Tally): void {
  let ops = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    pass(from, to);
    ops += to - from;
    elapsed = performance.now() - t0;
  } while (elapsed < seconds * 1000);
  into.ops += ops;
  into.ms += elapsed;
  into.perRound.push((ops / elapsed) * 1000);
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** 15 May – 15 September, both included, by the Oslo date of an instant (the reference's own date arithmetic). */
function inSummer(instant: number): boolean {
  const date = reference.civilDateOf(reference.localDayOf(instant));
  const md = date.month * 100 + date.day;
  return md >= 515 && md <= 915;
}

/** dayjs-business-time set up as servicedesk without the summer hours, in the process's time zone. */
function setUpPeer(): void {
  // The plugin computes in dayjs's local time, i.e. the process's zone: its fastest set-up that gives right answers.
  // With dayjs's timezone plugin (dayjs.tz) instead it is roughly 100× slower and some starts on a DST weekend
  // never return (e.g. 2026-03-28T02:58+01:00 plus 1986 minutes).
  process.env.TZ = 'Europe/Oslo';
  if (dayjs(Date.UTC(2026, 6, 1, 6)).hour() !== 8 || dayjs(Date.UTC(2026, 0, 1, 7)).hour() !== 8) {
    throw new Error('the process could not be put in the Europe/Oslo time zone for the peer library');
  }
  dayjs.extend(businessTime);
  const weekday = [{ start: '08:00:00', end: '15:45:00' }];
  dayjs.setBusinessTime({
    sunday: null,
    monday: weekday,
    tuesday: weekday,
    wednesday: weekday,
    thursday: weekday,
    friday: weekday,
    saturday: null,
  });
  const holidays: string[] = [];
  for (let year = 2019; year <= 2031; year++) holidays.push(...reference.referenceHolidays(year));
  dayjs.setHolidays(holidays.sort());
}

const group = (n: number): string => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 10) / 10 : 0);

function main(): void {
  const seconds = positive('BENCH_SECONDS', 2, false);
  const rounds = positive('BENCH_ROUNDS', 5);
  const n = positive('BENCH_INPUTS', 100_000);
  const referenceOps = Math.min(positive('BENCH_REFERENCE_OPS', 20_000), n);
  const peerOps = Math.min(positive('BENCH_PEER_OPS', 2_000), n);
  const seed = positive('BENCH_SEED', 1);

  const calendar = builtInCalendars().get('servicedesk');
  if (!calendar) throw new Error('no servicedesk calendar');
  const { start, openMs, end } = makeInputs(n, seed);
  const peerName = `dayjs-business-time@${packageVersion('dayjs-business-time')}`;
  process.stdout.write(
    `bench:calendar — servicedesk, ${n} random inputs in 2020–2030 (seed ${seed}), ${rounds} alternating rounds\n`,
  );

  const out = {
    engineAdd: new Float64Array(n),
    engineBetween: new Float64Array(n),
    referenceAdd: new Float64Array(referenceOps),
    referenceBetween: new Float64Array(referenceOps),
    peerAdd: new Float64Array(peerOps),
    peerBetween: new Float64Array(peerOps),
  };
  /** Positions (into the inputs) of the peer's inputs: whole window outside the summer hours. */
  const peerInput = new Int32Array(peerOps);

  const engineAdd: Pass = (from, to) => {
    for (let i = from; i < to; i++) out.engineAdd[i] = calendar.addOpenTime(start[i] as number, openMs[i] as number);
  };
  const engineBetween: Pass = (from, to) => {
    for (let i = from; i < to; i++)
      out.engineBetween[i] = calendar.openTimeBetween(start[i] as number, end[i] as number);
  };
  const referenceAdd: Pass = (from, to) => {
    for (let i = from; i < to; i++)
      out.referenceAdd[i] = reference.addOpenTime('servicedesk', start[i] as number, openMs[i] as number);
  };
  const referenceBetween: Pass = (from, to) => {
    for (let i = from; i < to; i++)
      out.referenceBetween[i] = reference.openTimeBetween('servicedesk', start[i] as number, end[i] as number);
  };
  const peerAdd: Pass = (from, to) => {
    for (let p = from; p < to; p++) {
      const i = peerInput[p] as number;
      const at = start[i] as number;
      out.peerAdd[p] = dayjs(at)
        .addBusinessMinutes((openMs[i] as number) / MINUTE)
        .valueOf();
    }
  };
  const peerBetween: Pass = (from, to) => {
    for (let p = from; p < to; p++) {
      const i = peerInput[p] as number;
      const a = start[i] as number;
      const b = end[i] as number;
      out.peerBetween[p] = dayjs(a).businessMinutesDiff(dayjs(b)) * MINUTE;
    }
  };

  // Warm-up: the engine lays out 2020–2030 and is compiled; the reference builds its minute grid; the peer compiles.
  for (let k = 0; k < 3; k++) {
    engineAdd(0, n);
    engineBetween(0, n);
  }
  const gridStarted = performance.now();
  referenceAdd(0, Math.min(200, referenceOps));
  referenceBetween(0, Math.min(200, referenceOps));
  process.stdout.write(`reference minute grid built in ${((performance.now() - gridStarted) / 1000).toFixed(1)} s\n`);

  let found = 0;
  for (let i = 0; i < n && found < peerOps; i++) {
    if (!inSummer(start[i] as number) && !inSummer(out.engineAdd[i] as number) && !inSummer(end[i] as number))
      peerInput[found++] = i;
  }
  if (found < peerOps) throw new Error(`only ${found} of ${peerOps} inputs lie outside the summer hours`);
  setUpPeer();
  peerAdd(0, Math.min(100, peerOps));
  peerBetween(0, Math.min(100, peerOps));

  const t = {
    engineAdd: tally(),
    engineBetween: tally(),
    referenceAdd: tally(),
    referenceBetween: tally(),
    peerAdd: tally(),
    peerBetween: tally(),
  };
  const slice = (total: number, r: number): [number, number] => [
    Math.floor((total * r) / rounds),
    Math.floor((total * (r + 1)) / rounds),
  ];
  for (let r = 0; r < rounds; r++) {
    const [refFrom, refTo] = slice(referenceOps, r);
    const [peerFrom, peerTo] = slice(peerOps, r);
    const steps: (() => void)[] = [
      () => measure(engineAdd, 0, n, seconds / rounds, t.engineAdd),
      () => measure(engineBetween, 0, n, seconds / rounds, t.engineBetween),
      () => measure(referenceAdd, refFrom, refTo, 0, t.referenceAdd),
      () => measure(referenceBetween, refFrom, refTo, 0, t.referenceBetween),
      () => measure(peerAdd, peerFrom, peerTo, 0, t.peerAdd),
      () => measure(peerBetween, peerFrom, peerTo, 0, t.peerBetween),
    ];
    for (const step of r % 2 === 0 ? steps : steps.reverse()) step();
  }

  // Correctness: the engine against the reference on every input the reference was timed on.
  let disagreements = 0;
  const examples: string[] = [];
  for (let i = 0; i < referenceOps; i++) {
    const s = start[i] as number;
    if (out.engineAdd[i] !== out.referenceAdd[i]) {
      disagreements++;
      if (examples.length < 5)
        examples.push(
          `add ${reference.osloText(s)} + ${(openMs[i] as number) / MINUTE} min: engine ${reference.osloText(out.engineAdd[i] as number)}, reference ${reference.osloText(out.referenceAdd[i] as number)}`,
        );
    }
    if (out.engineBetween[i] !== out.referenceBetween[i]) {
      disagreements++;
      if (examples.length < 5)
        examples.push(
          `between ${reference.osloText(s)} and ${reference.osloText(end[i] as number)}: engine ${(out.engineBetween[i] as number) / MINUTE} min, reference ${(out.referenceBetween[i] as number) / MINUTE} min`,
        );
    }
  }
  // The peer is compared too, for information: it is not the judge of correctness.
  let peerDisagreements = 0;
  for (let p = 0; p < peerOps; p++) {
    const i = peerInput[p] as number;
    if (out.peerAdd[p] !== out.engineAdd[i]) peerDisagreements++;
    if (out.peerBetween[p] !== out.engineBetween[i]) peerDisagreements++;
  }

  const ops = {
    engineAdd: rate(t.engineAdd),
    engineBetween: rate(t.engineBetween),
    referenceAdd: rate(t.referenceAdd),
    referenceBetween: rate(t.referenceBetween),
    peerAdd: rate(t.peerAdd),
    peerBetween: rate(t.peerBetween),
  };
  const ratios = {
    referenceAdd: ratio(ops.engineAdd, ops.referenceAdd),
    referenceBetween: ratio(ops.engineBetween, ops.referenceBetween),
    peerAdd: ratio(ops.engineAdd, ops.peerAdd),
    peerBetween: ratio(ops.engineBetween, ops.peerBetween),
  };
  const checks: [string, boolean][] = [
    [`engine ≥ ${group(targets.ops)} ops/s`, ops.engineAdd >= targets.ops && ops.engineBetween >= targets.ops],
    [
      `≥ ${targets.vsReference}× the reference`,
      ratios.referenceAdd >= targets.vsReference && ratios.referenceBetween >= targets.vsReference,
    ],
    [`≥ ${targets.vsPeer}× the peer`, ratios.peerAdd >= targets.vsPeer && ratios.peerBetween >= targets.vsPeer],
    ['no disagreement with the reference', disagreements === 0],
  ];
  const pass = checks.every(([, ok]) => ok);

  const row = (label: string, add: string, between: string, note = ''): string =>
    `${label.padEnd(34)}${add.padStart(16)}${between.padStart(20)}   ${note}\n`;
  process.stdout.write(row('', 'add-open-time', 'open-time-between'));
  process.stdout.write(
    row(
      'engine',
      `${group(ops.engineAdd)}/s`,
      `${group(ops.engineBetween)}/s`,
      `${n} inputs; per round add ${t.engineAdd.perRound.map((x) => (x / 1e6).toFixed(1)).join(' ')} M/s, between ${t.engineBetween.perRound.map((x) => (x / 1e6).toFixed(1)).join(' ')} M/s`,
    ),
  );
  process.stdout.write(
    row(
      'reference (minute grid)',
      `${group(ops.referenceAdd)}/s`,
      `${group(ops.referenceBetween)}/s`,
      `${referenceOps} inputs`,
    ),
  );
  process.stdout.write(
    row(peerName, `${group(ops.peerAdd)}/s`, `${group(ops.peerBetween)}/s`, `${peerOps} inputs outside 15 May–15 Sep`),
  );
  process.stdout.write(
    row(
      'engine ÷ reference',
      `${ratios.referenceAdd}×`,
      `${ratios.referenceBetween}×`,
      `target ≥ ${targets.vsReference}×`,
    ),
  );
  process.stdout.write(
    row('engine ÷ peer', `${ratios.peerAdd}×`, `${ratios.peerBetween}×`, `target ≥ ${targets.vsPeer}×`),
  );
  process.stdout.write(`engine vs reference: ${disagreements} of ${2 * referenceOps} answers differ\n`);
  for (const example of examples) process.stdout.write(`  ${example}\n`);
  process.stdout.write(
    `${peerName} vs engine: ${peerDisagreements} of ${2 * peerOps} answers differ (for information)\n`,
  );
  process.stdout.write(`${checks.map(([what, ok]) => `${what}: ${ok ? 'pass' : 'MISSED'}`).join('; ')}\n`);

  const summary = {
    bench: 'calendar',
    calendar: 'servicedesk',
    engine_add_ops: Math.round(ops.engineAdd),
    engine_between_ops: Math.round(ops.engineBetween),
    reference_add_ops: Math.round(ops.referenceAdd),
    reference_between_ops: Math.round(ops.referenceBetween),
    peer: peerName,
    peer_add_ops: Math.round(ops.peerAdd),
    peer_between_ops: Math.round(ops.peerBetween),
    ratio_vs_reference_add: ratios.referenceAdd,
    ratio_vs_reference_between: ratios.referenceBetween,
    ratio_vs_peer_add: ratios.peerAdd,
    ratio_vs_peer_between: ratios.peerBetween,
    disagreements,
    checked: 2 * referenceOps,
    peer_disagreements: peerDisagreements,
    target_ops: targets.ops,
    target_ratio_reference: targets.vsReference,
    target_ratio_peer: targets.vsPeer,
    pass,
    inputs: n,
    reference_inputs: referenceOps,
    peer_inputs: peerOps,
    seed,
    node: process.version,
    cpus: os.availableParallelism(),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`bench:calendar failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
