import { z } from 'zod';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { nameText } from '../../../platform/validation/text.ts';
import { publicSizeCategoryTerms, type PriceListTerms } from '../domain/billing-model.ts';
import { digestOf } from '../domain/rating-snapshot.ts';
import { findPriceList, loadProducts, type PriceList } from './billing-catalogue.ts';
import { productPricingInput, sizeCategoryInput, thousandths, toThousandths } from './price-list-terms.ts';

const inBillingYears = (date: string) => Number(date.slice(0, 4)) >= 2000 && Number(date.slice(0, 4)) <= 2100;
const yearStart = z
  .string()
  .regex(/^\d{4}-01-01$/, 'the first day of a year, YYYY-01-01 (prices change at a year end)')
  .refine(inBillingYears, 'a year from 2000 to 2100');
export const yearEnd = z
  .string()
  .regex(/^\d{4}-12-31$/, 'the last day of a year, YYYY-12-31 (prices change at a year end)')
  .refine(inBillingYears, 'a year from 2000 to 2100');

export const createPriceListInput = z
  .object({
    name: nameText().trim().min(2).max(120),
    validFrom: yearStart,
    validTo: yearEnd.nullable().default(null),
    weights: z.record(z.string().min(1).max(63), thousandths(100)).default({}),
    products: z.record(z.string().min(1).max(63), productPricingInput).default({}),
    sizeCategories: sizeCategoryInput.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.validTo !== null && p.validTo < p.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
  });

function overlaps(a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }) {
  return (a.validTo === null || b.validFrom <= a.validTo) && (b.validTo === null || a.validFrom <= b.validTo);
}

/**
 * Stores a price list. It prices every product of the catalogue (a product it does not name is flat at full price,
 * a metric it does not weigh weighs 1), so two price lists whose validity overlaps would price the same product twice:
 * that is refused. A stored price list never changes; its digest is what statements name as its version.
 */
export async function createPriceList(
  ctx: ServiceContext,
  input: z.input<typeof createPriceListInput>,
): Promise<PriceList> {
  authorize(ctx.actor, 'billing.manage');
  const data = parseInput(createPriceListInput, input, ctx);
  const products = await loadProducts(ctx.db);
  const productIds = new Set(products.map((p) => p.id));
  const productMetrics = new Set(products.flatMap((p) => p.metrics));
  for (const metric of Object.keys(data.weights))
    if (!productMetrics.has(metric)) throw AppError.field(`weights.${metric}`, 'the metric belongs to no product');
  for (const product of Object.keys(data.products))
    if (!productIds.has(product)) throw AppError.field(`products.${product}`, 'no such product');
  const sizes = data.sizeCategories;
  const terms: PriceListTerms = {
    weightsPermille: Object.fromEntries(Object.entries(data.weights).map(([m, w]) => [m, toThousandths(w)])),
    products: Object.fromEntries(
      Object.entries(data.products).map(([id, p]) => [
        id,
        { tierModel: p.tierModel, tiers: p.tiers.map((t) => ({ from: t.from, ratePermille: toThousandths(t.rate) })) },
      ]),
    ),
    sizeCategories: sizes
      ? {
          from: {
            storst: sizes.from.storst,
            'svaert-stor': sizes.from.svaertStor,
            stor: sizes.from.stor,
            medium: sizes.from.medium,
            liten: sizes.from.liten,
          },
          feeOre: sizes.feeOre,
        }
      : publicSizeCategoryTerms,
  };
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    // The audit append comes first: it takes the audit head's row lock on PostgreSQL, so two concurrent creates
    // check for overlaps one after the other and the second sees the first.
    await recordAuditEvent(trx, ctx, {
      action: 'billing.price-list-create',
      subjectType: 'billing-price-list',
      subjectId: id,
      organisationId: null,
      summary: { name: data.name, validFrom: data.validFrom, validTo: data.validTo },
    });
    const existing = await trx.selectFrom('billing_price_lists').select(['name', 'valid_from', 'valid_to']).execute();
    const clash = existing.find((e) => overlaps({ validFrom: e.valid_from, validTo: e.valid_to }, data));
    if (clash)
      throw AppError.field(
        'validFrom',
        `overlaps the price list "${clash.name}" (${clash.valid_from} – ${clash.valid_to ?? 'open-ended'}); end it first`,
        'conflict',
      );
    await trx
      .insertInto('billing_price_lists')
      .values({
        id,
        name: data.name,
        valid_from: data.validFrom,
        valid_to: data.validTo,
        terms: JSON.stringify(terms),
        digest: digestOf(terms),
        created_at: ctx.clock.now(),
        created_by: ctx.actor.type === 'system' ? null : ctx.actor.id,
      })
      .execute();
  });
  const created = await findPriceList(ctx.db, id);
  if (!created) throw new AppError('not-found', 'price list not found');
  return created;
}
