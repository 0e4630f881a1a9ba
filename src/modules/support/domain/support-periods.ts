import { instantToLocal, localToInstant } from '../../../platform/domain/calendar/time-zone.ts';

/** Support figures are reported per calendar month and per ISO week, both in Norwegian time. */
export const supportZone = 'Europe/Oslo';
export const periodKinds = ['month', 'week'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** A reporting period: `2026-02` or `2026-W06`, from `start` (included) to `end` (excluded). */
export interface Period {
  kind: PeriodKind;
  key: string;
  start: number;
  end: number;
}

const day = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function localMidnight(year: number, month: number, date: number): number {
  return localToInstant(supportZone, Date.UTC(year, month - 1, date));
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: `${year}-${pad(month)}`,
    start: localMidnight(year, month, 1),
    end: localMidnight(year, month + 1, 1),
  };
}

/** The ISO week (Monday to Monday, local time) of a local calendar date; the week's year is the year of its Thursday. */
function weekOfLocalDate(localDateMs: number): Period {
  const weekday = (new Date(localDateMs).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = localDateMs - weekday * day;
  const thursday = new Date(monday + 3 * day);
  const isoYear = thursday.getUTCFullYear();
  const firstThursdayOfYear = Date.UTC(isoYear, 0, 1 + ((4 - new Date(Date.UTC(isoYear, 0, 1)).getUTCDay() + 7) % 7));
  const week = 1 + Math.round((thursday.getTime() - firstThursdayOfYear) / (7 * day));
  const m = new Date(monday);
  const start = localMidnight(m.getUTCFullYear(), m.getUTCMonth() + 1, m.getUTCDate());
  const end = localMidnight(m.getUTCFullYear(), m.getUTCMonth() + 1, m.getUTCDate() + 7);
  return { kind: 'week', key: `${isoYear}-W${pad(week)}`, start, end };
}

/** The ISO week an instant falls in, in Norwegian time. */
export function isoWeekOf(instant: number): Period {
  const local = instantToLocal(supportZone, instant);
  return weekOfLocalDate(local - (((local % day) + day) % day));
}

/** The calendar month an instant falls in, in Norwegian time. */
export function monthOf(instant: number): Period {
  const local = new Date(instantToLocal(supportZone, instant));
  return monthPeriod(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/**
 * The periods covering the months `from`..`to` (both included): the months themselves, or every ISO week that has
 * at least one day in them. A week is always whole, so one straddling two months reports all of its seven days.
 */
export function periodsBetween(
  kind: PeriodKind,
  from: { year: number; month: number },
  to: { year: number; month: number },
): Period[] {
  const months: Period[] = [];
  for (
    let y = from.year, m = from.month;
    y < to.year || (y === to.year && m <= to.month);
    m === 12 ? ((y += 1), (m = 1)) : (m += 1)
  )
    months.push(monthPeriod(y, m));
  if (kind === 'month' || months.length === 0) return months;
  const first = months[0] as Period;
  const last = months[months.length - 1] as Period;
  const weeks: Period[] = [];
  for (let week = isoWeekOf(first.start); week.start < last.end; week = isoWeekOf(week.end)) weeks.push(week);
  return weeks;
}

/** Items sorted into the periods (ascending, non-overlapping) their instant falls in; items outside all are dropped. */
export function bucketByPeriod<T>(
  periods: readonly Period[],
  items: readonly T[],
  instantOf: (item: T) => number,
): T[][] {
  const buckets: T[][] = periods.map(() => []);
  for (const item of items) {
    const at = instantOf(item);
    let lo = 0;
    let hi = periods.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = periods[mid] as Period;
      if (at < p.start) hi = mid - 1;
      else if (at >= p.end) lo = mid + 1;
      else {
        (buckets[mid] as T[]).push(item);
        break;
      }
    }
  }
  return buckets;
}
