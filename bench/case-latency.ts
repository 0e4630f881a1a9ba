// Timing for bench:cases: one request or call at a time, and the percentiles of the latencies.
/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
}

export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export interface Subject {
  name: string;
  /** Does the work once and returns the ids of the cases listed, in order. */
  run(): Promise<string[]>;
  samples: number[];
}

export async function timeOnce(subject: Subject): Promise<void> {
  const started = performance.now();
  await subject.run();
  subject.samples.push(performance.now() - started);
}
