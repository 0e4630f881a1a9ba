import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activeInstantBounds,
  clockSkewMs,
  defaultInputLimits,
  type FutureAllowance,
  instantProblem,
  osloDay,
  withInstantBounds,
} from '../../../src/platform/domain/input-bounds.ts';
import { monthKey, monthOf, monthProblem } from '../../../src/platform/domain/month-key.ts';

const now = Date.parse('2026-03-02T10:00:00+01:00');
const bounds = { earliest: defaultInputLimits.earliest, now };
const day = 86_400_000;

describe('defaultInputLimits', () => {
  it('starts at midnight 1 January 2000 in Oslo', () =>
    assert.equal(defaultInputLimits.earliest, Date.parse('2000-01-01T00:00:00+01:00')));
});

describe('osloDay', () => {
  const rows: [string, string][] = [
    ['1999-12-31T23:00:00Z', '2000-01-01'],
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-03-02T10:00:00Z', '2026-03-02'],
  ];
  for (const [at, expected] of rows) it(`${at} → ${expected}`, () => assert.equal(osloDay(Date.parse(at)), expected));
});

describe('instantProblem', () => {
  const rows: [string, number, FutureAllowance, string | null][] = [
    ['now', now, 'none', null],
    ['the earliest instant', bounds.earliest, 'none', null],
    ['a millisecond before it', bounds.earliest - 1, 'none', 'is before 2000-01-01, the earliest date accepted'],
    ['1970', 0, 'none', 'is before 2000-01-01, the earliest date accepted'],
    ['within clock skew', now + clockSkewMs, 'none', null],
    ['past clock skew', now + clockSkewMs + 1, 'none', 'is in the future'],
    ['a year ahead, two allowed', now + 365 * day, 2 * 366 * day, null],
    ['three years ahead, two allowed', now + 3 * 365 * day, 2 * 366 * day, 'is more than 732 days in the future'],
  ];
  for (const [what, at, future, expected] of rows)
    it(what, () => assert.equal(instantProblem(at, bounds, future), expected));
});

describe('withInstantBounds', () => {
  it('holds the bounds only while the parse runs, and restores them after a throw', () => {
    assert.equal(activeInstantBounds(), null);
    withInstantBounds(bounds, () => {
      assert.deepEqual(activeInstantBounds(), bounds);
      const inner = { earliest: 0, now: 1 };
      assert.throws(() =>
        withInstantBounds(inner, () => {
          throw new Error('boom');
        }),
      );
      assert.deepEqual(activeInstantBounds(), bounds);
    });
    assert.equal(activeInstantBounds(), null);
  });
});

describe('monthOf', () => {
  it('reads the month in Oslo', () => assert.equal(monthOf(Date.parse('2026-02-28T23:30:00Z')), '2026-03'));
});

describe('monthProblem', () => {
  const rows: [string, number, string | null][] = [
    ['2026-03', 0, null],
    ['2026-04', 0, 'is after the current month'],
    ['2026-04', 1, null],
    ['2026-05', 1, 'is after 2026-04'],
    ['2000-01', 1, null],
    ['1999-12', 1, 'is before 2000-01, the earliest month accepted'],
    ['1899-01', 1, 'is before 2000-01, the earliest month accepted'],
    ['0000-01', 1, 'is before 2000-01, the earliest month accepted'],
  ];
  for (const [month, ahead, expected] of rows)
    it(`${month} with ${ahead} ahead`, () => assert.equal(monthProblem(month, bounds, ahead), expected));
});

describe('monthKey', () => {
  const schema = monthKey({ ahead: 1 });
  it('checks only the form outside a bounded parse', () => {
    assert.equal(schema.safeParse('1899-01').success, true);
    assert.equal(schema.safeParse('1899-13').success, false);
  });
  it('checks the bounds inside one', () => {
    const result = withInstantBounds(bounds, () => schema.safeParse('1899-01'));
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? '', /earliest month/);
    assert.equal(withInstantBounds(bounds, () => schema.safeParse('2026-04')).success, true);
  });
});
