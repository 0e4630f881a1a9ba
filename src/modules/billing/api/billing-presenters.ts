import { z } from '@hono/zod-openapi';
import { iso } from '../../../platform/http/presenting.ts';
import { sizeCategories } from '../domain/billing-model.ts';
import type { Product, PriceList } from '../services/billing-catalogue.ts';
import type { StatementSummary, StatementView } from '../services/billing-statements.ts';
import type { BillingRunResult } from '../services/run-billing.ts';
import type { ScenarioComparison, ScenarioResult } from '../services/financing-scenarios.ts';
import type { OwnerBillingOverview } from '../services/owner-billing-overview.ts';
import type { BillingSummary } from '../services/billing-summary.ts';
import type { StatementVerification } from '../services/verify-statement.ts';

const Names = z.object({ nb: z.string(), nn: z.string(), en: z.string() });

export const ProductSchema = z
  .object({ id: z.string(), names: Names, centralByPrinciple: z.boolean(), metrics: z.array(z.string()) })
  .openapi('BillingProduct');

export function presentProduct(p: Product): z.infer<typeof ProductSchema> {
  return { id: p.id, names: p.names, centralByPrinciple: p.centralByPrinciple, metrics: p.metrics };
}

export const PriceListSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    digest: z.string().openapi({ description: 'The version statements name: sha256 of the canonical terms' }),
    weights: z.record(z.string(), z.number()),
    products: z.record(
      z.string(),
      z.object({
        tierModel: z.string(),
        tiers: z.array(z.object({ from: z.number().int(), rate: z.number() })),
      }),
    ),
    sizeCategories: z.object({
      from: z.record(z.string(), z.number().int()),
      feeOre: z.record(z.string(), z.number().int()),
    }),
    createdAt: z.string(),
  })
  .openapi('BillingPriceList');

export function presentPriceList(p: PriceList): z.infer<typeof PriceListSchema> {
  return {
    id: p.id,
    name: p.name,
    validFrom: p.validFrom,
    validTo: p.validTo,
    digest: p.digest,
    weights: Object.fromEntries(Object.entries(p.terms.weightsPermille).map(([m, w]) => [m, w / 1000])),
    products: Object.fromEntries(
      Object.entries(p.terms.products).map(([id, pricing]) => [
        id,
        {
          tierModel: pricing.tierModel,
          tiers: pricing.tiers.map((t) => ({ from: t.from, rate: t.ratePermille / 1000 })),
        },
      ]),
    ),
    sizeCategories: { from: { ...p.terms.sizeCategories.from }, feeOre: { ...p.terms.sizeCategories.feeOre } },
    createdAt: iso(p.createdAt),
  };
}

const LineSchema = z
  .object({ product: z.string(), metric: z.string(), weightedTransactions: z.number().int(), ore: z.number().int() })
  .openapi('BillingLine');

export const RunResultSchema = z
  .object({
    year: z.number().int(),
    quarter: z.number().int().nullable(),
    dryRun: z.boolean(),
    totalOre: z.number().int(),
    statements: z.array(
      z.object({
        owner: z.string(),
        number: z.string().nullable(),
        kind: z.enum(['invoice', 'credit-note']),
        purpose: z.enum(['original', 'correction']),
        totalOre: z.number().int(),
        lines: z.array(LineSchema),
      }),
    ),
  })
  .openapi('BillingRunResult');

export function presentRun(r: BillingRunResult): z.infer<typeof RunResultSchema> {
  return {
    year: r.year,
    quarter: r.quarter,
    dryRun: r.dryRun,
    totalOre: r.totalOre,
    statements: r.statements.map((s) => ({ ...s, lines: s.lines.map((l) => ({ ...l })) })),
  };
}

export const StatementSummarySchema = z
  .object({
    number: z.string(),
    owner: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    quarter: z.number().int().nullable(),
    kind: z.enum(['invoice', 'credit-note']),
    purpose: z.enum(['original', 'correction']),
    correctsNumber: z.string().nullable(),
    totalOre: z.number().int(),
    issuedAt: z.string(),
  })
  .openapi('BillingStatementSummary');

export function presentStatementSummary(s: StatementSummary): z.infer<typeof StatementSummarySchema> {
  return {
    number: s.number,
    owner: { code: s.owner.code, name: s.owner.name },
    year: s.year,
    quarter: s.quarter,
    kind: s.kind,
    purpose: s.purpose,
    correctsNumber: s.correctsNumber,
    totalOre: s.totalOre,
    issuedAt: iso(s.issuedAt),
  };
}

export const StatementSchema = StatementSummarySchema.extend({
  lines: z.array(LineSchema),
  provenance: z.object({
    priceListId: z.string(),
    priceListDigest: z.string(),
    usageThrough: z.string(),
    snapshotDigest: z.string(),
  }),
}).openapi('BillingStatement');

export function presentStatement(s: StatementView): z.infer<typeof StatementSchema> {
  return {
    ...presentStatementSummary(s),
    lines: s.lines.map((l) => ({
      product: l.product,
      metric: l.metric,
      weightedTransactions: l.weightedTransactions,
      ore: l.ore,
    })),
    provenance: { ...s.provenance },
  };
}

export const VerificationSchema = z
  .object({
    number: z.string(),
    snapshotIntact: z.boolean(),
    priceListIntact: z.boolean(),
    linesMatch: z.boolean(),
    recordedInAudit: z.boolean(),
    matches: z.boolean(),
    expectedTotalOre: z.number().int(),
    totalOre: z.number().int(),
  })
  .openapi('BillingStatementVerification');

export function presentVerification(v: StatementVerification): z.infer<typeof VerificationSchema> {
  return { ...v };
}

const ScenarioSchema = z
  .object({
    alternative: z.number().int(),
    names: Names,
    published: z.object({ centralMnok: z.array(z.number()), ownersMnok: z.array(z.number()) }),
    year: z.number().int(),
    totalOre: z.number().int(),
    centralOre: z.number().int(),
    ownersOre: z.number().int(),
    products: z.array(
      z.object({
        product: z.string(),
        totalOre: z.number().int(),
        centralOre: z.number().int(),
        ownersOre: z.number().int(),
      }),
    ),
    owners: z.array(
      z.object({
        owner: z.string(),
        name: z.string(),
        ore: z.number().int(),
        todayOre: z.number().int(),
        changeOre: z.number().int(),
      }),
    ),
  })
  .openapi('BillingScenario');

export function presentScenario(s: ScenarioResult): z.infer<typeof ScenarioSchema> {
  return {
    alternative: s.alternative,
    names: s.names,
    published: { centralMnok: [s.published[0], s.published[1]], ownersMnok: [s.published[2], s.published[3]] },
    year: s.year,
    totalOre: s.totalOre,
    centralOre: s.centralOre,
    ownersOre: s.ownersOre,
    products: s.products.map((p) => ({ ...p })),
    owners: s.owners.map((o) => ({ ...o })),
  };
}

export const ComparisonSchema = z
  .object({
    year: z.number().int(),
    needOre: z.number().int(),
    basis: z.object({ year: z.number().int(), monthsCounted: z.number().int() }),
    alternatives: z.array(ScenarioSchema),
  })
  .openapi('BillingScenarioComparison');

export function presentComparison(c: ScenarioComparison): z.infer<typeof ComparisonSchema> {
  return { year: c.year, needOre: c.needOre, basis: { ...c.basis }, alternatives: c.alternatives.map(presentScenario) };
}

export const SummarySchema = z
  .object({
    year: z.number().int(),
    alternative: z.object({ number: z.number().int(), names: Names }),
    totalCostOre: z.number().int(),
    centralOre: z.number().int(),
    ownersOre: z.number().int(),
    billedOre: z.number().int(),
    coverageBasisPoints: z.number().int().nullable(),
    priceList: z.object({ id: z.string(), name: z.string(), digest: z.string() }).nullable(),
    periods: z.array(
      z.object({
        quarter: z.number().int().nullable(),
        statements: z.number().int(),
        corrections: z.number().int(),
        totalOre: z.number().int(),
      }),
    ),
    owners: z.array(
      z.object({ code: z.string(), name: z.string(), billedOre: z.number().int(), statements: z.number().int() }),
    ),
  })
  .openapi('BillingSummary');

export function presentSummary(s: BillingSummary): z.infer<typeof SummarySchema> {
  return {
    ...s,
    alternative: { number: s.alternative.number, names: s.alternative.names },
    priceList: s.priceList ? { ...s.priceList } : null,
    periods: s.periods.map((p) => ({ ...p })),
    owners: s.owners.map((o) => ({ ...o })),
  };
}

export const OverviewSchema = z
  .object({
    owner: z.object({ code: z.string(), name: z.string() }),
    year: z.number().int(),
    monthsCounted: z.number().int(),
    months: z.array(
      z.object({ month: z.string(), products: z.record(z.string(), z.number().int()), total: z.number().int() }),
    ),
    yearToDate: z.number().int(),
    forecast: z.object({ total: z.number().int(), products: z.record(z.string(), z.number().int()) }),
    category: z.enum(sizeCategories),
    next: z.object({ category: z.enum(sizeCategories), transactions: z.number().int() }).nullable(),
    priceList: z.object({ id: z.string(), name: z.string() }).nullable(),
    statements: z.array(StatementSummarySchema),
  })
  .openapi('BillingOwnerOverview');

export function presentOverview(o: OwnerBillingOverview): z.infer<typeof OverviewSchema> {
  return {
    owner: { code: o.owner.code, name: o.owner.name },
    year: o.year,
    monthsCounted: o.monthsCounted,
    months: o.months.map((m) => ({ month: m.month, products: { ...m.products }, total: m.total })),
    yearToDate: o.yearToDate,
    forecast: { total: o.forecast.total, products: { ...o.forecast.products } },
    category: o.category,
    next: o.next ? { ...o.next } : null,
    priceList: o.priceList ? { ...o.priceList } : null,
    statements: o.statements.map(presentStatementSummary),
  };
}
