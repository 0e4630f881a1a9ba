import { monthBounds } from '../../../platform/domain/calendar/month-bounds.ts';
import { z } from 'zod';
import { monthKey, shiftMonth } from '../../../platform/domain/month-key.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { storeMonthTotals } from './month-totals.ts';

/** The end (exclusive, an instant) of a `YYYY-MM` month in Europe/Oslo. */
export function usageMonthEnd(month: string): number {
  const [year = '0', m = '0'] = month.split('-');
  return monthBounds(Number(year), Number(m)).end;
}

export function previousMonth(month: string): string {
  return shiftMonth(month, -1);
}

function monthOf(instant: number): string {
  // Oslo is never more than two hours from UTC; a month boundary is found through its own bounds below.
  const guess = new Date(instant).toISOString().slice(0, 7);
  return usageMonthEnd(guess) <= instant ? nextMonth(guess) : guess;
}

export function nextMonth(month: string): string {
  return shiftMonth(month, 1);
}

export interface ClosedMonth {
  month: string;
  closedAt: number;
  closedBy: string | null;
}

/**
 * Closes a month of usage: from then on its figures change only through adjustments. Closing a month that is
 * already closed changes nothing and says when it was closed.
 */
export async function closeUsageMonth(
  ctx: ServiceContext,
  input: { month: string },
): Promise<ClosedMonth & { alreadyClosed: boolean }> {
  authorize(ctx.actor, 'usage.manage');
  const { month } = parseInput(z.object({ month: monthKey({ ahead: 1 }) }), input, ctx);
  const now = ctx.clock.now();
  if (usageMonthEnd(month) > now) throw AppError.field('month', 'the month is not over yet');
  return inTransaction(ctx, async (trx) => {
    const inserted = await trx
      .insertInto('usage_month_closures')
      .values({ month, closed_at: now, closed_by: ctx.actor.type === 'system' ? null : ctx.actor.id })
      .onConflict((oc) => oc.column('month').doNothing())
      .returning('month')
      .executeTakeFirst();
    const row = await trx
      .selectFrom('usage_month_closures')
      .selectAll()
      .where('month', '=', month)
      .executeTakeFirstOrThrow();
    if (inserted) {
      await storeMonthTotals(trx, month);
      await recordAuditEvent(trx, ctx, {
        action: 'usage.month-close',
        subjectType: 'usage-month',
        subjectId: month,
        organisationId: null,
        summary: { month },
      });
    }
    return { month, closedAt: row.closed_at, closedBy: row.closed_by, alreadyClosed: !inserted };
  });
}

/**
 * The scheduled closing: every month that ended `closeAfterDays` or more ago and still takes late events (it lies
 * within the late-event horizon) is closed, once across nodes (the insert is conditional).
 */
export async function closeDueUsageMonths(
  ctx: ServiceContext,
  settings: { closeAfterDays: number; lateHorizonDays: number },
): Promise<string[]> {
  const now = ctx.clock.now();
  const dueBefore = now - settings.closeAfterDays * 86_400_000;
  const oldestOpen = now - (settings.lateHorizonDays + 31) * 86_400_000;
  const closed: string[] = [];
  for (let month = previousMonth(monthOf(now)); usageMonthEnd(month) > oldestOpen; month = previousMonth(month)) {
    if (usageMonthEnd(month) > dueBefore) continue;
    const result = await closeUsageMonth(ctx, { month });
    if (!result.alreadyClosed) closed.push(month);
  }
  return closed;
}

export async function listClosedUsageMonths(ctx: ServiceContext): Promise<ClosedMonth[]> {
  authorize(ctx.actor, 'usage.read');
  const rows = await ctx.db.selectFrom('usage_month_closures').selectAll().orderBy('month', 'desc').execute();
  return rows.map((r) => ({ month: r.month, closedAt: r.closed_at, closedBy: r.closed_by }));
}
