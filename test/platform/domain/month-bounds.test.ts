import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthBounds } from '../../../src/platform/domain/calendar/month-bounds.ts';

describe('monthBounds', () => {
  const cases: { month: [number, number]; start: string; end: string; why: string }[] = [
    { month: [2026, 1], start: '2025-12-31T23:00:00.000Z', end: '2026-01-31T23:00:00.000Z', why: 'winter time' },
    { month: [2026, 3], start: '2026-02-28T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z', why: 'clocks go forward' },
    { month: [2026, 7], start: '2026-06-30T22:00:00.000Z', end: '2026-07-31T22:00:00.000Z', why: 'summer time' },
    { month: [2026, 10], start: '2026-09-30T22:00:00.000Z', end: '2026-10-31T23:00:00.000Z', why: 'clocks go back' },
    {
      month: [2026, 12],
      start: '2026-11-30T23:00:00.000Z',
      end: '2026-12-31T23:00:00.000Z',
      why: 'into the next year',
    },
    { month: [2028, 2], start: '2028-01-31T23:00:00.000Z', end: '2028-02-29T23:00:00.000Z', why: 'a leap February' },
  ];
  for (const { month, start, end, why } of cases)
    it(`${month.join('-')}: Oslo midnight to Oslo midnight (${why})`, () => {
      const bounds = monthBounds(...month);
      assert.deepEqual([new Date(bounds.start).toISOString(), new Date(bounds.end).toISOString()], [start, end]);
    });
});
