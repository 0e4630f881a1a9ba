import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock, systemClock } from '../../src/domain/clock.ts';

describe('fixedClock', () => {
  const cases: [string, (c: ReturnType<typeof fixedClock>) => void, number][] = [
    ['starts where it is told', () => undefined, 1_000],
    ['advances', (c) => c.advance(500), 1_500],
    ['advances twice', (c) => (c.advance(1), c.advance(2)), 1_003],
    ['can be set', (c) => c.set(42), 42],
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
  it('reads the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now >= before && now <= Date.now());
  });
});
