/**
 * Fixed-window counter per key, in memory. Per-node by design: it blunts password guessing from one address;
 * the account lock-out in the database is the cross-node guard.
 */
export interface RateLimiter {
  /** Counts one hit; returns seconds to wait if over the limit, or 0. */
  hit(key: string, now: number): number;
}

export function createRateLimiter({
  limit,
  windowMs,
  maxKeys = 100_000,
}: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, now) {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size >= maxKeys) windows.clear();
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > limit ? Math.ceil((w.start + windowMs - now) / 1000) : 0;
    },
  };
}
