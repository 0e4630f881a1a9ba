import { z } from 'zod';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { guardUnique, type UniqueField } from '../../../platform/db/unique-violation.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { nameText } from '../../../platform/validation/text.ts';
import { loadProducts, type Product } from './billing-catalogue.ts';

export const productIdPattern = /^[a-z][a-z0-9-]{1,62}$/;

export const createProductInput = z.object({
  id: z.string().regex(productIdPattern, 'lower-case letters, digits and -, e.g. digital-post'),
  names: z.strictObject({
    nb: nameText().trim().min(2).max(120),
    nn: nameText().trim().min(2).max(120),
    en: nameText().trim().min(2).max(120),
  }),
  centralByPrinciple: z.boolean().default(false),
  metrics: z
    .array(z.string().min(1).max(63))
    .min(1, 'a product needs at least one metric counting as its transactions')
    .max(50)
    .refine((m) => new Set(m).size === m.length, 'a metric is named twice'),
});

const productKeys: readonly UniqueField[] = [
  { table: 'billing_products', columns: ['id'], field: 'id', message: 'already a product' },
  {
    table: 'billing_product_metrics',
    columns: ['metric'],
    field: 'metrics',
    message: 'a metric already counts for another product',
  },
];

/**
 * Adds a product to the billing catalogue with the metrics that count as its transactions. Each metric must be in the
 * usage catalogue and may count for one product only (the database's key on the metric decides, also under races).
 */
export async function createProduct(
  ctx: ServiceContext,
  input: z.input<typeof createProductInput>,
  knownMetrics: ReadonlySet<string>,
): Promise<Product> {
  authorize(ctx.actor, 'billing.manage');
  const data = parseInput(createProductInput, input, ctx);
  data.metrics.forEach((metric, index) => {
    if (!knownMetrics.has(metric)) throw AppError.field(`metrics.${index}`, `unknown metric ${metric}`);
  });
  await inTransaction(ctx, async (trx) => {
    const last = await trx
      .selectFrom('billing_products')
      .select((eb) => eb.fn.max('position').as('position'))
      .executeTakeFirst();
    await guardUnique(productKeys, async () => {
      await trx
        .insertInto('billing_products')
        .values({
          id: data.id,
          position: Number(last?.position ?? 0) + 10,
          name_nb: data.names.nb,
          name_nn: data.names.nn,
          name_en: data.names.en,
          central_by_principle: data.centralByPrinciple ? 1 : 0,
          created_at: ctx.clock.now(),
        })
        .execute();
      await trx
        .insertInto('billing_product_metrics')
        .values(data.metrics.map((metric, position) => ({ metric, product_id: data.id, position })))
        .execute();
    });
    await recordAuditEvent(trx, ctx, {
      action: 'billing.product-create',
      subjectType: 'billing-product',
      subjectId: data.id,
      organisationId: null,
      summary: { metrics: data.metrics, centralByPrinciple: data.centralByPrinciple },
    });
  });
  const created = (await loadProducts(ctx.db)).find((p) => p.id === data.id);
  if (!created) throw new AppError('not-found', 'product not found');
  return created;
}
