/** Delay before retry number `attempt` (1-based): exponential from `baseMs`, capped, with deterministic jitter from `seed`. */
export function retryDelayMs(
  attempt: number,
  options: { baseMs?: number; maxMs?: number; seed?: number } = {},
): number {
  const base = options.baseMs ?? 5_000;
  const max = options.maxMs ?? 3_600_000;
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // Up to 10 % jitter keeps many failing jobs from retrying in lock-step.
  const jitterShare = options.seed === undefined ? 0 : (Math.abs(Math.sin(options.seed * 12.9898)) % 1) * 0.1;
  return Math.round(Math.min(max, exponential * (1 + jitterShare)));
}
