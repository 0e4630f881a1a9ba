import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthsEnding, parseMonthKey, shiftMonth } from '../../../src/platform/domain/month-key.ts';

describe('parseMonthKey', () => {
  const rows: [string, { year: number; month: number } | null][] = [
    ['2026-02', { year: 2026, month: 2 }],
    ['2026-13', null],
    ['2026-2', null],
    ['februar', null],
  ];
  for (const [text, expected] of rows) it(text, () => assert.deepEqual(parseMonthKey(text), expected));
});

describe('shiftMonth', () => {
  const cases: [string, number, string][] = [
    ['2026-02', 0, '2026-02'],
    ['2026-02', 1, '2026-03'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-03', -26, '2024-01'],
    ['2026-02', 13, '2027-03'],
    ['0001-01', -1, '0000-12'],
  ];
  for (const [month, by, expected] of cases)
    it(`${month} ${by >= 0 ? '+' : ''}${by} → ${expected}`, () => assert.equal(shiftMonth(month, by), expected));
});

describe('monthsEnding', () => {
  const cases: [string, number, string[]][] = [
    ['2026-02', 1, ['2026-02']],
    ['2026-02', 3, ['2025-12', '2026-01', '2026-02']],
    ['2026-02', 0, []],
  ];
  for (const [last, count, expected] of cases)
    it(`${count} ending ${last}`, () => assert.deepEqual(monthsEnding(last, count), expected));
  it('24 months end with the report month and start 23 months before', () => {
    const months = monthsEnding('2026-02', 24);
    assert.equal(months.length, 24);
    assert.deepEqual([months[0], months[23]], ['2024-03', '2026-02']);
  });
});
