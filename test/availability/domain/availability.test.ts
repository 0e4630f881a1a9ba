import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  displayPercent,
  type Maintenance,
  meetsTarget,
  monthlyAvailability,
  type Outage,
  type Interval,
} from '../../../src/modules/availability/domain/monthly-availability.ts';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(iso);
  return t;
};
const calendars = (id: string) => {
  const c = builtInCalendars().get(id);
  if (!c) throw new Error(id);
  return c;
};
const hour = 3_600_000;
const span = (from: string, to: string): Interval => ({ start: at(from), end: at(to) });
// Every month of these tables is over: counted whole, as before a month in progress stopped at the present.
const afterwards = at('2027-06-01T00:00+02:00');

interface Row {
  what: string;
  window: 'always' | 'studio-hours';
  month: [number, number];
  outages?: Outage[];
  maintenance?: Maintenance[];
  unknown?: Interval[];
  scheduledHours: number;
  operatingHours: number;
  downtimeHours: number;
  unknownHours?: number;
}

// Figures worked out by hand from the rules in PRODUCT.md; March 2026 has 743 hours in Oslo (DST), October 745.
const rows: Row[] = [
  {
    what: '24/7 in March: the DST hour is missing',
    window: 'always',
    month: [2026, 3],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 0,
  },
  {
    what: '24/7 in October: the DST hour is extra',
    window: 'always',
    month: [2026, 10],
    scheduledHours: 745,
    operatingHours: 745,
    downtimeHours: 0,
  },
  {
    what: 'an hour of outage',
    window: 'always',
    month: [2026, 3],
    outages: [span('2026-03-10T10:00+01:00', '2026-03-10T11:00+01:00')],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 1,
  },
  {
    what: 'overlapping outages count once',
    window: 'always',
    month: [2026, 3],
    outages: [
      span('2026-03-10T10:00+01:00', '2026-03-10T11:00+01:00'),
      span('2026-03-10T10:30+01:00', '2026-03-10T12:00+01:00'),
    ],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 2,
  },
  {
    what: 'partial and degraded do not count by default',
    window: 'always',
    month: [2026, 3],
    outages: [
      { ...span('2026-03-10T10:00+01:00', '2026-03-10T14:00+01:00'), severity: 'partial' },
      { ...span('2026-03-11T10:00+01:00', '2026-03-11T14:00+01:00'), severity: 'degraded' },
    ],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 0,
  },
  {
    what: 'an outage across the month end is clipped',
    window: 'always',
    month: [2026, 3],
    outages: [span('2026-03-31T22:00+02:00', '2026-04-01T03:00+02:00')],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 2,
  },
  {
    what: 'maintenance announced 5 business days ahead is planned time',
    window: 'always',
    month: [2026, 3],
    maintenance: [
      {
        ...span('2026-03-19T02:00+01:00', '2026-03-19T04:00+01:00'),
        announced: at('2026-03-12T16:00+01:00'),
        kind: 'maintenance',
      },
    ],
    scheduledHours: 743,
    operatingHours: 741,
    downtimeHours: 0,
  },
  {
    what: 'maintenance announced a day late is downtime',
    window: 'always',
    month: [2026, 3],
    maintenance: [
      {
        ...span('2026-03-19T02:00+01:00', '2026-03-19T04:00+01:00'),
        announced: at('2026-03-13T09:00+01:00'),
        kind: 'maintenance',
      },
    ],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 2,
  },
  {
    what: 'an emergency change needs no notice but its time is downtime',
    window: 'always',
    month: [2026, 3],
    maintenance: [
      {
        ...span('2026-03-19T02:00+01:00', '2026-03-19T03:00+01:00'),
        announced: at('2026-03-19T01:50+01:00'),
        kind: 'emergency',
      },
    ],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 1,
  },
  {
    what: 'an outage inside planned maintenance is not downtime',
    window: 'always',
    month: [2026, 3],
    outages: [span('2026-03-19T02:30+01:00', '2026-03-19T05:00+01:00')],
    maintenance: [
      {
        ...span('2026-03-19T02:00+01:00', '2026-03-19T04:00+01:00'),
        announced: at('2026-03-01T12:00+01:00'),
        kind: 'maintenance',
      },
    ],
    scheduledHours: 743,
    operatingHours: 741,
    downtimeHours: 1,
  },
  {
    what: 'a change needs 8 weeks of notice',
    window: 'always',
    month: [2026, 3],
    maintenance: [
      {
        ...span('2026-03-19T02:00+01:00', '2026-03-19T04:00+01:00'),
        announced: at('2026-02-01T12:00+01:00'),
        kind: 'change',
      },
    ],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 2,
  },
  {
    what: 'time without data is reported apart',
    window: 'always',
    month: [2026, 3],
    unknown: [span('2026-03-05T00:00+01:00', '2026-03-05T10:00+01:00')],
    outages: [span('2026-03-05T09:00+01:00', '2026-03-05T11:00+01:00')],
    scheduledHours: 743,
    operatingHours: 743,
    downtimeHours: 2,
    unknownHours: 9,
  },
  // Weekdays 07–20: 22 weekdays in March 2026 (no holiday rule) × 13 h.
  {
    what: 'studio hours: 286 scheduled hours in March',
    window: 'studio-hours',
    month: [2026, 3],
    scheduledHours: 286,
    operatingHours: 286,
    downtimeHours: 0,
  },
  {
    what: 'studio hours: a night outage is outside the window',
    window: 'studio-hours',
    month: [2026, 3],
    outages: [span('2026-03-10T21:00+01:00', '2026-03-11T08:00+01:00')],
    scheduledHours: 286,
    operatingHours: 286,
    downtimeHours: 1,
  },
];

describe('monthlyAvailability', () => {
  for (const r of rows) {
    it(r.what, () => {
      const result = monthlyAvailability({
        window: calendars(r.window),
        calendars,
        year: r.month[0],
        month: r.month[1],
        now: afterwards,
        outages: r.outages ?? [],
        maintenance: r.maintenance ?? [],
        unknown: r.unknown ?? [],
      });
      assert.deepEqual(
        [result.scheduledMs / hour, result.operatingMs / hour, result.downtimeMs / hour, result.unknownMs / hour],
        [r.scheduledHours, r.operatingHours, r.downtimeHours, r.unknownHours ?? 0],
      );
      const known = r.operatingHours - (r.unknownHours ?? 0);
      assert.equal(result.availability, (known - r.downtimeHours) / known);
    });
  }

  it('weights partial outages when configured, the heaviest where they overlap', () => {
    const result = monthlyAvailability({
      window: calendars('always'),
      calendars,
      year: 2026,
      month: 3,
      now: afterwards,
      outages: [
        { ...span('2026-03-10T10:00+01:00', '2026-03-10T14:00+01:00'), severity: 'partial' },
        { ...span('2026-03-10T12:00+01:00', '2026-03-10T13:00+01:00'), severity: 'unavailable' },
      ],
      maintenance: [],
      weights: { unavailable: 1, partial: 0.5, degraded: 0 },
    });
    assert.equal(result.downtimeMs / hour, 0.5 * 3 + 1);
  });

  it('says which maintenance was late and by which policy', () => {
    const result = monthlyAvailability({
      window: calendars('always'),
      calendars,
      year: 2026,
      month: 3,
      now: afterwards,
      outages: [],
      maintenance: [
        {
          ...span('2026-03-19T02:00+01:00', '2026-03-19T04:00+01:00'),
          announced: at('2026-03-13T09:00+01:00'),
          kind: 'maintenance',
        },
      ],
    });
    assert.equal(result.maintenance[0]?.inTime, false);
    assert.equal(result.maintenance[0]?.policy, 'maintenance-notice');
    assert.equal(result.maintenance[0]?.latestAnnouncement, at('2026-03-13T00:00+01:00'));
  });
});

describe('display and compliance', () => {
  const rows: [string, number, string][] = [
    ['99.899 % shows as 99.89', 0.99899, '99.89'],
    ['exactly 99.9 %', 0.999, '99.90'],
    ['100 %', 1, '100.00'],
    ['just under 99.8 %', 0.997999, '99.79'],
  ];
  for (const [what, value, shown] of rows) it(what, () => assert.equal(displayPercent(value), shown));

  it('decides on the exact figure, not the displayed one', () => {
    // 743 h with 0.7430 h down is exactly 99.9 %: met. One second more is not, though both display as 99.89/99.90.
    const operatingMs = 743 * hour;
    assert.equal(meetsTarget({ operatingMs, unknownMs: 0, downtimeMs: 0.743 * hour }, 9990), true);
    assert.equal(meetsTarget({ operatingMs, unknownMs: 0, downtimeMs: 0.743 * hour + 1000 }, 9990), false);
  });
});
