import { z } from 'zod';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { costElements } from '../domain/billing-model.ts';
import { findAlternative, loadProducts } from './billing-catalogue.ts';

export const billingYear = z.number().int('a whole year').min(2000, 'from 2000').max(2100, 'up to 2100');
const ore = z.number().int('whole øre').min(0, 'must not be negative').max(1e13, 'at most 10^13 øre');

export const setBudgetYearInput = z.object({
  year: billingYear,
  alternative: z.number().int().min(0).max(99),
  centralAppropriationOre: ore,
  ownerFundingTodayOre: ore,
  paymentDays: z.number().int().min(0).max(120).default(30),
  costs: z
    .array(z.strictObject({ product: z.string().min(1).max(63), element: z.enum(costElements), ore }))
    .max(1000)
    .superRefine((costs, ctx) => {
      const seen = new Set<string>();
      costs.forEach((c, i) => {
        const key = `${c.product}/${c.element}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'element'], message: `${key} is named twice` });
        seen.add(key);
      });
    }),
});

/**
 * Sets a budget year: the financing alternative in force, today's funding levels, the payment terms and every
 * product's yearly cost elements (replacing the year's costs). Statements already issued stay as they are; the next
 * billing run of the year issues corrections for what the change makes different.
 */
export async function setBudgetYear(ctx: ServiceContext, input: z.input<typeof setBudgetYearInput>): Promise<void> {
  authorize(ctx.actor, 'billing.manage');
  const data = parseInput(setBudgetYearInput, input, ctx);
  await findAlternative(ctx.db, data.alternative);
  const products = new Set((await loadProducts(ctx.db)).map((p) => p.id));
  data.costs.forEach((c, i) => {
    if (!products.has(c.product)) throw AppError.field(`costs.${i}.product`, `unknown product ${c.product}`);
  });
  await inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now();
    const values = {
      alternative: data.alternative,
      central_appropriation_ore: data.centralAppropriationOre,
      owner_funding_today_ore: data.ownerFundingTodayOre,
      payment_days: data.paymentDays,
      updated_at: now,
    };
    await trx
      .insertInto('billing_budget_years')
      .values({ year: data.year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet(values))
      .execute();
    await trx.deleteFrom('billing_cost_elements').where('year', '=', data.year).execute();
    if (data.costs.length > 0)
      await trx
        .insertInto('billing_cost_elements')
        .values(
          data.costs.map((c) => ({ product_id: c.product, year: data.year, element: c.element, amount_ore: c.ore })),
        )
        .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'billing.budget-set',
      subjectType: 'billing-year',
      subjectId: String(data.year),
      organisationId: null,
      summary: {
        alternative: data.alternative,
        centralAppropriationOre: data.centralAppropriationOre,
        ownerFundingTodayOre: data.ownerFundingTodayOre,
        totalCostOre: data.costs.reduce((a, c) => a + c.ore, 0),
      },
    });
  });
}
