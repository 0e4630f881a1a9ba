import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricYearRows, percentChange, sumPresent } from '../../../src/modules/usage/domain/metric-year-rows.ts';

describe('percentChange', () => {
  const table: [number | null, number | null, number | null][] = [
    [100, 150, 50],
    [200, 100, -50],
    [3, 4, 33.3],
    [3, 2, -33.3],
    [155, 300, 93.5],
    [10, 0, -100],
    [10, 10, 0],
    [0, 10, null],
    [0, 0, null],
    [null, 10, null],
    [10, null, null],
    [-4, 4, -200],
  ];
  for (const [before, after, expected] of table)
    it(`${String(before)} → ${String(after)} is ${String(expected)}`, () =>
      assert.equal(percentChange(before, after), expected));
});

describe('sumPresent', () => {
  const table: [(number | null)[], number | null][] = [
    [[], null],
    [[null, null], null],
    [[0], 0],
    [[1, null, 2], 3],
    [[5, -2], 3],
  ];
  for (const [values, expected] of table)
    it(`${JSON.stringify(values)} → ${String(expected)}`, () => assert.equal(sumPresent(values), expected));
});

describe('metricYearRows', () => {
  const none = null;
  const figures = new Map([
    ['2024-01', 100],
    ['2024-02', 0],
    ['2024-12', 50],
    ['2025-01', 120],
    ['2025-02', 10],
    ['2025-03', 7],
  ]);
  const table: [
    string,
    number[],
    {
      year: number;
      months: (number | null)[];
      total: number | null;
      change: (number | null)[];
      totalChange: number | null;
    }[],
  ][] = [
    [
      'a year with data against one with some',
      [2025],
      [
        {
          year: 2025,
          months: [120, 10, 7, none, none, none, none, none, none, none, none, none],
          total: 137,
          change: [20, null, null, ...Array<null>(9).fill(null)],
          totalChange: 30,
        },
      ],
    ],
    [
      'a year against nothing: no change at all',
      [2024],
      [
        {
          year: 2024,
          months: [100, 0, none, none, none, none, none, none, none, none, none, 50],
          total: 150,
          change: Array<null>(12).fill(null),
          totalChange: null,
        },
      ],
    ],
    [
      'a year without data: twelve nulls and no total',
      [2030],
      [
        {
          year: 2030,
          months: Array<null>(12).fill(null),
          total: null,
          change: Array<null>(12).fill(null),
          totalChange: null,
        },
      ],
    ],
  ];
  for (const [what, years, expected] of table)
    it(what, () => assert.deepEqual(metricYearRows(figures, years), expected));

  it('lists each year once, oldest first', () => {
    assert.deepEqual(
      metricYearRows(figures, [2025, 2024, 2025]).map((r) => r.year),
      [2024, 2025],
    );
  });
});
