import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import * as ref from './calendar-reference.ts';
import type { ReferenceCalendarId } from './calendar-reference.ts';

/**
 * The calendar engine against the naive minute-grid reference in calendar-reference.ts, on random minute-aligned
 * instants in 2020–2030 with a bias towards the moments where mistakes hide: DST changes, opening and closing
 * times, the edges of the summer season, holidays. Every property runs with a fixed seed, so a failure reproduces.
 */

const MINUTE = 60_000;
const SEED = 20_260_329;

const engine = (id: ReferenceCalendarId) => {
  const calendar = builtInCalendars().get(id);
  if (!calendar) throw new Error(`no built-in calendar ${id}`);
  return calendar;
};

const dayOf = (iso: string): number => ref.dayNumberOf(ref.parseIsoDate(iso));
const show = ref.osloText;

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const firstDay = dayOf('2020-01-01');
const lastDay = dayOf('2030-12-31');
const rangeFrom = ref.startOfLocalDay(firstDay);
const rangeTo = ref.startOfLocalDay(lastDay + 1);

/** Local dates where calendars change behaviour, 2020–2030. */
function trickyDays(): number[] {
  const days = new Set<number>();
  const around = (day: number, before: number, after: number) => {
    for (let d = day - before; d <= day + after; d++) if (d >= firstDay && d <= lastDay) days.add(d);
  };
  for (let year = 2020; year <= 2030; year++) {
    for (const month of [3, 10]) {
      // Last Sunday of March and October: the DST changes (29 March and 25 October in 2026).
      let d = dayOf(`${year}-${month === 3 ? '03' : '10'}-31`);
      while (new Date(d * 86_400_000).getUTCDay() !== 0) d -= 1;
      around(d, 2, 1);
    }
    around(dayOf(`${year}-05-14`), 1, 2); // 13–16 May: summer hours begin on the 15th
    around(dayOf(`${year}-09-15`), 1, 2); // 14–17 September: summer hours end after the 15th
    around(dayOf(`${year}-12-24`), 1, 7); // Christmas to New Year
    for (const holiday of ref.referenceHolidays(year)) around(dayOf(holiday), 1, 1);
  }
  return [...days].sort((a, b) => a - b);
}
const tricky = trickyDays();

/**
 * Real minutes after local midnight where something happens on an ordinary day: 07:00, 08:00, 15:00, 15:30, 15:45,
 * 20:00 and midnight; on the DST Sundays 120 and 180 minutes after midnight are the change itself.
 */
const boundaryMinutes = [0, 120, 180, 420, 480, 900, 930, 945, 1200, 1440];

const uniformInstant = fc
  .integer({ min: 0, max: (rangeTo - rangeFrom) / MINUTE - 1 })
  .map((k) => rangeFrom + k * MINUTE);
const minuteInTrickyDay = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...boundaryMinutes), fc.integer({ min: -2, max: 2 }))
      .map(([m, delta]) => m + delta),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1499 }) },
);
const trickyInstant = fc
  .tuple(fc.constantFrom(...tricky), minuteInTrickyDay)
  .map(([day, m]) => ref.startOfLocalDay(day) + m * MINUTE);
const instant = fc.oneof(uniformInstant, trickyInstant);
const calendarId = fc.constantFrom(...ref.referenceCalendarIds);

// ---------------------------------------------------------------------------------------------------------------
// Properties

function check<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void): void {
  fc.assert(
    fc.property(arbitrary, (value) => predicate(value)),
    { numRuns, seed: SEED },
  );
}

describe('the reference itself, on hand-checked facts', () => {
  const at = (text: string): number => Date.parse(text);
  it('a local day with the spring change is 23 hours, with the autumn change 25', () => {
    assert.equal(
      ref.openTimeBetween('always', at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00')),
      23 * 60 * MINUTE,
    );
    assert.equal(
      ref.openTimeBetween('always', at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00')),
      25 * 60 * MINUTE,
    );
  });
  it('opening hours, seasons and holidays of servicedesk', () => {
    assert.equal(show(ref.closingOf('servicedesk', dayOf('2026-05-13'))), '2026-05-13T15:45+02:00');
    assert.ok(Number.isNaN(ref.closingOf('servicedesk', dayOf('2026-05-14'))), 'Ascension Day 2026 is closed');
    assert.equal(show(ref.closingOf('servicedesk', dayOf('2026-05-15'))), '2026-05-15T15:00+02:00');
    assert.equal(show(ref.closingOf('servicedesk', dayOf('2026-09-15'))), '2026-09-15T15:00+02:00');
    assert.equal(show(ref.closingOf('servicedesk', dayOf('2026-09-16'))), '2026-09-16T15:45+02:00');
    assert.equal(show(ref.closingOf('studio-hours', dayOf('2026-12-25'))), '2026-12-25T20:00+01:00');
    assert.equal(show(ref.closingOf('business-days', dayOf('2026-03-27'))), '2026-03-28T00:00+01:00');
  });
  it('open time and business days across weekends and holidays', () => {
    assert.equal(
      show(ref.addOpenTime('servicedesk', at('2026-03-27T15:30+01:00'), 60 * MINUTE)),
      '2026-03-30T08:45+02:00',
    );
    assert.equal(
      show(ref.addOpenTime('servicedesk', at('2026-03-03T14:45+01:00'), 60 * MINUTE)),
      '2026-03-03T15:45+01:00',
    );
    assert.equal(show(ref.nextOpening('servicedesk', at('2026-03-03T15:45+01:00'))), '2026-03-04T08:00+01:00');
    assert.equal(show(ref.businessDaysAfter('servicedesk', at('2026-04-01T10:00+02:00'), 3)), '2026-04-09T15:45+02:00');
    assert.equal(
      show(ref.businessDaysAfter('business-days', at('2026-12-18T12:00+01:00'), 10)),
      '2027-01-06T00:00+01:00',
    );
    assert.equal(
      show(ref.businessDaysBefore('business-days', at('2026-04-07T22:00+02:00'), 5)),
      '2026-03-27T00:00+01:00',
    );
  });
});

describe('calendar engine against the minute-grid reference', () => {
  it('isOpen and nextOpening (30 000 runs)', () => {
    check(fc.record({ id: calendarId, t: instant }), 30_000, ({ id, t }) => {
      const cal = engine(id);
      const open = cal.isOpen(t);
      assert.equal(open, ref.isOpen(id, t), `${id} isOpen(${show(t)}): engine ${open}, reference ${!open}`);
      const next = cal.nextOpening(t);
      const expected = ref.nextOpening(id, t);
      assert.equal(next, expected, `${id} nextOpening(${show(t)}): engine ${show(next)}, reference ${show(expected)}`);
    });
  });

  it('addOpenTime from 0 minutes to 60 hours (30 000 runs)', () => {
    const duration = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 1, max: 60 * 60 }) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 240 }).map((quarters) => quarters * 15) },
      { weight: 2, arbitrary: fc.constantFrom(60, 120, 240, 420, 435, 450, 465, 480, 900, 930, 945, 1440, 2880) },
      { weight: 1, arbitrary: fc.constant(0) },
    );
    check(fc.record({ id: calendarId, start: instant, minutes: duration }), 30_000, ({ id, start, minutes }) => {
      const got = engine(id).addOpenTime(start, minutes * MINUTE);
      const expected = ref.addOpenTime(id, start, minutes * MINUTE);
      assert.equal(
        got,
        expected,
        `${id} addOpenTime(${show(start)}, ${minutes} min): engine ${show(got)}, reference ${show(expected)}`,
      );
    });
  });

  it('openTimeBetween over spans up to 30 days, both directions (25 000 runs)', () => {
    const span = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 * 1440 }) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 * 1440 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }).map((days) => days * 1440) },
    );
    const pair = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.tuple(instant, span).map(([from, minutes]) => [from, from + minutes * MINUTE] as const),
      },
      // Two boundary moments, in either order.
      {
        weight: 1,
        arbitrary: fc.tuple(trickyInstant, trickyInstant).filter(([a, b]) => Math.abs(a - b) <= 31 * 86_400_000),
      },
    );
    check(fc.record({ id: calendarId, pair, backwards: fc.boolean() }), 25_000, ({ id, pair: [a, b], backwards }) => {
      const [from, to] = backwards ? [b, a] : [a, b];
      const got = engine(id).openTimeBetween(from, to);
      const expected = ref.openTimeBetween(id, from, to);
      assert.equal(
        got,
        expected,
        `${id} openTimeBetween(${show(from)}, ${show(to)}): engine ${got / MINUTE} min, reference ${expected / MINUTE} min`,
      );
    });
  });

  it('businessDaysAfter with n from 0 to 20 (15 000 runs)', () => {
    check(
      fc.record({ id: calendarId, start: instant, n: fc.integer({ min: 0, max: 20 }) }),
      15_000,
      ({ id, start, n }) => {
        const got = engine(id).businessDaysAfter(start, n);
        const expected = ref.businessDaysAfter(id, start, n);
        assert.equal(
          got,
          expected,
          `${id} businessDaysAfter(${show(start)}, ${n}): engine ${show(got)}, reference ${show(expected)}`,
        );
      },
    );
  });

  it('businessDaysBefore with n from 1 to 20 (5 000 runs)', () => {
    check(
      fc.record({ id: calendarId, date: instant, n: fc.integer({ min: 1, max: 20 }) }),
      5_000,
      ({ id, date, n }) => {
        const got = engine(id).businessDaysBefore(date, n);
        const expected = ref.businessDaysBefore(id, date, n);
        assert.equal(
          got,
          expected,
          `${id} businessDaysBefore(${show(date)}, ${n}): engine ${show(got)}, reference ${show(expected)}`,
        );
      },
    );
  });
});
