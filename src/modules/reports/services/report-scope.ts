import { z } from 'zod';
import { monthPeriod, type Period } from '../../support/index.ts';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import { monthMessage, monthKey, parseMonthKey, shiftMonth } from '../../../platform/domain/month-key.ts';
import { tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

export const reportInput = z.object({
  /** `YYYY-MM` (Europe/Oslo); the previous month when absent. */
  month: monthKey({ ahead: 1 }).optional(),
  /** An owner's organisation code for the owner's own report; absent: the platform report. */
  owner: z.string().min(1).max(64).optional(),
});
export type ReportInput = z.input<typeof reportInput>;

export interface ReportOwner {
  id: string;
  code: string;
  name: string;
}

/** The month before the one `now` falls in (Europe/Oslo): what a report is for unless another month is asked for. */
export function previousReportMonth(now: number): string {
  return shiftMonth(new Date(instantToLocal('Europe/Oslo', now)).toISOString().slice(0, 7), -1);
}

export { shiftMonth };

/** A month's bounds in Europe/Oslo. */
export function monthBoundsOf(month: string): Period {
  const key = parseMonthKey(month);
  if (!key) throw AppError.field('month', monthMessage);
  return monthPeriod(key.year, key.month);
}

/** The report month's bounds; a month that has not begun yet has no report. */
export function reportPeriod(month: string, now: number): Period {
  const period = monthBoundsOf(month);
  if (period.start > now) throw AppError.field('month', 'the month has not begun');
  return period;
}

/**
 * The owner a report is for, looked up through the tenant scope of `report.read`: another owner's code is simply not
 * found, as an unknown one is, so an owner can never get another owner's numbers.
 */
export async function findReportOwner(ctx: ServiceContext, code: string): Promise<ReportOwner> {
  const query = ctx.db
    .selectFrom('organisations')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'owner')
    .where('code', '=', code);
  const row = await scoped(query, 'id', tenantScope(ctx.actor, 'report.read')).executeTakeFirst();
  if (!row) throw AppError.field('owner', 'no such owner', 'not-found');
  return row;
}
