import type { Calendar } from './calendar.ts';
import { instantToLocal, localToInstant } from './time-zone.ts';

export type NoticeRule =
  { kind: 'business-days'; days: number } | { kind: 'weeks'; weeks: number } | { kind: 'months'; months: number };

/** The latest moment an announcement may be made for something that starts at `start`. */
export function latestNotice(calendar: Calendar, rule: NoticeRule, start: number): number {
  const zone = calendar.definition.timeZone;
  switch (rule.kind) {
    case 'business-days':
      return calendar.businessDaysBefore(start, rule.days);
    case 'weeks':
      return shiftLocal(zone, start, { weeks: -rule.weeks });
    case 'months':
      return shiftLocal(zone, start, { months: -rule.months });
  }
}

/** Same local wall time, shifted by whole weeks or calendar months (a month end clamps: 31 Aug − 6 months = 28/29 Feb). */
function shiftLocal(zone: string, instant: number, amount: { weeks?: number; months?: number }): number {
  const d = new Date(instantToLocal(zone, instant));
  if (amount.weeks) d.setUTCDate(d.getUTCDate() + amount.weeks * 7);
  if (amount.months) {
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + amount.months;
    const lastDayOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    d.setUTCFullYear(year, month, Math.min(d.getUTCDate(), lastDayOfTarget));
  }
  return localToInstant(zone, d.getTime());
}

export function noticeInTime(
  calendar: Calendar,
  rule: NoticeRule,
  announced: number,
  start: number,
): { ok: boolean; latest: number } {
  const latest = latestNotice(calendar, rule, start);
  return { ok: announced <= latest, latest };
}
