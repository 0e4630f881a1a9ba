import assert from 'node:assert/strict';
import type { Store } from '../../src/platform/db/database.ts';
import type { ServiceContext } from '../../src/platform/services/context.ts';
import { loadUserActor } from '../../src/platform/auth/load-user-actor.ts';
import { builtInCatalogue } from '../../src/modules/usage/services/usage-settings.ts';
import { importUsageAggregates } from '../../src/modules/usage/services/import-usage-aggregates.ts';
import { closeUsageMonth } from '../../src/modules/usage/services/usage-month-closing.ts';
import { adjustUsage, type UsageAdjustment } from '../../src/modules/usage/services/adjust-usage.ts';
import type { CostElement } from '../../src/modules/billing/domain/billing-model.ts';
import { loadProducts, type PriceList, type Product } from '../../src/modules/billing/services/billing-catalogue.ts';
import { createProduct } from '../../src/modules/billing/services/create-product.ts';
import { createPriceList, type createPriceListInput } from '../../src/modules/billing/services/create-price-list.ts';
import { setBudgetYear } from '../../src/modules/billing/services/set-budget-year.ts';
import type { z } from 'zod';
import { createTenant, systemContext, type TestTenant } from '../helpers/factories.ts';

// Billing set up through its own services and the usage module's: a product catalogue, a budget year with its costs,
// the year's price list, monthly figures per owner (imported as a CSV file) and the year's usage months closed.
// Products and usage-month closures are platform-wide, so a test file shares one catalogue and each test bills a year
// of its own with owners of its own; the months are closed by a clock in March 2026, so years up to 2025 can be used.

/** The catalogue of the billing tests, in catalogue order. `authorizations` is left to no product on purpose. */
export const billingCatalogue = [
  {
    id: 'digital-post',
    names: { nb: 'Digital post', nn: 'Digital post', en: 'Digital post' },
    centralByPrinciple: false,
    metrics: ['email_notifications', 'sms_notifications'],
  },
  {
    id: 'data-exchange',
    names: { nb: 'Datautveksling', nn: 'Datautveksling', en: 'Data exchange' },
    centralByPrinciple: false,
    metrics: ['messages_sent'],
  },
  {
    id: 'service-development',
    names: { nb: 'Tjenesteutvikling', nn: 'Tenesteutvikling', en: 'Service development' },
    centralByPrinciple: false,
    metrics: ['forms_archived', 'altinn3_submissions'],
  },
  {
    id: 'trust-services',
    names: { nb: 'Tillitstjenester', nn: 'Tillitstenester', en: 'Trust services' },
    centralByPrinciple: true,
    metrics: ['consents'],
  },
];

/** A usage metric of the usage catalogue that counts for no product of `billingCatalogue`. */
export const unbilledMetric = 'authorizations';

export const knownMetrics: ReadonlySet<string> = new Set(builtInCatalogue.metrics.map((m) => m.id));

const catalogues = new WeakMap<object, Promise<Product[]>>();

/** The test catalogue in this database, created through `createProduct` on first use. */
export function ensureBillingProducts(store: Store): Promise<Product[]> {
  let pending = catalogues.get(store.db);
  if (!pending) {
    pending = (async () => {
      const ctx = systemContext(store);
      const existing = new Set((await loadProducts(store.db)).map((p) => p.id));
      for (const product of billingCatalogue)
        if (!existing.has(product.id)) await createProduct(ctx, product, knownMetrics);
      return loadProducts(store.db);
    })();
    catalogues.set(store.db, pending);
  }
  return pending;
}

/** An owner's figures: metric → month (1–12) → count. */
export type OwnerUsage = Record<string, Partial<Record<number, number>>>;

export type PriceListTermsInput = Pick<z.input<typeof createPriceListInput>, 'weights' | 'products' | 'sizeCategories'>;

export interface BillingYearSpec {
  year: number;
  /** The financing alternative in force (0–5); 5 (the owners pay everything) unless told. */
  alternative?: number;
  centralAppropriationOre?: number;
  ownerFundingTodayOre?: number;
  /** Øre per product and cost element. */
  costs?: Record<string, Partial<Record<CostElement, number>>>;
  priceList?: PriceListTermsInput;
  /** One entry per owner: its figures of the year. */
  usage: OwnerUsage[];
  /** The owners to give the figures to; fresh tenants are created unless given. */
  owners?: TestTenant[];
  /** Usage months closed: January through this month (0 closes none). 12 unless told. */
  closeThrough?: number;
}

export interface BillingYear {
  year: number;
  owners: TestTenant[];
  /** The owners' codes, in the order of `owners`. */
  codes: string[];
  priceList: PriceList;
}

/** A CSV in the usage import's long shape. */
function usageCsv(year: number, owners: readonly TestTenant[], usage: readonly OwnerUsage[]): string {
  const rows = ['metric,year,month,count,owner,service'];
  usage.forEach((figures, i) => {
    const code = owners[i]?.organisation.code ?? '';
    for (const [metric, months] of Object.entries(figures))
      for (const [month, count] of Object.entries(months)) rows.push(`${metric},${year},${month},${count},${code},`);
  });
  return `${rows.join('\n')}\n`;
}

/** Imports each owner's figures of a year through the usage import (a CSV file), as the operator does. */
export async function importUsage(
  store: Store,
  year: number,
  owners: readonly TestTenant[],
  usage: readonly OwnerUsage[],
): Promise<void> {
  if (!usage.some((u) => Object.keys(u).length > 0)) return;
  const report = await importUsageAggregates(systemContext(store), {
    fileName: `billing-${year}.csv`,
    content: new TextEncoder().encode(usageCsv(year, owners, usage)),
  });
  assert.deepEqual(report.errors, [], 'the usage figures import');
}

/** Closes the usage months `from`–`to` (1–12) of a year. */
export async function closeMonths(store: Store, year: number, from: number, to: number): Promise<void> {
  const ctx = systemContext(store);
  for (let month = from; month <= to; month += 1)
    await closeUsageMonth(ctx, { month: `${year}-${String(month).padStart(2, '0')}` });
}

/**
 * A billing year ready to run: the catalogue, the budget (alternative, funding levels, costs), a price list valid for
 * exactly the year, each owner's figures imported, and the months closed.
 */
export async function createBillingYear(store: Store, spec: BillingYearSpec): Promise<BillingYear> {
  assert.ok(spec.year <= 2025, 'the factory closes months by a clock in March 2026');
  const ctx = systemContext(store);
  await ensureBillingProducts(store);
  const owners = spec.owners ?? [];
  while (owners.length < spec.usage.length) owners.push(await createTenant(store));
  await setBudgetYear(ctx, {
    year: spec.year,
    alternative: spec.alternative ?? 5,
    centralAppropriationOre: spec.centralAppropriationOre ?? 0,
    ownerFundingTodayOre: spec.ownerFundingTodayOre ?? 0,
    costs: Object.entries(spec.costs ?? {}).flatMap(([product, cells]) =>
      Object.entries(cells).map(([element, ore]) => ({ product, element: element as CostElement, ore })),
    ),
  });
  const priceList = await createPriceList(ctx, {
    name: `Prisliste ${spec.year}`,
    validFrom: `${spec.year}-01-01`,
    validTo: `${spec.year}-12-31`,
    ...spec.priceList,
  });
  await importUsage(store, spec.year, owners, spec.usage);
  await closeMonths(store, spec.year, 1, spec.closeThrough ?? 12);
  return { year: spec.year, owners, codes: owners.map((o) => o.organisation.code), priceList };
}

/** An audited correction of a closed month's figure, as the operator makes it. */
export function adjustFigure(
  store: Store,
  input: { metric: string; year: number; month: number; owner: TestTenant; delta: number },
): Promise<UsageAdjustment> {
  return adjustUsage(
    systemContext(store),
    {
      metric: input.metric,
      month: `${input.year}-${String(input.month).padStart(2, '0')}`,
      owner: input.owner.organisation.code,
      delta: input.delta,
      reason: 'Etterregistrert fra kildesystemet',
    },
    builtInCatalogue,
  );
}

/** The service context of a signed-in person (their memberships decide what they may do). */
export async function contextOf(store: Store, userId: string): Promise<ServiceContext> {
  const actor = await loadUserActor(store.db, userId);
  assert.ok(actor, 'the user exists');
  return { ...systemContext(store), actor };
}

/** Rows in the billing tables and the audit log: what a refused or dry operation must leave as it was. */
export async function billingRowCounts(store: Store): Promise<Record<string, number>> {
  const tables = [
    'billing_products',
    'billing_product_metrics',
    'billing_cost_elements',
    'billing_budget_years',
    'billing_price_lists',
    'billing_runs',
    'billing_statements',
    'billing_statement_lines',
    'audit_events',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
