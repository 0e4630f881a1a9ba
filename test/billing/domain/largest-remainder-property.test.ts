import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitLargestRemainder } from '../../../src/modules/billing/domain/largest-remainder.ts';

/**
 * The guarantees splitLargestRemainder documents, over 100 000 random splits checked in BigInt (the products of a
 * total and a weight go far beyond 2^53). A fixed seed makes a failure reproduce.
 */

const SEED = 20_261_203;

// Small and huge totals and weights, and many zeros and ties among short lists of weights.
const amount = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 100_000_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);
const weight = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 10_000_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);
const split = fc.record({ total: amount, weights: fc.array(weight, { maxLength: 7 }) });

describe('splitLargestRemainder, property', () => {
  it('sums exactly, never negative, within one unit of each exact share, the extra units by largest remainder', () => {
    fc.assert(
      fc.property(split, ({ total, weights }) => {
        const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
        if (sum === 0n) {
          if (total === 0)
            assert.deepEqual(
              splitLargestRemainder(total, weights),
              weights.map(() => 0),
            );
          else assert.throws(() => splitLargestRemainder(total, weights), RangeError);
          return;
        }
        const parts = splitLargestRemainder(total, weights);
        const again = splitLargestRemainder(total, [...weights]);
        assert.deepEqual(again, parts, 'deterministic');
        assert.equal(parts.length, weights.length);
        assert.equal(
          parts.reduce((a, p) => a + BigInt(p), 0n),
          BigInt(total),
          'sums exactly',
        );
        const T = BigInt(total);
        // Each part is the floor of its exact share T·w/Σ or one more; `up` marks the ones that got the extra unit.
        const up = parts.map((p, i) => {
          const w = BigInt(weights[i] ?? 0);
          assert.ok(Number.isSafeInteger(p) && p >= 0, `part ${i} is a whole number ≥ 0`);
          if (w === 0n) assert.equal(p, 0, `weight 0 gets 0 (part ${i})`);
          const scaled = BigInt(p) * sum;
          const exact = T * w;
          assert.ok(scaled <= exact + sum && scaled >= exact - sum, `part ${i} within one unit of its share`);
          const floor = exact / sum;
          assert.ok(BigInt(p) === floor || BigInt(p) === floor + 1n, `part ${i} is its floor or one more`);
          return BigInt(p) === floor + 1n;
        });
        // Whoever got an extra unit has a remainder larger than, or equal and earlier than, whoever did not.
        const remainder = (i: number) => (T * BigInt(weights[i] ?? 0)) % sum;
        for (let i = 0; i < parts.length; i++)
          for (let j = 0; j < parts.length; j++) {
            if (!up[i] || up[j]) continue;
            assert.ok(
              remainder(i) > remainder(j) || (remainder(i) === remainder(j) && i < j),
              `part ${i} took the extra unit before part ${j}`,
            );
          }
      }),
      { numRuns: 100_000, seed: SEED },
    );
  });

  it('equal weights: earlier parts never get less than later ones', () => {
    fc.assert(
      fc.property(
        amount,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 9 }),
        (total, w, n) => {
          const parts = splitLargestRemainder(total, Array<number>(n).fill(w));
          for (let i = 1; i < n; i++) assert.ok((parts[i - 1] ?? 0) >= (parts[i] ?? 0));
          assert.ok((parts[0] ?? 0) - (parts[n - 1] ?? 0) <= 1);
        },
      ),
      { numRuns: 10_000, seed: SEED },
    );
  });
});
