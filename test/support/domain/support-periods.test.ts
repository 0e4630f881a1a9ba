import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import {
  bucketByPeriod,
  isoWeekOf,
  monthOf,
  monthPeriod,
  periodsBetween,
} from '../../../src/modules/support/domain/support-periods.ts';

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(iso);
  return t;
};

describe('isoWeekOf', () => {
  const rows: [string, string, string][] = [
    ['2026-01-01T12:00:00+01:00', '2026-W01', '2025-12-29T00:00:00+01:00'],
    ['2025-12-29T00:00:00+01:00', '2026-W01', '2025-12-29T00:00:00+01:00'],
    ['2025-12-28T23:59:59+01:00', '2025-W52', '2025-12-22T00:00:00+01:00'],
    ['2026-03-01T10:00:00+01:00', '2026-W09', '2026-02-23T00:00:00+01:00'],
    ['2027-01-03T10:00:00+01:00', '2026-W53', '2026-12-28T00:00:00+01:00'],
    ['2026-03-29T12:00:00+02:00', '2026-W13', '2026-03-23T00:00:00+01:00'],
  ];
  for (const [instant, key, start] of rows) {
    it(`${instant} is in ${key}`, () => {
      const week = isoWeekOf(at(instant));
      assert.equal(week.key, key);
      assert.equal(week.start, at(start));
    });
  }
  it('a week over the spring DST change is an hour short', () => {
    const week = isoWeekOf(at('2026-03-25T12:00:00+01:00'));
    assert.equal(week.end - week.start, 7 * 86_400_000 - 3_600_000);
  });
});

describe('monthOf and monthPeriod', () => {
  const rows: [string, string][] = [
    ['2026-01-31T23:30:00+01:00', '2026-01'],
    ['2026-01-31T23:30:00Z', '2026-02'],
    ['2026-12-31T23:59:59+01:00', '2026-12'],
  ];
  for (const [instant, key] of rows) it(`${instant} → ${key}`, () => assert.equal(monthOf(at(instant)).key, key));
  it('February 2026 starts and ends at Oslo midnight', () => {
    const p = monthPeriod(2026, 2);
    assert.deepEqual([p.start, p.end], [at('2026-02-01T00:00:00+01:00'), at('2026-03-01T00:00:00+01:00')]);
  });
});

describe('periodsBetween', () => {
  const rows: { kind: 'month' | 'week'; from: [number, number]; to: [number, number]; keys: string[] }[] = [
    { kind: 'month', from: [2025, 11], to: [2026, 2], keys: ['2025-11', '2025-12', '2026-01', '2026-02'] },
    { kind: 'month', from: [2026, 3], to: [2026, 2], keys: [] },
    {
      kind: 'week',
      from: [2026, 2],
      to: [2026, 2],
      keys: ['2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09'],
    },
    {
      kind: 'week',
      from: [2026, 1],
      to: [2026, 1],
      keys: ['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05'],
    },
  ];
  for (const row of rows) {
    it(`${row.kind} ${row.from.join('-')}..${row.to.join('-')}`, () => {
      const periods = periodsBetween(
        row.kind,
        { year: row.from[0], month: row.from[1] },
        { year: row.to[0], month: row.to[1] },
      );
      assert.deepEqual(
        periods.map((p) => p.key),
        row.keys,
      );
      for (let i = 1; i < periods.length; i += 1)
        assert.equal(periods[i]?.start, periods[i - 1]?.end, 'periods are contiguous');
    });
  }
});

describe('bucketByPeriod', () => {
  const periods = periodsBetween('month', { year: 2026, month: 1 }, { year: 2026, month: 2 });
  const rows: [string, string[], number[]][] = [
    ['one in each', ['2026-01-15T10:00:00+01:00', '2026-02-15T10:00:00+01:00'], [1, 1]],
    ['the first instant of February is February', ['2026-02-01T00:00:00+01:00'], [0, 1]],
    ['outside every period: dropped', ['2025-12-31T23:59:59+01:00', '2026-03-01T00:00:00+01:00'], [0, 0]],
  ];
  for (const [what, instants, sizes] of rows)
    it(what, () =>
      assert.deepEqual(
        bucketByPeriod(periods, instants.map(at), (x) => x).map((b) => b.length),
        sizes,
      ),
    );
});
