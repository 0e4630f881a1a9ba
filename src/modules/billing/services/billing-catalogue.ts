import { z } from 'zod';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { Locale } from '../../../platform/i18n/messages.ts';
import {
  costElements,
  type CostElement,
  type PriceListTerms,
  type ProductDefinition,
} from '../domain/billing-model.ts';
import type { AlternativeRules, BudgetTerms, CostTable } from '../domain/financing.ts';
import { priceListTermsSchema } from './price-list-terms.ts';

type Db = ServiceContext['db'];

export interface Product extends ProductDefinition {
  names: Record<Locale, string>;
}

export interface Alternative {
  number: number;
  names: Record<Locale, string>;
  rules: AlternativeRules;
  /** Seed 003's figures in MNOK: central min, max; owners min, max. */
  published: [number, number, number, number];
}

export interface BudgetYear extends BudgetTerms {
  year: number;
  alternative: number;
  paymentDays: number;
}

export interface PriceList {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  terms: PriceListTerms;
  digest: string;
  createdAt: number;
}

/** The product catalogue in its order, each with its metrics in their order. */
export async function loadProducts(db: Db): Promise<Product[]> {
  const [products, metrics] = await Promise.all([
    db.selectFrom('billing_products').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('billing_product_metrics').selectAll().orderBy('position').orderBy('metric').execute(),
  ]);
  return products.map((p) => ({
    id: p.id,
    names: { nb: p.name_nb, nn: p.name_nn, en: p.name_en },
    centralByPrinciple: p.central_by_principle === 1,
    metrics: metrics.filter((m) => m.product_id === p.id).map((m) => m.metric),
  }));
}

const rulesSchema: z.ZodType<AlternativeRules> = z.union([
  z.object({ kind: z.literal('today-level') }),
  z.object({
    kind: z.literal('by-element'),
    principle: z.record(z.enum(costElements), z.enum(['central', 'owners', 'central-within-appropriation'])),
    other: z.record(z.enum(costElements), z.enum(['central', 'owners', 'central-within-appropriation'])),
    appropriationOrder: z.array(z.enum(costElements)),
  }),
]);

export async function loadAlternatives(db: Db): Promise<Alternative[]> {
  const rows = await db.selectFrom('billing_alternatives').selectAll().orderBy('number').execute();
  return rows.map((r) => ({
    number: r.number,
    names: { nb: r.name_nb, nn: r.name_nn, en: r.name_en },
    rules: rulesSchema.parse(JSON.parse(r.rules)),
    published: z.tuple([z.number(), z.number(), z.number(), z.number()]).parse(JSON.parse(r.published)),
  }));
}

export async function findAlternative(db: Db, number: number, field = 'alternative'): Promise<Alternative> {
  const found = (await loadAlternatives(db)).find((a) => a.number === number);
  if (!found) throw AppError.field(field, `no financing alternative ${number}`);
  return found;
}

export async function findBudgetYear(db: Db, year: number): Promise<BudgetYear | null> {
  const row = await db.selectFrom('billing_budget_years').selectAll().where('year', '=', year).executeTakeFirst();
  return row
    ? {
        year: row.year,
        alternative: row.alternative,
        centralAppropriationOre: row.central_appropriation_ore,
        ownerFundingTodayOre: row.owner_funding_today_ore,
        paymentDays: row.payment_days,
      }
    : null;
}

/** A budget year, or a validation error naming `year` that says what to set up first. */
export async function requireBudgetYear(db: Db, year: number): Promise<BudgetYear> {
  const budget = await findBudgetYear(db, year);
  if (!budget) throw AppError.field('year', `no budget for ${year}: set its funding levels and costs first`);
  return budget;
}

export async function loadCosts(db: Db, year: number): Promise<CostTable> {
  const rows = await db.selectFrom('billing_cost_elements').selectAll().where('year', '=', year).execute();
  const table: CostTable = {};
  for (const r of rows)
    if ((costElements as readonly string[]).includes(r.element))
      table[r.product_id] = { ...table[r.product_id], [r.element as CostElement]: r.amount_ore };
  return table;
}

function toPriceList(row: {
  id: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  terms: string;
  digest: string;
  created_at: number;
}): PriceList {
  return {
    id: row.id,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    terms: priceListTermsSchema.parse(JSON.parse(row.terms)),
    digest: row.digest,
    createdAt: row.created_at,
  };
}

export async function loadPriceLists(db: Db): Promise<PriceList[]> {
  const rows = await db.selectFrom('billing_price_lists').selectAll().orderBy('valid_from').execute();
  return rows.map(toPriceList);
}

export async function findPriceList(db: Db, id: string): Promise<PriceList | null> {
  const row = await db.selectFrom('billing_price_lists').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPriceList(row) : null;
}

/** The price list valid for the whole of `year` (validity runs in whole years, so there is at most one). */
export async function priceListForYear(db: Db, year: number): Promise<PriceList | null> {
  const first = `${year}-01-01`;
  const row = await db
    .selectFrom('billing_price_lists')
    .selectAll()
    .where('valid_from', '<=', first)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', `${year}-12-31`)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return row ? toPriceList(row) : null;
}

export async function requirePriceList(db: Db, year: number): Promise<PriceList> {
  const list = await priceListForYear(db, year);
  if (!list) throw AppError.field('year', `no price list is valid for ${year}`);
  return list;
}
