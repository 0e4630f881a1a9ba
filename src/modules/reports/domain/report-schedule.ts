import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import { localToInstant } from '../../../platform/domain/calendar/time-zone.ts';

const zone = 'Europe/Oslo';
/** Local hour at which the month's reports are made. */
export const reportHour = 7;

/**
 * 07:00 (Europe/Oslo) on the first business day of a month: when the previous month's reports are generated.
 * `businessDays` is the `business-days` calendar, open whole days Monday to Friday except public holidays.
 */
export function scheduledReportTime(businessDays: Calendar, year: number, month: number): number {
  const firstOpening = businessDays.nextOpening(localToInstant(zone, Date.UTC(year, month - 1, 1)));
  const day = businessDays.localDay(firstOpening);
  return localToInstant(zone, day * 86_400_000 + reportHour * 3_600_000);
}
