import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Calendar } from '../../../src/platform/domain/calendar/calendar.ts';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import {
  type CalendarCount,
  calendarCount,
  openTimeTold,
  timeLeft,
} from '../../../src/platform/domain/sla/time-left.ts';

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(iso);
  return t;
};
const calendar = (id: string) => {
  const c = builtInCalendars().get(id);
  if (!c) throw new Error(id);
  return c;
};

describe('calendarCount', () => {
  const cases: [id: string, count: CalendarCount][] = [
    ['always', 'around-the-clock'],
    ['business-days', 'whole-days'],
    ['servicedesk', 'opening-hours'],
    ['brukerservice', 'opening-hours'],
    ['studio-hours', 'opening-hours'],
  ];
  for (const [id, count] of cases)
    it(`${id} is counted ${count}`, () => assert.equal(calendarCount(calendar(id).definition), count));

  it('a calendar of whole days with a whole-day season is still whole days', () => {
    const whole = new Calendar({
      id: 'whole',
      hours: { mon: [['00:00', '24:00']] },
      seasons: [{ from: '07-01', to: '07-31', hours: { tue: [['00:00', '24:00']] } }],
    });
    assert.equal(calendarCount(whole.definition), 'whole-days');
  });
});

describe('timeLeft', () => {
  // [calendar, now, due, days, hours, minutes]
  const cases: [string, string, string, number, number, number][] = [
    // Around the clock: wall time, days of 24 hours.
    ['always', '2026-12-03T08:00:00+01:00', '2026-12-03T08:42:30+01:00', 0, 0, 42],
    ['always', '2026-12-03T08:00:00+01:00', '2026-12-05T12:30:00+01:00', 2, 4, 30],
    // Opening hours: working time; 7 t 45 min to 15:45 today, however far away the wall clock says.
    ['servicedesk', '2026-12-03T08:00:00+01:00', '2026-12-03T15:45:00+01:00', 0, 7, 45],
    ['servicedesk', '2026-12-03T15:30:00+01:00', '2026-12-04T08:45:00+01:00', 0, 1, 0],
    // Over a weekend: Friday 15:00 to Monday 09:00 is 1 h 45 min of working time.
    ['servicedesk', '2026-12-04T14:00:00+01:00', '2026-12-07T09:00:00+01:00', 0, 2, 45],
    // Past 24 hours of working time: whole open days, the rest in hours.
    ['servicedesk', '2026-12-01T12:00:00+01:00', '2026-12-07T10:00:00+01:00', 3, 5, 45],
    // Whole business days: a midnight deadline after two whole days and the rest of today.
    ['business-days', '2026-12-01T15:56:00+01:00', '2026-12-04T00:00:00+01:00', 2, 8, 4],
    ['business-days', '2026-12-03T15:56:00+01:00', '2026-12-04T00:00:00+01:00', 0, 8, 4],
    // The rest of today and the part of the last day add up to a whole day.
    ['business-days', '2026-12-01T12:00:00+01:00', '2026-12-04T12:00:00+01:00', 3, 0, 0],
    // The weekend does not count.
    ['business-days', '2026-12-04T12:00:00+01:00', '2026-12-08T00:00:00+01:00', 1, 12, 0],
    // 20 business days, told in days, not in "472 t".
    ['business-days', '2026-03-02T00:00:00+01:00', '2026-03-31T00:00:00+02:00', 21, 0, 0],
    // Nothing left once due.
    ['servicedesk', '2026-12-03T16:00:00+01:00', '2026-12-03T15:45:00+01:00', 0, 0, 0],
  ];
  for (const [id, now, due, days, hours, minutes] of cases)
    it(`${id}: ${now} → ${due} is ${days} d ${hours} h ${minutes} min`, () => {
      const left = timeLeft(calendar(id), at(now), at(due));
      assert.deepEqual([left.days, left.hours, left.minutes], [days, hours, minutes]);
      assert.equal(left.count, calendarCount(calendar(id).definition));
    });
});

describe('openTimeTold', () => {
  const cases: [string, number, number, number, number][] = [
    ['always', 0.25, 0, 0, 15],
    ['always', 50, 2, 2, 0],
    ['business-days', 48, 2, 0, 0],
    ['business-days', 7, 0, 7, 0],
    // In opening hours an amount without instants has no days to fall on: it stays in hours.
    ['servicedesk', 30, 0, 30, 0],
  ];
  for (const [id, hours, d, h, m] of cases)
    it(`${id}: ${hours} h of open time is ${d} d ${h} h ${m} min`, () => {
      const told = openTimeTold(calendar(id), hours * 3_600_000);
      assert.deepEqual([told.days, told.hours, told.minutes], [d, h, m]);
    });
});
