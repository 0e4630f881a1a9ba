import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

/**
 * The years that have a budget, oldest first. Only the year numbers: a reader of its own billing may choose among
 * them, while the funding levels and costs behind them stay with planning (billing.plan).
 */
export async function listBudgetYears(ctx: ServiceContext): Promise<number[]> {
  authorize(ctx.actor, 'billing.read');
  const rows = await ctx.db.selectFrom('billing_budget_years').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}
