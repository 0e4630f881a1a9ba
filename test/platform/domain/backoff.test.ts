import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryDelayMs } from '../../../src/platform/domain/backoff.ts';

describe('retryDelayMs', () => {
  const cases: [number, { baseMs?: number; maxMs?: number }, number][] = [
    [1, {}, 5_000],
    [2, {}, 10_000],
    [3, {}, 20_000],
    [10, {}, 2_560_000],
    [20, {}, 3_600_000],
    [1, { baseMs: 100 }, 100],
    [4, { baseMs: 100, maxMs: 500 }, 500],
    [0, {}, 5_000],
  ];
  for (const [attempt, options, expected] of cases) {
    it(`attempt ${attempt} ${JSON.stringify(options)} → ${expected} ms`, () =>
      assert.equal(retryDelayMs(attempt, options), expected));
  }
  it('adds at most 10 % deterministic jitter and stays under the cap', () => {
    for (let seed = 0; seed < 50; seed++) {
      const d = retryDelayMs(3, { seed });
      assert.ok(d >= 20_000 && d <= 22_000, String(d));
      assert.equal(retryDelayMs(3, { seed }), d);
      assert.ok(retryDelayMs(30, { seed }) <= 3_600_000);
    }
  });
});
