import { z } from 'zod';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findPriceList, type PriceList } from './billing-catalogue.ts';
import { yearEnd } from './create-price-list.ts';

export const endPriceListInput = z.object({
  id: z.string().min(1).max(64),
  validTo: yearEnd,
});

/**
 * Ends a price list at the close of a year, so that the next year can have prices of its own. Its terms never change;
 * only its validity is shortened, and never to before a year it has already been billed under.
 */
export async function endPriceList(ctx: ServiceContext, input: z.input<typeof endPriceListInput>): Promise<PriceList> {
  authorize(ctx.actor, 'billing.manage');
  const data = parseInput(endPriceListInput, input, ctx);
  await inTransaction(ctx, async (trx) => {
    // The audit append takes the audit head's row lock first, as creating a price list does, so the two serialise.
    await recordAuditEvent(trx, ctx, {
      action: 'billing.price-list-end',
      subjectType: 'billing-price-list',
      subjectId: data.id,
      organisationId: null,
      summary: { validTo: data.validTo },
    });
    const list = await trx.selectFrom('billing_price_lists').selectAll().where('id', '=', data.id).executeTakeFirst();
    if (!list) throw new AppError('not-found', 'no such price list');
    if (data.validTo < list.valid_from) throw AppError.field('validTo', `must not be before ${list.valid_from}`);
    if (list.valid_to !== null && data.validTo > list.valid_to)
      throw AppError.field('validTo', `the price list already ends ${list.valid_to}; a list is never lengthened`);
    const lastYear = Number(data.validTo.slice(0, 4));
    const billedLater = await trx
      .selectFrom('billing_runs')
      .select('year')
      .where('price_list_id', '=', data.id)
      .where('year', '>', lastYear)
      .executeTakeFirst();
    if (billedLater)
      throw AppError.field('validTo', `${billedLater.year} is already billed under this price list`, 'conflict');
    await trx.updateTable('billing_price_lists').set({ valid_to: data.validTo }).where('id', '=', data.id).execute();
  });
  const ended = await findPriceList(ctx.db, data.id);
  if (!ended) throw new AppError('not-found', 'no such price list');
  return ended;
}
