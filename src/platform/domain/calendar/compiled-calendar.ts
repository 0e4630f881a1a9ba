import type { CalendarDefinition, WeeklyHours } from './calendar-definition.ts';
import { weekdays } from './weekdays.ts';
import { norwegianPublicHolidays } from './holidays.ts';
import { localToInstant } from './time-zone.ts';

const day = 86_400_000;

/**
 * The open intervals once more as typed arrays, for the hot paths (open time between two instants, adding open time):
 * a lookup starts at the interval given for its day and scans forward, which is a step or two, not a binary search.
 */
export interface IntervalIndex {
  /** starts and ends with +Infinity appended, so that a forward scan stops without a bounds check. */
  startAt: Float64Array;
  endAt: Float64Array;
  /** cumBefore with the total open time appended: cumAt[i + 1] is the open time up to the end of interval i. */
  cumAt: Float64Array;
  /** Per step of 24 hours from coverStart: the first interval that ends after the step begins. */
  firstEndingByDay: Int32Array;
}

/**
 * A calendar laid out as sorted open intervals (UTC instants) with running totals of open time, over a range of
 * local dates that grows on demand. Every question is then a binary search plus arithmetic.
 */
export interface CalendarLayout extends IntervalIndex {
  /** Days since 1970-01-01 of the first and last local dates covered. */
  firstDay: number;
  lastDay: number;
  /** Instants where the covered range begins and ends (local midnights). */
  coverStart: number;
  coverEnd: number;
  /** Per covered local date: the instant it closes (end of its last opening range), NaN when closed all day. */
  dayClose: number[];
  /** Per covered local date: open days from the first covered date up to and including this one. */
  openDaysThrough: number[];
  /** Open intervals [start, end), ascending; touching ranges are merged. */
  starts: number[];
  ends: number[];
  /** Open milliseconds before interval i, counted from the start of the layout. */
  cumBefore: number[];
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function isoDate(epochDay: number): string {
  return new Date(epochDay * day).toISOString().slice(0, 10);
}

function inSeason(monthDay: string, from: string, to: string): boolean {
  return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;
}

/** Opening ranges (minutes of the local day) on one local date. */
export function openRangesOn(definition: CalendarDefinition, epochDay: number): [number, number][] {
  if (definition.alwaysOpen) return [[0, 24 * 60]];
  const date = isoDate(epochDay);
  if (definition.closedDates.includes(date)) return [];
  if (definition.holidays === 'NO' && norwegianPublicHolidays(Number(date.slice(0, 4))).has(date)) return [];
  const weekday = weekdays[(new Date(epochDay * day).getUTCDay() + 6) % 7] ?? 'mon';
  const season = definition.seasons.find((s) => inSeason(date.slice(5), s.from, s.to));
  const hours: WeeklyHours = season ? season.hours : definition.hours;
  return (hours[weekday] ?? [])
    .map(([from, to]) => [minutes(from), minutes(to)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

export function layOut(definition: CalendarDefinition, firstDay: number, lastDay: number): CalendarLayout {
  const zone = definition.timeZone;
  const layout: Omit<CalendarLayout, keyof IntervalIndex> = {
    firstDay,
    lastDay,
    coverStart: localToInstant(zone, firstDay * day),
    coverEnd: localToInstant(zone, (lastDay + 1) * day),
    dayClose: [],
    openDaysThrough: [],
    starts: [],
    ends: [],
    cumBefore: [],
  };
  let cum = 0;
  let openDays = 0;
  for (let d = firstDay; d <= lastDay; d++) {
    let close = Number.NaN;
    for (const [from, to] of openRangesOn(definition, d)) {
      const start = localToInstant(zone, d * day + from * 60_000);
      const end = localToInstant(zone, d * day + to * 60_000);
      if (end <= start) continue;
      close = end;
      const last = layout.starts.length - 1;
      if (last >= 0 && layout.ends[last] === start) layout.ends[last] = end;
      else {
        layout.starts.push(start);
        layout.ends.push(end);
        layout.cumBefore.push(cum);
      }
      cum += end - start;
    }
    if (!Number.isNaN(close)) openDays += 1;
    layout.dayClose.push(close);
    layout.openDaysThrough.push(openDays);
  }
  return { ...layout, ...indexIntervals(layout, cum) };
}

function indexIntervals(layout: Omit<CalendarLayout, keyof IntervalIndex>, total: number): IntervalIndex {
  const n = layout.starts.length;
  const startAt = new Float64Array(n + 1);
  const endAt = new Float64Array(n + 1);
  const cumAt = new Float64Array(n + 1);
  startAt.set(layout.starts);
  endAt.set(layout.ends);
  cumAt.set(layout.cumBefore);
  startAt[n] = Number.POSITIVE_INFINITY;
  endAt[n] = Number.POSITIVE_INFINITY;
  cumAt[n] = total;
  const steps = Math.ceil((layout.coverEnd - layout.coverStart) / day);
  const firstEndingByDay = new Int32Array(steps + 1);
  for (let step = 0, k = 0; step <= steps; step++) {
    const t = layout.coverStart + step * day;
    while (k < n && (layout.ends[k] as number) <= t) k++;
    firstEndingByDay[step] = k;
  }
  return { startAt, endAt, cumAt, firstEndingByDay };
}
