import type { Calendar } from '../calendar/calendar.ts';
import type { CalendarDefinition } from '../calendar/calendar-definition.ts';
import { localToInstant } from '../calendar/time-zone.ts';

/**
 * How a calendar's time is counted when it is told to a person: around the clock (wall time, whole days are
 * "døgn"), whole open days (open time is wall time on open days, whole days are business days) or opening hours
 * (open time is working time, whole open days are business days of that calendar).
 */
export type CalendarCount = 'around-the-clock' | 'whole-days' | 'opening-hours';

export function calendarCount(definition: CalendarDefinition): CalendarCount {
  if (definition.alwaysOpen) return 'around-the-clock';
  const ranges = [
    ...Object.values(definition.hours),
    ...definition.seasons.flatMap((season) => Object.values(season.hours)),
  ].flat();
  const wholeDays = ranges.length > 0 && ranges.every(([from, to]) => from === '00:00' && to === '24:00');
  return wholeDays ? 'whole-days' : 'opening-hours';
}

/** Time left before a deadline, as a person counts it in the clock's own calendar. */
export interface TimeLeft {
  count: CalendarCount;
  /** Whole days: døgn around the clock, otherwise whole open days of the calendar. Zero below a day. */
  days: number;
  hours: number;
  minutes: number;
  /** The open time left, in milliseconds. */
  openMs: number;
}

const minute = 60_000;
const day = 86_400_000;
/** A deadline further away than this is told in days without walking the calendar day by day. */
const walkLimitDays = 400;

function split(count: CalendarCount, openMs: number, days: number, restMs: number): TimeLeft {
  const minutes = Math.floor(restMs / minute);
  return { count, days, hours: Math.floor(minutes / 60), minutes: minutes % 60, openMs };
}

/**
 * The open time from `now` to `due` in `calendar`, in days past 24 hours. Around the clock a day is 24 hours. In
 * other calendars a day is an open day lying wholly between the two instants; the open time before the first and
 * after the last whole day is told in hours, and becomes a day when it adds up to a full one.
 */
export function timeLeft(calendar: Calendar, now: number, due: number): TimeLeft {
  const count = calendarCount(calendar.definition);
  const openMs = due > now ? calendar.openTimeBetween(now, due) : 0;
  if (count === 'around-the-clock' || openMs < day) {
    const days = count === 'around-the-clock' ? Math.floor(openMs / day) : 0;
    return split(count, openMs, days, openMs - days * day);
  }
  const zone = calendar.definition.timeZone;
  const first = calendar.localDay(now);
  const last = calendar.localDay(due);
  if (last - first > walkLimitDays) return split(count, openMs, Math.floor(openMs / day), openMs % day);
  let days = 0;
  let rest = 0;
  let longestDay = 0;
  for (let d = first; d <= last; d++) {
    const start = localToInstant(zone, d * day);
    const end = localToInstant(zone, (d + 1) * day);
    const full = calendar.openTimeBetween(start, end);
    if (full === 0) continue;
    longestDay = Math.max(longestDay, full);
    const part = calendar.openTimeBetween(Math.max(start, now), Math.min(end, due));
    if (part === full) days++;
    else rest += part;
  }
  if (longestDay > 0 && rest >= longestDay) {
    days++;
    rest -= longestDay;
  }
  return split(count, openMs, days, rest);
}

/**
 * An amount of open time with no instants to place it (a paused clock's frozen remainder, a policy's at-risk horizon),
 * told the same way: whole days only where a day's open time is 24 hours.
 */
export function openTimeTold(calendar: Calendar, openMs: number): TimeLeft {
  const count = calendarCount(calendar.definition);
  const days = count === 'opening-hours' ? 0 : Math.floor(openMs / day);
  return split(count, openMs, days, openMs - days * day);
}
