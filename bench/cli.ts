/**
 * bench:cli — how fast the compiled `niva` starts, as whole processes, against a bare `node -e 0` in the same run.
 *
 *   niva --help                                   ≤ 3× node -e 0 (wall, median), peak RSS < 80 MiB
 *   niva calendar due --calendar servicedesk …    ≤ 3× node -e 0 (wall, median), peak RSS < 80 MiB
 *   niva serve on an existing database            answering /healthz < 1.5 s after the process starts
 *
 * The subjects alternate round by round so background load hits them alike. Peak RSS comes from GNU time
 * (/usr/bin/time, Debian package `time`); without it the memory figures are reported as null.
 * Environment: BENCH_ROUNDS (default 15), BENCH_SERVE_ROUNDS (5). Run `npm run build` first (npm install does).
 * The last line of output is one JSON object with the figures and ratios; a missed target is `"pass": false` there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'niva');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const serveRounds = Number(process.env.BENCH_SERVE_ROUNDS ?? 5);
const targets = { startRatio: 3, peakMiB: 80, serveReadyMs: 1_500 };

if (!existsSync(path.join(root, 'dist', 'niva.js'))) {
  console.error('bench:cli: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

interface Run {
  ms: number;
  peakKiB: number | null;
}

/** One whole process: wall time from spawn to exit, and its peak resident memory when GNU time is there. */
function runOnce(args: string[], env: NodeJS.ProcessEnv): Run {
  const command = gnuTime ? [gnuTime, '-f', '%M', process.execPath, ...args] : [process.execPath, ...args];
  const started = performance.now();
  const result = spawnSync(command[0] ?? process.execPath, command.slice(1), { env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const peak = gnuTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, peakKiB: Number.isFinite(peak) ? peak : null };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'niva-bench-cli-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'niva.db')}`,
  LOG_LEVEL: 'silent',
};

const subjects: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'niva --help': [bin, '--help'],
  'niva calendar due': [
    bin,
    'calendar',
    'due',
    '--calendar',
    'servicedesk',
    '--start',
    '2026-03-27T15:30:00+01:00',
    '--hours',
    '1',
  ],
};
const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(subjects).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, args] of Object.entries(subjects)) runs[name]?.push(runOnce(args, env));
}

/** `niva serve` on a database that already has the schema and the demo: spawn to the first 200 from /healthz. */
async function serveReady(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /running on http:\/\/localhost:(\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
      if (response?.status === 200) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const seeded = spawnSync(process.execPath, [bin, 'seed', '--demo', '--json'], { env, encoding: 'utf8' });
if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
const serveMs: number[] = [];
for (let round = 0; round < serveRounds; round++) serveMs.push(await serveReady());
rmSync(dir, { recursive: true, force: true });

const baseline = median(runs['node -e 0']?.map((r) => r.ms) ?? []);
const figures: Record<string, unknown> = {};
let pass = true;
for (const name of Object.keys(subjects)) {
  const list = runs[name] ?? [];
  const ms = median(list.map((r) => r.ms));
  const peaks = list.map((r) => r.peakKiB).filter((p): p is number => p !== null);
  const peakMiB = peaks.length ? Math.max(...peaks) / 1024 : null;
  const ratio = ms / baseline;
  const ok = name === 'node -e 0' || (ratio <= targets.startRatio && (peakMiB === null || peakMiB < targets.peakMiB));
  pass &&= ok;
  figures[name] = {
    medianMs: Math.round(ms),
    ratio: Number(ratio.toFixed(2)),
    peakMiB: peakMiB && Number(peakMiB.toFixed(1)),
  };
  console.log(
    `${name.padEnd(20)} ${Math.round(ms).toString().padStart(5)} ms  ${ratio.toFixed(2)}× node` +
      `${peakMiB === null ? '' : `  peak ${peakMiB.toFixed(1)} MiB`}${ok ? '' : '  (target missed)'}`,
  );
}
const serveMedian = median(serveMs);
const serveOk = serveMedian < targets.serveReadyMs;
pass &&= serveOk;
console.log(
  `niva serve ready     ${Math.round(serveMedian).toString().padStart(5)} ms  ${(serveMedian / baseline).toFixed(1)}× node${serveOk ? '' : '  (target missed)'}`,
);
const cpu = os.cpus()[0]?.model ?? 'unknown';
const memory = readFileSync('/proc/meminfo', 'utf8').split('\n')[0] ?? '';
console.log(
  JSON.stringify({
    bench: 'cli',
    machine: { cpus: os.cpus().length, cpu, memory: memory.replace(/\s+/g, ' '), node: process.version },
    rounds,
    baselineMs: Math.round(baseline),
    figures,
    serveReadyMs: Math.round(serveMedian),
    targets,
    pass,
  }),
);
