import { monthOf, shiftMonth } from '../../platform/domain/month-key.ts';
import type { ServiceContext } from '../../platform/services/context.ts';
import { closeUsageMonth, usageMonthEnd } from '../../modules/usage/services/usage-month-closing.ts';
import { adjustUsage } from '../../modules/usage/services/adjust-usage.ts';
import { builtInCatalogue } from '../../modules/usage/services/usage-settings.ts';
import { createProduct } from '../../modules/billing/services/create-product.ts';
import { createPriceList } from '../../modules/billing/services/create-price-list.ts';
import { runBilling } from '../../modules/billing/services/run-billing.ts';
import { setBudgetYear } from '../../modules/billing/services/set-budget-year.ts';
import type { CostElement } from '../../modules/billing/domain/billing-model.ts';

const mnok = (n: number) => Math.round(n * 100_000_000);

/** Seed 003's products, and the metrics of the service report that count as their transactions. */
const products = [
  {
    id: 'digital-post',
    names: { nb: 'Digital post', nn: 'Digital post', en: 'Digital post' },
    centralByPrinciple: false,
    metrics: ['email_notifications', 'sms_notifications'],
  },
  {
    id: 'catalogues',
    names: {
      nb: 'Kataloger, registre og portaler',
      nn: 'Katalogar, register og portalar',
      en: 'Catalogues, registers and portals',
    },
    centralByPrinciple: true,
    metrics: ['authorizations'],
  },
  {
    id: 'trust-services',
    names: { nb: 'Tillitstjenester', nn: 'Tillitstenester', en: 'Trust services' },
    centralByPrinciple: true,
    metrics: ['consents'],
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
];

// MNOK per product: fixed operations, development, maintenance, management, variable operations. 2026 is seed 003's
// example (530 MNOK, 60 above today's level), laid out so that alternatives 2 and 4 give its 360/170 and 220/310.
const costs2026: Record<string, number[]> = {
  catalogues: [25, 20, 15, 12, 8],
  'trust-services': [15, 12, 10, 8, 5],
  'digital-post': [30, 20, 25, 30, 45],
  'data-exchange': [20, 15, 20, 25, 25],
  'service-development': [30, 25, 25, 35, 30],
};
// 2025 is today's level (470 MNOK): the same but 60 MNOK less further development.
const developmentCut2025: Record<string, number> = {
  catalogues: 10,
  'trust-services': 6,
  'digital-post': 12,
  'data-exchange': 10,
  'service-development': 22,
};
const elements: CostElement[] = ['fixed-operations', 'development', 'maintenance', 'management', 'variable-operations'];

function costsOf(year: number) {
  return Object.entries(costs2026).flatMap(([product, amounts]) =>
    elements.map((element, i) => ({
      product,
      element,
      ore: mnok(
        (amounts[i] ?? 0) - (year === 2025 && element === 'development' ? (developmentCut2025[product] ?? 0) : 0),
      ),
    })),
  );
}

// The agreement's annex 4 is not public: these weights are the demo's. A look-up weighs far less than a message.
const weights = {
  messages_sent: 0.1,
  email_notifications: 0.02,
  sms_notifications: 0.1,
  authorizations: 0.001,
  forms_archived: 0.2,
  altinn3_submissions: 0.5,
  consents: 0.2,
};
const sizeCategories = {
  from: { storst: 10_000_001, svaertStor: 4_000_000, stor: 1_000_000, medium: 300_000, liten: 10_000 },
  feeOre: { medium: 103_000_000, liten: 27_500_000, andre: 7_000_000 },
};

/**
 * Billing on top of the demo's usage: seed 003's products and costs for 2025 and 2026, a price list for each (the
 * public size-category model in 2025, per-product scales in 2026), the usage months that are over closed, 2025 billed
 * under today's model, a provisional first quarter of 2026 under alternative 2, and the corrections after an audited
 * adjustment of 2025.
 */
export async function seedDemoBilling(ctx: ServiceContext): Promise<void> {
  const known = new Set(builtInCatalogue.metrics.map((m) => m.id));
  for (const product of products) await createProduct(ctx, product, known);
  await setBudgetYear(ctx, {
    year: 2025,
    alternative: 0,
    centralAppropriationOre: mnok(240),
    ownerFundingTodayOre: mnok(230),
    costs: costsOf(2025),
  });
  await setBudgetYear(ctx, {
    year: 2026,
    alternative: 2,
    centralAppropriationOre: mnok(240),
    ownerFundingTodayOre: mnok(230),
    costs: costsOf(2026),
  });
  await createPriceList(ctx, {
    name: 'Prisliste 2025 (størrelseskategorier)',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    weights,
    sizeCategories,
  });
  await createPriceList(ctx, {
    name: 'Prisliste 2026 (transaksjonspris med skala)',
    validFrom: '2026-01-01',
    validTo: null,
    weights,
    sizeCategories,
    products: {
      'data-exchange': {
        tierModel: 'graduated',
        tiers: [
          { from: 0, rate: 1 },
          { from: 500_000, rate: 0.7 },
          { from: 2_000_000, rate: 0.5 },
        ],
      },
      'digital-post': {
        tierModel: 'volume',
        tiers: [
          { from: 0, rate: 1 },
          { from: 250_000, rate: 0.8 },
        ],
      },
      'service-development': {
        tierModel: 'graduated',
        tiers: [
          { from: 0, rate: 1 },
          { from: 1_000_000, rate: 0.6 },
        ],
      },
    },
  });
  // Months end a few days before they are closed, as the usage module's own closing does.
  const now = ctx.clock.now();
  for (let month = '2023-01'; usageMonthEnd(month) + 5 * 86_400_000 <= now; month = shiftMonth(month, 1))
    await closeUsageMonth(ctx, { month });
  const closedThrough = (month: string) => usageMonthEnd(month) + 5 * 86_400_000 <= now;
  if (!closedThrough('2025-12') || monthOf(now) < '2026-01') return;
  await runBilling(ctx, { year: 2025 });
  if (closedThrough('2026-03')) await runBilling(ctx, { year: 2026, quarter: 1 });
  // Messages counted for the wrong owner in November 2025, moved to the right one: the platform's published figures
  // stay as they are, and the 2025 statements get their corrections.
  const moved = { metric: 'messages_sent', month: '2025-11', delta: 300_000 };
  const reason = 'Feilattribuert: meldinger fra NAVs fagsystem ble telt på Skatteetaten i november 2025';
  await adjustUsage(
    ctx,
    { ...moved, owner: 'skd', service: 'skd-a-melding', delta: -moved.delta, reason },
    builtInCatalogue,
  );
  await adjustUsage(ctx, { ...moved, owner: 'nav', service: 'nav-sykmelding', reason }, builtInCatalogue);
  await runBilling(ctx, { year: 2025 });
}
