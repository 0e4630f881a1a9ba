import type { Calendar } from './calendar.ts';
import { shiftLocal } from './calendar.ts';
import { localToInstant } from './time-zone.ts';

export type NoticeRule = { kind: 'business-days'; days: number } | { kind: 'weeks'; weeks: number } | { kind: 'months'; months: number };

/** The latest moment an announcement may be made for something that starts at `start`. */
export function latestNotice(calendar: Calendar, rule: NoticeRule, start: number): number {
  const zone = calendar.definition.timeZone;
  switch (rule.kind) {
    case 'business-days':
      return calendar.businessDaysBefore(start, rule.days);
    case 'weeks':
      return shiftLocal(zone, start, { weeks: -rule.weeks }, localToInstant);
    case 'months':
      return shiftLocal(zone, start, { months: -rule.months }, localToInstant);
  }
}

export function noticeInTime(calendar: Calendar, rule: NoticeRule, announced: number, start: number): { ok: boolean; latest: number } {
  const latest = latestNotice(calendar, rule, start);
  return { ok: announced <= latest, latest };
}
