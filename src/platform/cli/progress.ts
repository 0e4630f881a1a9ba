import cliProgress from 'cli-progress';
import type { CliRun } from './cli-run.ts';

/** A progress bar on stderr, only for a person watching a terminal: never in JSON output, pipes or logs. */
function progressBar(run: CliRun, json: boolean): { update: (done: number, total: number) => void; stop: () => void } {
  if (json || !run.io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    // Only a terminal gets a bar, and the only terminal a command can have is the process's own.
    { stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

export async function withProgress<T>(
  run: CliRun,
  json: boolean,
  work: (update: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const bar = progressBar(run, json);
  try {
    return await work(bar.update);
  } finally {
    bar.stop();
  }
}
