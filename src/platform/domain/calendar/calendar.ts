import {
  type CalendarDefinition,
  calendarDefinitionSchema,
  type CalendarDefinitionInput,
} from './calendar-definition.ts';
import { type CalendarLayout, layOut } from './compiled-calendar.ts';
import { instantToLocal } from './time-zone.ts';

const day = 86_400_000;

/** Index of the last element ≤ value in an ascending array, or −1. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first element ≥ value in an ascending array, or the length. */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class CalendarRangeError extends Error {}

/**
 * Business-calendar arithmetic on instants (epoch milliseconds). Instances are immutable from the outside;
 * internally the laid-out range grows when a question reaches beyond it, so results never depend on history.
 */
export class Calendar {
  readonly definition: CalendarDefinition;
  /** definition.alwaysOpen, kept as a plain field for the hot paths. */
  private readonly alwaysOpen: boolean;
  private layout: CalendarLayout | null = null;

  constructor(definition: CalendarDefinition | CalendarDefinitionInput) {
    this.definition = calendarDefinitionSchema.parse(definition);
    this.alwaysOpen = this.definition.alwaysOpen;
  }

  get id(): string {
    return this.definition.id;
  }

  /** Local date of an instant in this calendar's zone, as days since 1970-01-01. */
  localDay(instant: number): number {
    return Math.floor(instantToLocal(this.definition.timeZone, instant) / day);
  }

  private cover(firstDay: number, lastDay: number): CalendarLayout {
    const current = this.layout;
    if (current && firstDay >= current.firstDay && lastDay <= current.lastDay) return current;
    // Start small (a one-off question should not pay for years) and grow by at least the current span, so that a run
    // of questions lays out again only rarely, and only on the side that is short: growing forward keeps the origin
    // of the running totals, which addOpenTime relies on.
    const margin = Math.max(60, current ? current.lastDay - current.firstDay : 0);
    const from = current && firstDay >= current.firstDay ? current.firstDay : firstDay - margin;
    const to = current && lastDay <= current.lastDay ? current.lastDay : lastDay + 2 * margin;
    if (from < -84_000 || to > 157_000) throw new CalendarRangeError('instant outside 1740–2400');
    this.layout = layOut(this.definition, from, to);
    return this.layout;
  }

  private covering(instant: number): CalendarLayout {
    const l = this.layout;
    if (l && instant >= l.coverStart && instant < l.coverEnd) return l;
    const d = this.localDay(instant);
    return this.cover(d - 1, d + 1);
  }

  /** The first interval that ends after `instant` (the interval count when none does); `instant` must be covered. */
  private intervalAfter(l: CalendarLayout, instant: number): number {
    let k = l.firstEndingByDay[Math.floor((instant - l.coverStart) / day)] as number;
    while ((l.endAt[k] as number) <= instant) k++;
    return k;
  }

  /** Open milliseconds from the start of the layout to `instant`, which must be covered. */
  private cum(l: CalendarLayout, instant: number): number {
    const k = this.intervalAfter(l, instant);
    const into = instant - (l.startAt[k] as number);
    return (l.cumAt[k] as number) + (into > 0 ? into : 0);
  }

  isOpen(instant: number): boolean {
    if (this.alwaysOpen) return true;
    const l = this.covering(instant);
    const k = lastAtOrBefore(l.starts, instant);
    return k >= 0 && instant < (l.ends[k] as number);
  }

  /** The instant itself when open, otherwise the next opening. */
  nextOpening(instant: number): number {
    if (this.alwaysOpen) return instant;
    let l = this.covering(instant);
    for (;;) {
      const k = lastAtOrBefore(l.starts, instant);
      if (k >= 0 && instant < (l.ends[k] as number)) return instant;
      const next = l.starts[k + 1];
      if (next !== undefined) return next;
      l = this.cover(l.firstDay, l.lastDay + 1);
    }
  }

  /** Open time (ms) between two instants; negative when `to` is before `from`. */
  openTimeBetween(from: number, to: number): number {
    if (this.alwaysOpen) return to - from;
    if (to < from) return -this.openTimeBetween(to, from);
    let l = this.covering(from);
    if (to >= l.coverEnd) l = this.cover(l.firstDay, this.localDay(to) + 1);
    return this.cum(l, to) - this.cum(l, from);
  }

  /**
   * The instant at which `openMs` of open time has passed after `start`. Counting begins at the next opening when
   * `start` is closed; a target that ends exactly at a closing returns that closing, not the next opening.
   */
  addOpenTime(start: number, openMs: number): number {
    if (openMs < 0) throw new RangeError('open time must not be negative');
    if (this.alwaysOpen) return start + openMs;
    if (openMs === 0) return this.nextOpening(start);
    let l = this.covering(start);
    let first = this.intervalAfter(l, start);
    const into = start - (l.startAt[first] as number);
    const target = (l.cumAt[first] as number) + (into > 0 ? into : 0) + openMs;
    for (;;) {
      const total = l.cumAt[l.cumAt.length - 1] as number;
      if (target <= total) break;
      // Growing forward keeps the origin of the running totals, so `target` stays valid.
      l = this.cover(l.firstDay, l.lastDay + Math.max(366, Math.ceil((target - total) / day) * 2));
      first = this.intervalAfter(l, start);
    }
    // The interval k where the target falls: cumAt[k] < target ≤ cumAt[k + 1]. It is `first` or later; gallop
    // forward (1, 2, 4, … intervals) until past it, then bisect, so short durations take only a few steps.
    const last = l.cumAt.length - 2;
    let lo = first;
    let hi = first;
    for (let step = 1; (l.cumAt[hi + 1] as number) < target; step *= 2) {
      lo = hi + 1;
      hi = Math.min(last, hi + step);
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((l.cumAt[mid + 1] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return (l.startAt[lo] as number) + (target - (l.cumAt[lo] as number));
  }

  /** The closing of the Nth open day after the local day of `start` (that day not counted). */
  businessDaysAfter(start: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('business days must be a whole number ≥ 0');
    const receipt = this.localDay(start);
    let l = this.cover(receipt, receipt + n * 3 + 14);
    for (;;) {
      const base = l.openDaysThrough[receipt - l.firstDay] as number;
      const j = firstAtOrAfter(l.openDaysThrough, base + n);
      // Zero days: the closing of the day of receipt, or of the next open day when that day is closed.
      if (n === 0) {
        const close = l.dayClose[receipt - l.firstDay] as number;
        if (!Number.isNaN(close)) return close;
        const next = firstAtOrAfter(l.openDaysThrough, base + 1);
        if (next < l.openDaysThrough.length) return l.dayClose[next] as number;
        l = this.cover(l.firstDay, l.lastDay + 366);
        continue;
      }
      if (j < l.openDaysThrough.length) return l.dayClose[j] as number;
      l = this.cover(l.firstDay, l.lastDay + 366);
    }
  }

  /** The closing of the Nth open day before the local day of `date` (that day not counted): the latest notice. */
  businessDaysBefore(date: number, n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('business days must be a whole number ≥ 1');
    const target = this.localDay(date);
    let l = this.cover(target - n * 3 - 14, target);
    for (;;) {
      const through = l.openDaysThrough[target - 1 - l.firstDay] as number;
      const wanted = through - n + 1;
      if (wanted >= 1) return l.dayClose[firstAtOrAfter(l.openDaysThrough, wanted)] as number;
      l = this.cover(l.firstDay - 366, l.lastDay);
    }
  }
}
