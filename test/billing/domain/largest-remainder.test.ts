import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  quarterParts,
  splitLargestRemainder,
  throughQuarter,
} from '../../../src/modules/billing/domain/largest-remainder.ts';

describe('splitLargestRemainder', () => {
  const cases: { name: string; total: number; weights: number[]; parts: number[] }[] = [
    { name: 'an exact split', total: 100, weights: [1, 3], parts: [25, 75] },
    { name: 'the leftover unit to the largest remainder', total: 10, weights: [1, 2], parts: [3, 7] },
    { name: 'thirds: the tie goes to the earliest', total: 100, weights: [1, 1, 1], parts: [34, 33, 33] },
    { name: 'two leftover units to the two earliest of a tie', total: 5, weights: [1, 1, 1], parts: [2, 2, 1] },
    { name: 'one unit over two equal weights', total: 1, weights: [1, 1], parts: [1, 0] },
    { name: 'one unit: the larger weight wins over the earlier', total: 1, weights: [1, 2], parts: [0, 1] },
    { name: 'a tie after a larger remainder', total: 2, weights: [1, 2, 2], parts: [0, 1, 1] },
    { name: 'weight 0 gets nothing', total: 7, weights: [0, 1, 0, 1], parts: [0, 4, 0, 3] },
    { name: 'weight 0 first does not take the tie', total: 1, weights: [0, 1, 1], parts: [0, 1, 0] },
    { name: 'a single part takes everything', total: 12_345, weights: [9], parts: [12_345] },
    { name: 'a total of 0', total: 0, weights: [3, 5], parts: [0, 0] },
    { name: 'all weights 0 and a total of 0', total: 0, weights: [0, 0, 0], parts: [0, 0, 0] },
    { name: 'no parts and a total of 0', total: 0, weights: [], parts: [] },
    {
      name: '530 MNOK by billions of transactions (products beyond 2^53)',
      total: 53_000_000_000,
      weights: [9_007_199_254_740_991, 9_007_199_254_740_990, 3],
      parts: [26_500_000_000, 26_500_000_000, 0],
    },
    {
      // Floors 4 503 599 627 370 495, 0, 4 503 599 627 370 495; the first two remainders are equal (2^53 − 1), so the
      // one unit left goes to the first, and the weight-1 part gets nothing.
      name: 'the largest safe total over the largest safe weights: an exact tie',
      total: Number.MAX_SAFE_INTEGER,
      weights: [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER - 1],
      parts: [4_503_599_627_370_496, 0, 4_503_599_627_370_495],
    },
    {
      name: 'the largest safe total in thirds',
      total: Number.MAX_SAFE_INTEGER,
      weights: [1, 1, 1],
      parts: [3_002_399_751_580_331, 3_002_399_751_580_330, 3_002_399_751_580_330],
    },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.total} by [${c.weights.join(', ')}]`, () => {
      const parts = splitLargestRemainder(c.total, c.weights);
      assert.deepEqual(parts, c.parts);
      assert.equal(
        parts.reduce((a, b) => a + BigInt(b), 0n),
        BigInt(c.total),
      );
    });

  const refused: { name: string; total: number; weights: number[]; message: RegExp }[] = [
    { name: 'a positive total over weights all 0', total: 1, weights: [0, 0], message: /all 0/ },
    { name: 'a positive total over no parts', total: 5, weights: [], message: /all 0/ },
    { name: 'a negative total', total: -1, weights: [1], message: /total/ },
    { name: 'a fractional total', total: 1.5, weights: [1], message: /total/ },
    { name: 'an unsafe total', total: 2 ** 53, weights: [1], message: /total/ },
    { name: 'a negative weight', total: 1, weights: [2, -1], message: /weights/ },
    { name: 'a fractional weight', total: 1, weights: [0.5], message: /weights/ },
    { name: 'a NaN weight', total: 1, weights: [Number.NaN], message: /weights/ },
  ];
  for (const c of refused)
    it(`refuses ${c.name}`, () =>
      assert.throws(
        () => splitLargestRemainder(c.total, c.weights),
        (error) => error instanceof RangeError && c.message.test(error.message),
      ));

  it('leaves its input alone', () => {
    const weights = [3, 1, 2];
    splitLargestRemainder(10, weights);
    assert.deepEqual(weights, [3, 1, 2]);
  });
});

describe('quarterParts and throughQuarter', () => {
  const cases: { yearly: number; quarters: number[] }[] = [
    { yearly: 0, quarters: [0, 0, 0, 0] },
    { yearly: 1, quarters: [1, 0, 0, 0] },
    { yearly: 2, quarters: [1, 1, 0, 0] },
    { yearly: 3, quarters: [1, 1, 1, 0] },
    { yearly: 4, quarters: [1, 1, 1, 1] },
    { yearly: 7_000_000, quarters: [1_750_000, 1_750_000, 1_750_000, 1_750_000] },
    { yearly: 27_500_001, quarters: [6_875_001, 6_875_000, 6_875_000, 6_875_000] },
    { yearly: 103_000_003, quarters: [25_750_001, 25_750_001, 25_750_001, 25_750_000] },
    {
      yearly: Number.MAX_SAFE_INTEGER,
      quarters: [2_251_799_813_685_248, 2_251_799_813_685_248, 2_251_799_813_685_248, 2_251_799_813_685_247],
    },
  ];
  for (const c of cases) {
    it(`${c.yearly} in quarters: ${c.quarters.join(' + ')}`, () =>
      assert.deepEqual(quarterParts(c.yearly), c.quarters));
    it(`${c.yearly} through each quarter is the running sum of its quarters`, () => {
      let sum = 0;
      for (const [i, part] of c.quarters.entries()) {
        sum += part;
        assert.equal(throughQuarter(c.yearly, i + 1), sum, `through Q${i + 1}`);
      }
      assert.equal(throughQuarter(c.yearly, 4), c.yearly);
      assert.equal(throughQuarter(c.yearly, 0), 0);
    });
  }
});
