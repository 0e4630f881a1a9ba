import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { formatInstant, parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import { latestNotice, type NoticeRule } from '../../../src/platform/domain/calendar/notice.ts';

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(`bad instant in test table: ${iso}`);
  return t;
};
const cal = (id: string) => {
  const c = builtInCalendars().get(id);
  if (!c) throw new Error(id);
  return c;
};
const hours = (h: number) => h * 3_600_000;

describe('addOpenTime (N hours in a calendar)', () => {
  const cases: [string, string, string, number, string][] = [
    [
      '24/7 across spring-forward: 01:30 + 1 h is 03:30 CEST',
      'always',
      '2026-03-29T01:30:00+01:00',
      1,
      '2026-03-29T03:30:00+02:00',
    ],
    [
      '24/7 across fall-back: 02:30 CEST + 1 h is 02:30 CET',
      'always',
      '2026-10-25T02:30:00+02:00',
      1,
      '2026-10-25T02:30:00+01:00',
    ],
    [
      '24/7 from the ambiguous 02:30 without offset (first occurrence)',
      'always',
      '2026-10-25T02:30',
      1,
      '2026-10-25T02:30:00+01:00',
    ],
    [
      '24/7 a whole day across fall-back is 25 wall hours',
      'always',
      '2026-10-25T00:00:00+02:00',
      24,
      '2026-10-25T23:00:00+01:00',
    ],
    [
      'servicedesk Friday 15:30 + 1 h → Monday 08:45 (across the DST weekend)',
      'servicedesk',
      '2026-03-27T15:30:00+01:00',
      1,
      '2026-03-30T08:45:00+02:00',
    ],
    [
      'servicedesk before opening starts at opening',
      'servicedesk',
      '2026-03-03T06:00:00+01:00',
      1,
      '2026-03-03T09:00:00+01:00',
    ],
    [
      'servicedesk after closing starts next morning',
      'servicedesk',
      '2026-03-03T17:00:00+01:00',
      1,
      '2026-03-04T09:00:00+01:00',
    ],
    [
      'servicedesk exactly at closing is closed',
      'servicedesk',
      '2026-03-03T15:45:00+01:00',
      0.5,
      '2026-03-04T08:30:00+01:00',
    ],
    [
      'servicedesk ending exactly at closing returns the closing',
      'servicedesk',
      '2026-03-03T14:45:00+01:00',
      1,
      '2026-03-03T15:45:00+01:00',
    ],
    [
      'servicedesk on Saturday starts Monday',
      'servicedesk',
      '2026-03-07T12:00:00+01:00',
      2,
      '2026-03-09T10:00:00+01:00',
    ],
    [
      'servicedesk over Easter 2026 (2–6 April closed)',
      'servicedesk',
      '2026-04-01T15:00:00+02:00',
      1,
      '2026-04-07T08:15:00+02:00',
    ],
    [
      'servicedesk before Ascension (14 May) and into summer hours (15 May)',
      'servicedesk',
      '2026-05-13T15:30:00+02:00',
      1,
      '2026-05-15T08:45:00+02:00',
    ],
    [
      'servicedesk summer closes 15:00 on 15 September',
      'servicedesk',
      '2026-09-15T14:30:00+02:00',
      1,
      '2026-09-16T08:30:00+02:00',
    ],
    [
      'servicedesk 16 September is back to 15:45',
      'servicedesk',
      '2026-09-16T15:00:00+02:00',
      1,
      '2026-09-17T08:15:00+02:00',
    ],
    [
      'servicedesk 14 May is Ascension Day 2026',
      'servicedesk',
      '2026-05-14T09:00:00+02:00',
      1,
      '2026-05-15T09:00:00+02:00',
    ],
    [
      'servicedesk Whit Monday 25 May 2026 is closed',
      'servicedesk',
      '2026-05-22T14:30:00+02:00',
      1,
      '2026-05-26T08:30:00+02:00',
    ],
    [
      'servicedesk Christmas: 24 Dec open, 25–26 closed',
      'servicedesk',
      '2026-12-24T15:30:00+01:00',
      1,
      '2026-12-28T08:45:00+01:00',
    ],
    [
      'servicedesk New Year: 31 Dec open, 1 Jan closed',
      'servicedesk',
      '2026-12-31T15:00:00+01:00',
      1,
      '2027-01-04T08:15:00+01:00',
    ],
    ['brukerservice closes 15:30', 'brukerservice', '2026-03-03T15:00:00+01:00', 1, '2026-03-04T08:30:00+01:00'],
    [
      'brukerservice 8 h is a full winter day and a bit',
      'brukerservice',
      '2026-03-03T08:00:00+01:00',
      8,
      '2026-03-04T08:30:00+01:00',
    ],
    [
      'studio-hours ignores holidays (Good Friday 3 April)',
      'studio-hours',
      '2026-04-03T19:30:00+02:00',
      1,
      '2026-04-06T07:30:00+02:00',
    ],
    [
      'business-days runs through whole weekdays',
      'business-days',
      '2026-03-06T23:00:00+01:00',
      2,
      '2026-03-09T01:00:00+01:00',
    ],
  ];
  for (const [what, id, start, h, due] of cases) {
    it(what, () => assert.equal(formatInstant(cal(id).addOpenTime(at(start), hours(h))), due));
  }
  it('refuses a negative duration', () =>
    assert.throws(() => cal('servicedesk').addOpenTime(at('2026-03-03T10:00:00+01:00'), -1), RangeError));
});

describe('businessDaysAfter (N business days, ending at closing)', () => {
  const cases: [string, string, string, number, string][] = [
    [
      'received Monday → Thursday at closing',
      'servicedesk',
      '2026-03-02T10:00:00+01:00',
      3,
      '2026-03-05T15:45:00+01:00',
    ],
    [
      'received Saturday → Wednesday at closing',
      'servicedesk',
      '2026-03-07T10:00:00+01:00',
      3,
      '2026-03-11T15:45:00+01:00',
    ],
    [
      'received Sunday after closing hours → Wednesday',
      'servicedesk',
      '2026-03-08T22:00:00+01:00',
      3,
      '2026-03-11T15:45:00+01:00',
    ],
    ['business-days closes at 24:00', 'business-days', '2026-03-02T10:00:00+01:00', 3, '2026-03-06T00:00:00+01:00'],
    ['across Easter 2026', 'servicedesk', '2026-04-01T10:00:00+02:00', 3, '2026-04-09T15:45:00+02:00'],
    [
      'received on a holiday (Easter Monday)',
      'servicedesk',
      '2026-04-06T10:00:00+02:00',
      1,
      '2026-04-07T15:45:00+02:00',
    ],
    [
      'received Thursday before Whit Monday (25 May) → Wednesday',
      'servicedesk',
      '2026-05-21T10:00:00+02:00',
      3,
      '2026-05-27T15:00:00+02:00',
    ],
    [
      '17 May 2026 is a Sunday: nothing extra closes',
      'servicedesk',
      '2026-05-15T10:00:00+02:00',
      1,
      '2026-05-18T15:00:00+02:00',
    ],
    [
      'summer closing applies on the due day',
      'servicedesk',
      '2026-05-12T10:00:00+02:00',
      3,
      '2026-05-18T15:00:00+02:00',
    ],
    [
      'ten business days across Christmas',
      'business-days',
      '2026-12-18T12:00:00+01:00',
      10,
      '2027-01-06T00:00:00+01:00',
    ],
    ['zero days: closing of the same day', 'servicedesk', '2026-03-02T10:00:00+01:00', 0, '2026-03-02T15:45:00+01:00'],
    [
      'zero days on a Saturday: closing of the next open day',
      'servicedesk',
      '2026-03-07T10:00:00+01:00',
      0,
      '2026-03-09T15:45:00+01:00',
    ],
  ];
  for (const [what, id, start, n, due] of cases) {
    it(what, () => assert.equal(formatInstant(cal(id).businessDaysAfter(at(start), n)), due));
  }
});

describe('openTimeBetween', () => {
  const cases: [string, string, string, string, number][] = [
    [
      'a 24/7 March day with the spring change is 23 h',
      'always',
      '2026-03-29T00:00:00+01:00',
      '2026-03-30T00:00:00+02:00',
      23,
    ],
    [
      'a 24/7 October day with the autumn change is 25 h',
      'always',
      '2026-10-25T00:00:00+02:00',
      '2026-10-26T00:00:00+01:00',
      25,
    ],
    [
      'a winter servicedesk week is 5 × 7.75 h',
      'servicedesk',
      '2026-03-02T00:00:00+01:00',
      '2026-03-09T00:00:00+01:00',
      38.75,
    ],
    [
      'a summer servicedesk week is 5 × 7 h',
      'servicedesk',
      '2026-06-01T00:00:00+02:00',
      '2026-06-08T00:00:00+02:00',
      35,
    ],
    [
      'Holy Week 2026 has three open days (Maundy Thursday and Good Friday closed)',
      'servicedesk',
      '2026-03-30T00:00:00+02:00',
      '2026-04-06T00:00:00+02:00',
      23.25,
    ],
    ['a weekend is empty', 'servicedesk', '2026-03-07T00:00:00+01:00', '2026-03-09T00:00:00+01:00', 0],
    ['backwards is negative', 'servicedesk', '2026-03-03T10:00:00+01:00', '2026-03-03T09:00:00+01:00', -1],
  ];
  for (const [what, id, from, to, h] of cases) {
    it(what, () => assert.equal(cal(id).openTimeBetween(at(from), at(to)), hours(h)));
  }
});

describe('isOpen and nextOpening', () => {
  const cases: [string, string, boolean, string][] = [
    ['servicedesk', '2026-03-03T08:00:00+01:00', true, '2026-03-03T08:00:00+01:00'],
    ['servicedesk', '2026-03-03T15:45:00+01:00', false, '2026-03-04T08:00:00+01:00'],
    ['servicedesk', '2026-05-15T15:10:00+02:00', false, '2026-05-18T08:00:00+02:00'],
    ['servicedesk', '2026-05-14T10:00:00+02:00', false, '2026-05-15T08:00:00+02:00'],
    ['studio-hours', '2026-12-25T10:00:00+01:00', true, '2026-12-25T10:00:00+01:00'],
    ['studio-hours', '2026-12-26T10:00:00+01:00', false, '2026-12-28T07:00:00+01:00'],
    ['always', '2026-03-29T02:30', true, '2026-03-29T03:30:00+02:00'],
  ];
  for (const [id, instant, open, next] of cases) {
    it(`${id} at ${instant}: ${open ? 'open' : 'closed'}`, () => {
      assert.equal(cal(id).isOpen(at(instant)), open);
      assert.equal(formatInstant(cal(id).nextOpening(at(instant))), next);
    });
  }
});

describe('latestNotice', () => {
  const cases: [string, NoticeRule, string, string][] = [
    [
      '5 business days before Thursday 19 March 2026 → end of 12 March',
      { kind: 'business-days', days: 5 },
      '2026-03-19T10:00:00+01:00',
      '2026-03-13T00:00:00+01:00',
    ],
    [
      '5 business days before Tuesday 7 April 2026 skip Easter → end of 26 March',
      { kind: 'business-days', days: 5 },
      '2026-04-07T22:00:00+02:00',
      '2026-03-27T00:00:00+01:00',
    ],
    [
      '5 business days before a Monday',
      { kind: 'business-days', days: 5 },
      '2026-03-09T06:00:00+01:00',
      '2026-03-03T00:00:00+01:00',
    ],
    [
      '8 weeks keeps the local time across DST',
      { kind: 'weeks', weeks: 8 },
      '2026-05-05T10:00:00+02:00',
      '2026-03-10T10:00:00+01:00',
    ],
    ['6 months', { kind: 'months', months: 6 }, '2026-10-15T10:00:00+02:00', '2026-04-15T10:00:00+02:00'],
    [
      '6 months clamps to the end of February',
      { kind: 'months', months: 6 },
      '2026-08-31T10:00:00+02:00',
      '2026-02-28T10:00:00+01:00',
    ],
  ];
  for (const [what, rule, start, latest] of cases) {
    it(what, () => assert.equal(formatInstant(latestNotice(cal('business-days'), rule, at(start))), latest));
  }
});

describe('parseInstant and formatInstant', () => {
  const cases: [string, string | null][] = [
    ['2026-03-30T08:45:00+02:00', '2026-03-30T08:45:00+02:00'],
    ['2026-03-30T06:45:00Z', '2026-03-30T08:45:00+02:00'],
    ['2026-03-30T06:45:00.5Z', '2026-03-30T08:45:00+02:00'],
    ['2026-03-30T08:45', '2026-03-30T08:45:00+02:00'],
    ['2026-03-30', '2026-03-30T00:00:00+02:00'],
    ['2026-10-25T02:30', '2026-10-25T02:30:00+02:00'],
    ['2026-03-29T02:30', '2026-03-29T03:30:00+02:00'],
    ['2026-02-30T10:00:00Z', null],
    ['2026-03-30T24:00:00Z', null],
    ['yesterday', null],
    ['', null],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      const t = parseInstant(text);
      assert.equal(t === null ? null : formatInstant(t), expected);
    });
  }
});
