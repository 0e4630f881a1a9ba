import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock, systemClock } from '../../../src/platform/domain/clock.ts';

/** Lets real time pass without timers or sleeping: spins until the monotonic clock has moved on by `ms`. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

describe('fixedClock', () => {
  const cases: [string, (c: ReturnType<typeof fixedClock>) => void, number][] = [
    ['starts where it is told', () => undefined, 1_000],
    ['advances', (c) => c.advance(500), 1_500],
    ['advances twice', (c) => (c.advance(1), c.advance(2)), 1_003],
    ['can be set', (c) => c.set(42), 42],
    ['stands still while real time passes', () => spin(5), 1_000],
  ];
  for (const [what, step, expected] of cases) {
    it(what, () => {
      const clock = fixedClock(1_000);
      step(clock);
      assert.equal(clock.now(), expected);
    });
  }
});

describe('systemClock', () => {
  it('reads the wall clock as whole epoch milliseconds', () => {
    // The same instant read another way: the process's start on the wall clock plus the monotonic time since.
    const reference = performance.timeOrigin + performance.now();
    const now = systemClock.now();
    assert.ok(Number.isSafeInteger(now), `${now} is a whole number of milliseconds`);
    assert.ok(Math.abs(now - reference) < 1_000, `${now} is within a second of ${reference}`);
  });

  it('is read anew on every call and keeps pace with real time', () => {
    const start = systemClock.now();
    const monoStart = performance.now();
    spin(50);
    const monoElapsed = performance.now() - monoStart;
    const elapsed = systemClock.now() - start;
    // The wall-clock reads enclose the monotonic ones, so they see at least as much time pass (less rounding to whole
    // milliseconds); the upper bound leaves room for the process being descheduled between two reads.
    const message = `${elapsed} ms passed on the wall clock, ${monoElapsed.toFixed(1)} ms on the monotonic clock`;
    assert.ok(elapsed >= Math.floor(monoElapsed) - 1, message);
    assert.ok(elapsed <= monoElapsed + 250, message);
  });
});
