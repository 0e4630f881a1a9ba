// Data for bench:billing: owners with a year of day aggregates, and a billing catalogue, budget year and price list
// made through the billing services with the demo's values (src/app/demo/demo-billing.ts), every month closed.
import { createOrganisation } from '../src/modules/access/services/create-organisation.ts';
import { createService } from '../src/modules/access/services/create-service.ts';
import { createPriceList } from '../src/modules/billing/services/create-price-list.ts';
import { createProduct } from '../src/modules/billing/services/create-product.ts';
import { setBudgetYear } from '../src/modules/billing/services/set-budget-year.ts';
import type { CostElement } from '../src/modules/billing/domain/billing-model.ts';
import { closeUsageMonth } from '../src/modules/usage/services/usage-month-closing.ts';
import { builtInCatalogue } from '../src/modules/usage/services/usage-settings.ts';
import { readVolumeFigures } from '../src/app/demo/demo-usage.ts';
import { mulberry32 } from '../src/app/demo/seeded-random.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { inChunks } from './bench-support.ts';
import { benchOrgNumber } from './report-seeding.ts';

const mnok = (n: number) => Math.round(n * 100_000_000);

// The demo's catalogue: seed 003's products and the metrics that count as their transactions.
const products = [
  { id: 'digital-post', name: 'Digital post', central: false, metrics: ['email_notifications', 'sms_notifications'] },
  { id: 'catalogues', name: 'Kataloger, registre og portaler', central: true, metrics: ['authorizations'] },
  { id: 'trust-services', name: 'Tillitstjenester', central: true, metrics: ['consents'] },
  { id: 'data-exchange', name: 'Datautveksling', central: false, metrics: ['messages_sent'] },
  {
    id: 'service-development',
    name: 'Tjenesteutvikling',
    central: false,
    metrics: ['forms_archived', 'altinn3_submissions'],
  },
];

// The demo's 2026 costs in MNOK (seed 003's 530 MNOK): fixed operations, development, maintenance, management,
// variable operations.
const costs: Record<string, number[]> = {
  catalogues: [25, 20, 15, 12, 8],
  'trust-services': [15, 12, 10, 8, 5],
  'digital-post': [30, 20, 25, 30, 45],
  'data-exchange': [20, 15, 20, 25, 25],
  'service-development': [30, 25, 25, 35, 30],
};
const elements: CostElement[] = ['fixed-operations', 'development', 'maintenance', 'management', 'variable-operations'];

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
  from: { storst: 10_000_001, svaertStor: 4_000_000, stor: 1_000_000, medium: 400_000, liten: 10_000 },
  feeOre: { medium: 103_000_000, liten: 27_500_000, andre: 7_000_000 },
};

/** The demo's 2026 price list: per-product scales on top of the weights. */
const productPricing = {
  'data-exchange': {
    tierModel: 'graduated' as const,
    tiers: [
      { from: 0, rate: 1 },
      { from: 500_000, rate: 0.7 },
      { from: 2_000_000, rate: 0.5 },
    ],
  },
  'digital-post': {
    tierModel: 'volume' as const,
    tiers: [
      { from: 0, rate: 1 },
      { from: 250_000, rate: 0.8 },
    ],
  },
  'service-development': {
    tierModel: 'graduated' as const,
    tiers: [
      { from: 0, rate: 1 },
      { from: 1_000_000, rate: 0.6 },
    ],
  },
};

const pad = (n: number) => String(n).padStart(2, '0');

function daysOf(year: number, month: number): string[] {
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`);
}

export interface BillingData {
  owners: number;
  dailyRows: number;
  /** The year the platform's monthly volumes were taken from. */
  volumesFrom: number;
}

/**
 * Creates `ownerCount` owners (one service each) and gives every owner a row for every metric and day of `year`. The
 * platform's volume per metric and month is the demo's published figure (of `year`, or of the latest full year in
 * the figures); owners take Zipf-like shares of it (the largest about a quarter, the smallest a few per mille, each
 * metric drawn again around the owner's size), and days follow the working week (weekends a third) with ±30 % noise.
 * Then the catalogue, the budget year under `alternative` and a price list valid for the year, through the billing
 * services, and the year's twelve months closed.
 */
export async function seedBillingYear(
  ctx: ServiceContext,
  year: number,
  ownerCount: number,
  alternative: number,
): Promise<BillingData> {
  const random = mulberry32(20_261_204);
  const figures = readVolumeFigures();
  const fullYears = [...new Set(figures.map((f) => Number(f.month.slice(0, 4))))].filter(
    (y) => figures.filter((f) => f.month.startsWith(`${y}-`)).length === 12 * builtInCatalogue.metrics.length,
  );
  const volumesFrom = fullYears.includes(year) ? year : Math.max(...fullYears);
  const platform = new Map(figures.map((f) => [`${f.metric}/${f.month}`, f.count]));

  const owners: { id: string; service: string; size: number }[] = [];
  // Sizes by rank, handed out in a shuffled order so an owner's code says nothing about its size.
  const ranks = Array.from({ length: ownerCount }, (_, i) => i);
  for (let i = ranks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j] ?? 0, ranks[i] ?? 0];
  }
  for (let o = 0; o < ownerCount; o++) {
    const code = `etat${String(o + 1).padStart(3, '0')}`;
    const org = await createOrganisation(ctx, {
      name: `Etat nr. ${o + 1}`,
      code,
      orgNumber: benchOrgNumber(o),
      contactEmail: `post@${code}.bench.niva.no`,
    });
    const service = await createService(ctx, {
      organisationId: org.id,
      name: `Tjenester for ${code}`,
      platform: 'altinn3',
      resourceId: `${code}-tjenester`,
    });
    owners.push({ id: org.id, service: service.id, size: 1 / ((ranks[o] ?? 0) + 1) ** 1.1 });
  }

  const rows: { metric: string; day: string; owner_id: string; service_id: string; count: number }[] = [];
  for (const { id: metric } of builtInCatalogue.metrics) {
    const drawn = owners.map((o) => o.size * (0.5 + random()));
    const sum = drawn.reduce((a, b) => a + b, 0);
    for (let month = 1; month <= 12; month++) {
      const days = daysOf(year, month);
      const level = platform.get(`${metric}/${volumesFrom}-${pad(month)}`) ?? 0;
      const dayFactor = days.map((d) => {
        const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
        return weekday === 0 || weekday === 6 ? 1 / 3 : 1;
      });
      const factorSum = dayFactor.reduce((a, b) => a + b, 0);
      owners.forEach((owner, i) => {
        const monthly = (level * (drawn[i] ?? 0)) / sum;
        days.forEach((day, d) =>
          rows.push({
            metric,
            day,
            owner_id: owner.id,
            service_id: owner.service,
            count: Math.round(((monthly * (dayFactor[d] ?? 0)) / factorSum) * (0.7 + random() * 0.6)),
          }),
        );
      });
    }
  }
  // Day by day, as ingestion writes them (a day's aggregates appear during that day), so rows lie in the table in the
  // order the real ones would. 5 columns: 2 000 rows stay under both dialects' limit on bound parameters.
  rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  await inChunks(rows, 2000, (chunk) => ctx.db.insertInto('usage_daily').values(chunk).execute());

  const known = new Set(builtInCatalogue.metrics.map((m) => m.id));
  for (const p of products)
    await createProduct(
      ctx,
      { id: p.id, names: { nb: p.name, nn: p.name, en: p.name }, centralByPrinciple: p.central, metrics: p.metrics },
      known,
    );
  await setBudgetYear(ctx, {
    year,
    alternative,
    centralAppropriationOre: mnok(240),
    ownerFundingTodayOre: mnok(230),
    costs: Object.entries(costs).flatMap(([product, amounts]) =>
      elements.map((element, i) => ({ product, element, ore: mnok(amounts[i] ?? 0) })),
    ),
  });
  await createPriceList(ctx, {
    name: `Prisliste ${year} (transaksjonspris med skala)`,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    weights,
    sizeCategories,
    products: productPricing,
  });
  for (let month = 1; month <= 12; month++) await closeUsageMonth(ctx, { month: `${year}-${pad(month)}` });
  return { owners: owners.length, dailyRows: rows.length, volumesFrom };
}
