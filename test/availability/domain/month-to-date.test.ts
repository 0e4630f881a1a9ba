import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AvailabilityInput,
  type Maintenance,
  type MonthProgress,
  monthlyAvailability,
  monthProgress,
  type Outage,
  type Interval,
} from '../../../src/modules/availability/domain/monthly-availability.ts';
import { monthBounds } from '../../../src/platform/domain/calendar/month-bounds.ts';
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
const work = (from: string, to: string, announced: string, kind: Maintenance['kind'] = 'maintenance'): Maintenance => ({
  ...span(from, to),
  announced: at(announced),
  kind,
});

// Thursday 3 December 2026, 16:00 in Oslo: 64 hours of a 24/7 December have passed, 744 make the whole month.
const present = '2026-12-03T16:00+01:00';
// The bug report: maintenance on Friday 4 December announced the day before, long after its five business days.
const lateTomorrow = work('2026-12-04T22:00+01:00', '2026-12-04T23:00+01:00', '2026-12-03T15:20+01:00');

interface Hours {
  scheduled: number;
  operating: number;
  downtime: number;
  unknown?: number;
}

interface Row {
  what: string;
  window?: 'always' | 'studio-hours';
  month?: [number, number];
  now?: string;
  outages?: Outage[];
  maintenance?: Maintenance[];
  unknown?: Interval[];
  progress: MonthProgress;
  expected: Hours;
  /** Null where the month has no figure yet. */
  availability: number | null;
  projection: (Hours & { availability: number }) | null;
}

const rows: Row[] = [
  {
    what: 'a quiet month so far counts its start up to now',
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 0 },
    availability: 1,
    projection: null,
  },
  {
    what: 'late work tomorrow is not downtime yet; the projection counts it',
    maintenance: [lateTomorrow],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 0 },
    availability: 1,
    projection: { scheduled: 744, operating: 744, downtime: 1, availability: 743 / 744 },
  },
  {
    what: 'an emergency change this evening is downtime only once it happens',
    maintenance: [work('2026-12-03T20:00+01:00', '2026-12-03T21:00+01:00', '2026-12-03T15:50+01:00', 'emergency')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 0 },
    availability: 1,
    projection: { scheduled: 744, operating: 744, downtime: 1, availability: 743 / 744 },
  },
  {
    what: 'work announced in time ahead changes nothing so far and makes no projection',
    maintenance: [work('2026-12-21T02:00+01:00', '2026-12-21T04:00+01:00', '2026-12-01T09:00+01:00')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 0 },
    availability: 1,
    projection: null,
  },
  {
    what: 'late work across now counts its past hour; the projection both',
    maintenance: [work('2026-12-03T15:00+01:00', '2026-12-03T17:00+01:00', '2026-12-03T14:00+01:00')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 1 },
    availability: 63 / 64,
    projection: { scheduled: 744, operating: 744, downtime: 2, availability: 742 / 744 },
  },
  {
    what: 'work in time across now takes its past hour off operating time',
    maintenance: [work('2026-12-03T15:00+01:00', '2026-12-03T17:00+01:00', '2026-11-20T09:00+01:00')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 63, downtime: 0 },
    availability: 1,
    projection: null,
  },
  {
    what: 'late work that has happened counts in full',
    maintenance: [work('2026-12-02T10:00+01:00', '2026-12-02T11:00+01:00', '2026-12-02T09:00+01:00')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 1 },
    availability: 63 / 64,
    projection: null,
  },
  {
    what: 'an outage before now counts in full',
    outages: [span('2026-12-02T10:00+01:00', '2026-12-02T12:00+01:00')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 2 },
    availability: 62 / 64,
    projection: null,
  },
  {
    what: 'an outage recorded with its end ahead counts up to now',
    outages: [span('2026-12-03T15:00+01:00', '2026-12-03T19:00+01:00')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 1 },
    availability: 63 / 64,
    projection: null,
  },
  {
    what: 'an open outage passed on to the month end counts up to now',
    outages: [{ start: at('2026-12-03T14:00+01:00'), end: monthBounds(2026, 12).end }],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 2 },
    availability: 62 / 64,
    projection: null,
  },
  {
    what: 'an outage recorded entirely ahead counts nothing, not even in the projection',
    outages: [span('2026-12-05T10:00+01:00', '2026-12-05T11:00+01:00')],
    maintenance: [lateTomorrow],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 0 },
    availability: 1,
    projection: { scheduled: 744, operating: 744, downtime: 1, availability: 743 / 744 },
  },
  {
    what: 'time without data stops at now',
    unknown: [span('2026-12-03T12:00+01:00', '2026-12-03T20:00+01:00')],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 0, unknown: 4 },
    availability: 1,
    projection: null,
  },
  {
    what: 'downtime so far and late work ahead: the projection keeps both',
    outages: [span('2026-12-02T10:00+01:00', '2026-12-02T12:00+01:00')],
    maintenance: [lateTomorrow],
    progress: 'to-date',
    expected: { scheduled: 64, operating: 64, downtime: 2 },
    availability: 62 / 64,
    projection: { scheduled: 744, operating: 744, downtime: 3, availability: 741 / 744 },
  },
  // Tuesday 1 and Wednesday 2 December whole (13 h each), Thursday 07:00–16:00; 23 weekdays in the whole month.
  {
    what: 'studio hours so far, with late work outside them ahead',
    window: 'studio-hours',
    maintenance: [lateTomorrow],
    progress: 'to-date',
    expected: { scheduled: 35, operating: 35, downtime: 0 },
    availability: 1,
    projection: { scheduled: 299, operating: 299, downtime: 0, availability: 1 },
  },
  {
    what: 'a month not begun has no figure',
    month: [2027, 1],
    outages: [span('2027-01-05T10:00+01:00', '2027-01-05T11:00+01:00')],
    progress: 'not-started',
    expected: { scheduled: 0, operating: 0, downtime: 0 },
    availability: null,
    projection: null,
  },
  {
    what: 'a month not begun projects the late work announced for it',
    month: [2027, 1],
    // A change needs eight weeks of notice; a month is too little.
    maintenance: [work('2027-01-04T22:00+01:00', '2027-01-04T23:00+01:00', '2026-12-03T15:00+01:00', 'change')],
    progress: 'not-started',
    expected: { scheduled: 0, operating: 0, downtime: 0 },
    availability: null,
    projection: { scheduled: 744, operating: 744, downtime: 1, availability: 743 / 744 },
  },
  {
    what: 'a month that is over is counted whole, late work and all',
    month: [2026, 11],
    outages: [span('2026-11-10T10:00+01:00', '2026-11-10T11:00+01:00')],
    maintenance: [work('2026-11-30T22:00+01:00', '2026-11-30T23:00+01:00', '2026-11-30T09:00+01:00')],
    progress: 'complete',
    expected: { scheduled: 720, operating: 720, downtime: 2 },
    availability: 718 / 720,
    projection: null,
  },
  // Summer time began on 29 March 2026 at 02:00: that day's noon is 28 × 24 + 12 − 1 = 683 hours into March.
  {
    what: 'March in progress after the spring change is an hour short',
    month: [2026, 3],
    now: '2026-03-29T12:00+02:00',
    maintenance: [work('2026-03-30T22:00+02:00', '2026-03-30T23:00+02:00', '2026-03-29T11:00+02:00')],
    progress: 'to-date',
    expected: { scheduled: 683, operating: 683, downtime: 0 },
    availability: 1,
    projection: { scheduled: 743, operating: 743, downtime: 1, availability: 742 / 743 },
  },
  // Summer time ended on 25 October 2026 at 03:00: that day's noon is 24 × 24 + 12 + 1 = 589 hours into October.
  {
    what: 'October in progress after the autumn change has the extra hour',
    month: [2026, 10],
    now: '2026-10-25T12:00+01:00',
    outages: [span('2026-10-25T02:30+02:00', '2026-10-25T02:30+01:00')],
    progress: 'to-date',
    expected: { scheduled: 589, operating: 589, downtime: 1 },
    availability: 588 / 589,
    projection: null,
  },
];

function input(r: Row): AvailabilityInput {
  const [year, month] = r.month ?? [2026, 12];
  return {
    window: calendars(r.window ?? 'always'),
    calendars,
    year,
    month,
    now: at(r.now ?? present),
    outages: r.outages ?? [],
    maintenance: r.maintenance ?? [],
    unknown: r.unknown ?? [],
  };
}

const inHours = (f: { scheduledMs: number; operatingMs: number; downtimeMs: number; unknownMs: number }) => ({
  scheduled: f.scheduledMs / hour,
  operating: f.operatingMs / hour,
  downtime: f.downtimeMs / hour,
  unknown: f.unknownMs / hour,
});

describe('monthlyAvailability up to the present', () => {
  for (const r of rows) {
    it(r.what, () => {
      const result = monthlyAvailability(input(r));
      const bounds = monthBounds(...(r.month ?? [2026, 12]));
      assert.equal(result.progress, r.progress);
      assert.equal(
        result.throughMs,
        r.progress === 'complete' ? bounds.end : r.progress === 'not-started' ? bounds.start : at(r.now ?? present),
      );
      assert.deepEqual(inHours(result), { unknown: 0, ...r.expected });
      assert.equal(result.availability, r.availability);
      if (r.projection === null) assert.equal(result.projection, null);
      else {
        const { availability, ...hours } = r.projection;
        assert.ok(result.projection);
        assert.deepEqual(inHours(result.projection), { unknown: 0, ...hours });
        assert.equal(result.projection.availability, availability);
      }
    });
  }

  it('counts a month that is over the same whatever the present', () => {
    const november = rows.find((r) => r.progress === 'complete');
    assert.ok(november);
    const atEnd = monthlyAvailability({ ...input(november), now: monthBounds(2026, 11).end });
    const later = monthlyAvailability({ ...input(november), now: at('2030-01-01T00:00+01:00') });
    assert.deepEqual(atEnd, later);
  });
});

describe('monthProgress', () => {
  const december = monthBounds(2026, 12);
  const cases: [string, number, MonthProgress, number][] = [
    ['before the month', at('2026-11-30T23:59+01:00'), 'not-started', december.start],
    ['at its first instant', december.start, 'not-started', december.start],
    ['inside it', at(present), 'to-date', at(present)],
    ['at its end', december.end, 'complete', december.end],
    ['after it', at('2027-02-01T00:00+01:00'), 'complete', december.end],
  ];
  for (const [what, now, progress, throughMs] of cases)
    it(what, () => assert.deepEqual(monthProgress(december, now), { progress, throughMs }));
});
