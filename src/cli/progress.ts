import cliProgress from 'cli-progress';

/** A progress bar on stderr, only for a person watching a terminal: never in JSON output, pipes or logs. */
function progressBar(json: boolean): { update: (done: number, total: number) => void; stop: () => void } {
  if (json || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
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
  json: boolean,
  work: (update: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const bar = progressBar(json);
  try {
    return await work(bar.update);
  } finally {
    bar.stop();
  }
}
