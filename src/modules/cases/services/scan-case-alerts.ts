import type { CaseRow } from '../schema.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { markBreachAlert } from './append-case-event.ts';
import { queueCaseNotice } from './queue-case-notice.ts';

export interface AlertScanResult {
  atRisk: number;
  breached: number;
}

/**
 * Queues at-risk and breach alerts for running clocks whose instant has passed. Each alert is claimed by setting its
 * marker with a conditional update in the same transaction as the outbox rows, so however many nodes scan at once,
 * every alert is queued exactly once.
 */
export async function scanCaseAlerts(
  ctx: ServiceContext,
  { limit = 500 }: { limit?: number } = {},
): Promise<AlertScanResult> {
  const now = ctx.clock.now();
  const result: AlertScanResult = { atRisk: 0, breached: 0 };
  const overdue = await ctx.db
    .selectFrom('case_clocks')
    .select(['case_id', 'policy_id', 'due_at'])
    .where('live', '=', 1)
    .where('breach_alerted_at', 'is', null)
    .where('due_at', '<', now)
    .limit(limit)
    .execute();
  for (const clock of overdue) {
    const sent = await inTransaction(ctx, async (trx) => {
      const row: CaseRow = await trx
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', clock.case_id)
        .executeTakeFirstOrThrow();
      // Overdue before the at-risk alert went out: the breach says it all.
      await trx
        .updateTable('case_clocks')
        .set({ at_risk_alerted_at: now })
        .where('case_id', '=', clock.case_id)
        .where('policy_id', '=', clock.policy_id)
        .where('at_risk_alerted_at', 'is', null)
        .execute();
      return markBreachAlert(trx, ctx, row, clock.policy_id, clock.due_at);
    });
    if (sent) result.breached++;
  }
  // A clock that became overdue after the first query (or appeared already overdue) waits for the next scan's breach
  // alert instead of getting a warning about a deadline that has passed.
  const nearing = await ctx.db
    .selectFrom('case_clocks')
    .select(['case_id', 'policy_id', 'due_at'])
    .where('live', '=', 1)
    .where('at_risk_alerted_at', 'is', null)
    .where('at_risk_at', '<=', now)
    .where('due_at', '>=', now)
    .limit(limit)
    .execute();
  for (const clock of nearing) {
    const sent = await inTransaction(ctx, async (trx) => {
      const marked = await trx
        .updateTable('case_clocks')
        .set({ at_risk_alerted_at: now })
        .where('case_id', '=', clock.case_id)
        .where('policy_id', '=', clock.policy_id)
        .where('at_risk_alerted_at', 'is', null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) return false;
      const row: CaseRow = await trx
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', clock.case_id)
        .executeTakeFirstOrThrow();
      await queueCaseNotice(trx, ctx, row, 'at-risk', { policyId: clock.policy_id, dueAt: clock.due_at });
      return true;
    });
    if (sent) result.atRisk++;
  }
  return result;
}
