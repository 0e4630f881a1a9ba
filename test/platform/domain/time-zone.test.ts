import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CalendarRegistry } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { calendarDefinitionSchema } from '../../../src/platform/domain/calendar/calendar-definition.ts';
import { openRangesOn } from '../../../src/platform/domain/calendar/compiled-calendar.ts';
import { noticeInTime } from '../../../src/platform/domain/calendar/notice.ts';
import {
  instantToLocal,
  intlOffset,
  localToInstant,
  offsetAt,
} from '../../../src/platform/domain/calendar/time-zone.ts';

const hour = 3_600_000;
const oslo = 'Europe/Oslo';

describe('offsetAt / intlOffset', () => {
  const cases: [string, number][] = [
    ['2026-01-15T12:00:00Z', 1],
    ['2026-03-29T00:59:59Z', 1],
    ['2026-03-29T01:00:00Z', 2],
    ['2026-10-25T00:59:59Z', 2],
    ['2026-10-25T01:00:00Z', 1],
    ['2000-07-01T00:00:00Z', 2],
    ['2099-12-31T23:00:00Z', 1],
  ];
  for (const [iso, offsetHours] of cases) {
    it(`${iso} → +${offsetHours}`, () => {
      assert.equal(offsetAt(oslo, Date.parse(iso)), offsetHours * hour);
      assert.equal(intlOffset(oslo, Date.parse(iso)), offsetHours * hour);
    });
  }
});

describe('localToInstant / instantToLocal', () => {
  const cases: [string, string, string][] = [
    ['an ordinary winter time', '2026-02-10T08:00:00Z', '2026-02-10T07:00:00Z'],
    ['an ordinary summer time', '2026-06-10T08:00:00Z', '2026-06-10T06:00:00Z'],
    ['the spring gap moves forward', '2026-03-29T02:30:00Z', '2026-03-29T01:30:00Z'],
    ['the repeated autumn hour takes the first occurrence', '2026-10-25T02:30:00Z', '2026-10-25T00:30:00Z'],
    ['midnight before the spring change', '2026-03-29T00:00:00Z', '2026-03-28T23:00:00Z'],
  ];
  for (const [what, localIso, instantIso] of cases) {
    it(what, () =>
      assert.equal(
        new Date(localToInstant(oslo, Date.parse(localIso))).toISOString(),
        new Date(Date.parse(instantIso)).toISOString(),
      ),
    );
  }
  it('round-trips outside the gap', () => {
    for (const iso of [
      '2026-01-01T00:00:00Z',
      '2026-03-29T03:00:00Z',
      '2026-10-25T03:00:00Z',
      '2030-12-31T23:59:00Z',
    ]) {
      const local = Date.parse(iso);
      assert.equal(instantToLocal(oslo, localToInstant(oslo, local)), local, iso);
    }
  });
});

describe('openRangesOn', () => {
  const servicedesk = calendarDefinitionSchema.parse({
    id: 'sd',
    hours: { mon: [['08:00', '15:45']], fri: [['08:00', '15:45']] },
    seasons: [{ from: '05-15', to: '09-15', hours: { fri: [['08:00', '15:00']] } }],
    holidays: 'NO',
    closedDates: ['2026-12-21'],
  });
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const cases: [string, [number, number][]][] = [
    ['2026-03-02', [[480, 945]]],
    ['2026-03-03', []],
    ['2026-05-15', [[480, 900]]],
    ['2026-09-18', [[480, 945]]],
    ['2026-04-03', []],
    ['2026-12-21', []],
  ];
  for (const [date, ranges] of cases) {
    it(date, () => assert.deepEqual(openRangesOn(servicedesk, day(date)), ranges));
  }
});

describe('noticeInTime', () => {
  const registry = new CalendarRegistry();
  const bd = registry.get('business-days');
  const start = Date.parse('2026-03-19T09:00:00Z');
  const cases: [string, number, boolean][] = [
    ['well before', Date.parse('2026-03-01T09:00:00Z'), true],
    ['at the last moment', Date.parse('2026-03-12T23:00:00Z'), true],
    ['a second late', Date.parse('2026-03-12T23:00:01Z'), false],
  ];
  for (const [what, announced, ok] of cases) {
    it(what, () => {
      assert.ok(bd);
      assert.equal(noticeInTime(bd, { kind: 'business-days', days: 5 }, announced, start).ok, ok);
    });
  }
});

describe('CalendarRegistry', () => {
  const cases: [string, () => unknown, boolean][] = [
    [
      'knows the five built-in calendars',
      () =>
        new CalendarRegistry().ids().length === 5 ||
        (() => {
          throw new Error('count');
        })(),
      true,
    ],
    ['adds a declared calendar', () => new CalendarRegistry([{ id: 'ops', alwaysOpen: true }]).get('ops'), true],
    ['refuses to redefine a built-in', () => new CalendarRegistry([{ id: 'servicedesk', alwaysOpen: true }]), false],
    [
      'refuses a 24/7 calendar with hours',
      () => new CalendarRegistry([{ id: 'odd', alwaysOpen: true, hours: { mon: [['08:00', '16:00']] } }]),
      false,
    ],
    ['refuses an unknown time zone', () => new CalendarRegistry([{ id: 'mars', timeZone: 'Mars/Olympus' }]), false],
  ];
  for (const [what, build, works] of cases) {
    it(what, () => (works ? assert.ok(build()) : assert.throws(build)));
  }
});
