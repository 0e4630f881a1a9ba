/** The only source of "now" for domain and service code; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(epochMs: number): Clock & { advance(ms: number): void; set(ms: number): void } {
  let current = epochMs;
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
    },
    set(ms: number) {
      current = ms;
    },
  };
}

/**
 * How far `clock` is from the machine's own time, in whole seconds: libraries that read the machine's time (token
 * checks) are told this, so that they judge by the same "now" as the rest of the program. Zero for the system clock.
 */
export function clockSkewSeconds(clock: Clock): number {
  return Math.round((clock.now() - Date.now()) / 1000);
}
