import { createRoute, z } from '@hono/zod-openapi';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { metricIds } from '../../usage/index.ts';
import { costElements } from '../domain/billing-model.ts';
import { findBudgetYear, loadCosts, loadPriceLists, loadProducts } from '../services/billing-catalogue.ts';
import { createPriceList, createPriceListInput } from '../services/create-price-list.ts';
import { createProduct, createProductInput } from '../services/create-product.ts';
import { endPriceList, endPriceListInput } from '../services/end-price-list.ts';
import { setBudgetYear, setBudgetYearInput } from '../services/set-budget-year.ts';
import { PriceListSchema, ProductSchema, presentPriceList, presentProduct } from './billing-presenters.ts';
import { AppError } from '../../../platform/services/app-error.ts';

export const YearParam = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'a year, YYYY')
    .openapi({ param: { name: 'year', in: 'path' }, example: '2026' }),
});

const BudgetSchema = z
  .object({
    year: z.number().int(),
    alternative: z.number().int(),
    centralAppropriationOre: z.number().int(),
    ownerFundingTodayOre: z.number().int(),
    paymentDays: z.number().int(),
    costs: z.array(z.object({ product: z.string(), element: z.enum(costElements), ore: z.number().int() })),
  })
  .openapi('BillingBudgetYear');

const readErrors = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };

async function presentBudget(ctx: ReturnType<typeof serviceContext>, year: number) {
  const budget = await findBudgetYear(ctx.db, year);
  if (!budget) throw new AppError('not-found', `no budget for ${year}`);
  const costs = await loadCosts(ctx.db, year);
  return {
    year,
    alternative: budget.alternative,
    centralAppropriationOre: budget.centralAppropriationOre,
    ownerFundingTodayOre: budget.ownerFundingTodayOre,
    paymentDays: budget.paymentDays,
    costs: Object.entries(costs).flatMap(([product, cells]) =>
      costElements
        .filter((e) => cells[e] !== undefined)
        .map((element) => ({ product, element, ore: cells[element] ?? 0 })),
    ),
  };
}

export const billingConfigRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/products',
      tags: ['Billing'],
      summary: 'The billing catalogue: products and the metrics counting as their transactions',
      security,
      responses: { 200: json(z.object({ items: z.array(ProductSchema) }), 'In catalogue order'), ...readErrors },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      authorize(ctx.actor, 'billing.read');
      return c.json({ items: (await loadProducts(ctx.db)).map(presentProduct) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/billing/products',
      tags: ['Billing'],
      summary: 'Add a product with its metrics (operator admin; audited)',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: createProductInput } } } },
      responses: { 201: json(ProductSchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const product = await createProduct(
        serviceContext(c),
        c.req.valid('json'),
        metricIds(c.var.deps.usage.catalogue),
      );
      return c.json(presentProduct(product), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/budgets/{year}',
      tags: ['Billing'],
      summary: "A budget year: the alternative in force, today's funding levels and every product's cost elements",
      security,
      request: { params: YearParam },
      responses: { 200: json(BudgetSchema, 'The budget year'), ...errorResponses },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      authorize(ctx.actor, 'billing.plan');
      return c.json(await presentBudget(ctx, Number(c.req.valid('param').year)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/billing/budgets/{year}',
      tags: ['Billing'],
      summary: 'Set a budget year and replace its costs (operator admin; audited). Issued statements never change',
      security,
      request: {
        params: YearParam,
        body: { required: true, content: { 'application/json': { schema: setBudgetYearInput.omit({ year: true }) } } },
      },
      responses: { 200: json(BudgetSchema, 'The budget year as stored'), ...errorResponses },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const year = Number(c.req.valid('param').year);
      await setBudgetYear(ctx, { ...c.req.valid('json'), year });
      return c.json(await presentBudget(ctx, year), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/price-lists',
      tags: ['Billing'],
      summary: 'Price lists, oldest first: weights, tiers, size categories and validity',
      security,
      responses: { 200: json(z.object({ items: z.array(PriceListSchema) }), 'Every price list'), ...readErrors },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      authorize(ctx.actor, 'billing.read');
      return c.json({ items: (await loadPriceLists(ctx.db)).map(presentPriceList) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/billing/price-lists',
      tags: ['Billing'],
      summary:
        'Store a price list (operator admin; audited). Validity runs in whole years and must not overlap another',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: createPriceListInput } } } },
      responses: { 201: json(PriceListSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(presentPriceList(await createPriceList(serviceContext(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/billing/price-lists/{id}/end',
      tags: ['Billing'],
      summary: 'End a price list at the close of a year, never before a year billed under it (operator admin; audited)',
      description:
        'Its terms and digest stay as they are; only its validity is shortened, so the next year can have a price list of its own.',
      security,
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: endPriceListInput.omit({ id: true }) } } },
      },
      responses: { 200: json(PriceListSchema, 'The price list as stored'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentPriceList(
          await endPriceList(serviceContext(c), { ...c.req.valid('json'), id: c.req.valid('param').id }),
        ),
        200,
      ),
  );
