// What the billing pages show, taken from the operations' results field by field: a view gets these shapes only, so
// nothing the operations carry beyond them (ids, runs, snapshots) reaches a page by accident.
import type { Locale } from '../../../platform/i18n/messages.ts';
import type { SizeCategory } from '../domain/billing-model.ts';
import type { StatementDocument } from '../domain/statement-document.ts';
import type { StatementSummary } from '../services/billing-statements.ts';
import type { BillingSummary } from '../services/billing-summary.ts';
import type { ScenarioComparison } from '../services/financing-scenarios.ts';
import type { OwnerBillingOverview } from '../services/owner-billing-overview.ts';
import type { BillingRunResult } from '../services/run-billing.ts';
import type { StatementVerification } from '../services/verify-statement.ts';

export interface StatementRow {
  number: string;
  owner: { code: string; name: string };
  year: number;
  quarter: number | null;
  kind: 'invoice' | 'credit-note';
  purpose: 'original' | 'correction';
  correctsNumber: string | null;
  totalOre: number;
  issuedAt: number;
}

export function presentStatementRow(s: StatementSummary): StatementRow {
  return {
    number: s.number,
    owner: { code: s.owner.code, name: s.owner.name },
    year: s.year,
    quarter: s.quarter,
    kind: s.kind,
    purpose: s.purpose,
    correctsNumber: s.correctsNumber,
    totalOre: s.totalOre,
    issuedAt: s.issuedAt,
  };
}

export interface SummaryView {
  year: number;
  alternative: { number: number; name: string };
  totalCostOre: number;
  centralOre: number;
  ownersOre: number;
  billedOre: number;
  coverageBasisPoints: number | null;
  priceListName: string | null;
  periods: { quarter: number | null; statements: number; corrections: number; totalOre: number }[];
}

export function presentSummary(s: BillingSummary, locale: Locale): SummaryView {
  return {
    year: s.year,
    alternative: { number: s.alternative.number, name: s.alternative.names[locale] },
    totalCostOre: s.totalCostOre,
    centralOre: s.centralOre,
    ownersOre: s.ownersOre,
    billedOre: s.billedOre,
    coverageBasisPoints: s.coverageBasisPoints,
    priceListName: s.priceList?.name ?? null,
    periods: s.periods.map((p) => ({
      quarter: p.quarter,
      statements: p.statements,
      corrections: p.corrections,
      totalOre: p.totalOre,
    })),
  };
}

export interface OwnerRow {
  code: string;
  name: string;
  billedOre: number;
  statements: number;
}

/** Every owner the reader may open, with what the year's summary says was billed to it (nothing when absent). */
export function presentOwnerRows(
  owners: readonly { code: string; name: string }[],
  summary: BillingSummary | null,
): OwnerRow[] {
  const billed = new Map((summary?.owners ?? []).map((o) => [o.code, o]));
  return owners.map((o) => ({
    code: o.code,
    name: o.name,
    billedOre: billed.get(o.code)?.billedOre ?? 0,
    statements: billed.get(o.code)?.statements ?? 0,
  }));
}

export interface RunResultView {
  year: number;
  quarter: number | null;
  dryRun: boolean;
  totalOre: number;
  statements: {
    owner: string;
    number: string | null;
    kind: 'invoice' | 'credit-note';
    purpose: 'original' | 'correction';
    totalOre: number;
  }[];
}

export function presentRunResult(r: BillingRunResult): RunResultView {
  return {
    year: r.year,
    quarter: r.quarter,
    dryRun: r.dryRun,
    totalOre: r.totalOre,
    statements: r.statements.map((s) => ({
      owner: s.owner,
      number: s.number,
      kind: s.kind,
      purpose: s.purpose,
      totalOre: s.totalOre,
    })),
  };
}

export interface OverviewView {
  owner: { code: string; name: string };
  year: number;
  products: { id: string; name: string }[];
  /** One row per counted month, a value per product in the order of `products`. */
  months: { month: string; values: number[]; total: number }[];
  /** Per product over the counted months, in the order of `products`. */
  productTotals: number[];
  monthsCounted: number;
  yearToDate: number;
  forecast: number;
  category: SizeCategory;
  next: { category: SizeCategory; transactions: number } | null;
  priceListName: string | null;
  statements: StatementRow[];
}

export function presentOverview(o: OwnerBillingOverview, locale: Locale): OverviewView {
  const products = o.products.map((p) => ({ id: p.id, name: p.names[locale] }));
  return {
    owner: { code: o.owner.code, name: o.owner.name },
    year: o.year,
    products,
    months: o.months.map((m) => ({
      month: m.month,
      values: products.map((p) => m.products[p.id] ?? 0),
      total: m.total,
    })),
    productTotals: products.map((p) => o.months.reduce((a, m) => a + (m.products[p.id] ?? 0), 0)),
    monthsCounted: o.monthsCounted,
    yearToDate: o.yearToDate,
    forecast: o.forecast.total,
    category: o.category,
    next: o.next ? { category: o.next.category, transactions: o.next.transactions } : null,
    priceListName: o.priceList?.name ?? null,
    statements: o.statements.map(presentStatementRow),
  };
}

export interface StatementView {
  number: string;
  kind: 'invoice' | 'credit-note';
  purpose: 'original' | 'correction';
  correctsNumber: string | null;
  year: number;
  quarter: number | null;
  issuedAt: number;
  dueDate: string;
  owner: { code: string; name: string };
  lines: { productName: string; metricName: string; weightedTransactions: number; ore: number }[];
  totalOre: number;
  provenance: { priceListId: string; priceListDigest: string; usageThrough: string; snapshotDigest: string };
  verification: {
    matches: boolean;
    snapshotIntact: boolean;
    priceListIntact: boolean;
    linesMatch: boolean;
    recordedInAudit: boolean;
  };
}

export function presentStatement(doc: StatementDocument, verification: StatementVerification): StatementView {
  return {
    number: doc.number,
    kind: doc.kind,
    purpose: doc.purpose,
    correctsNumber: doc.correctsNumber,
    year: doc.period.year,
    quarter: doc.period.quarter,
    issuedAt: doc.issuedAt,
    dueDate: doc.dueDate,
    owner: { code: doc.buyer.code, name: doc.buyer.name },
    lines: doc.lines.map((l) => ({
      productName: l.productName,
      metricName: l.metricName,
      weightedTransactions: l.weightedTransactions,
      ore: l.ore,
    })),
    totalOre: doc.totalOre,
    provenance: {
      priceListId: doc.provenance.priceListId,
      priceListDigest: doc.provenance.priceListDigest,
      usageThrough: doc.provenance.usageThrough,
      snapshotDigest: doc.provenance.snapshotDigest,
    },
    verification: {
      matches: verification.matches,
      snapshotIntact: verification.snapshotIntact,
      priceListIntact: verification.priceListIntact,
      linesMatch: verification.linesMatch,
      recordedInAudit: verification.recordedInAudit,
    },
  };
}

export interface AlternativeView {
  number: number;
  name: string;
  totalOre: number;
  centralOre: number;
  ownersOre: number;
  /** Seed 003's figures in MNOK: central from–to, owners from–to. */
  published: { central: [number, number]; owners: [number, number] };
}

export interface ComparisonView {
  year: number;
  needOre: number;
  basis: { year: number; monthsCounted: number };
  alternatives: AlternativeView[];
  /** One row per owner, an amount and its change against alternative 0 per alternative (in that order). */
  owners: { code: string; name: string; amounts: { ore: number; changeOre: number }[] }[];
  /** One row per product: its total, and central and owners' part per alternative. */
  products: { id: string; name: string; totalOre: number; parts: { centralOre: number; ownersOre: number }[] }[];
}

const collation: Record<Locale, string> = { nb: 'nb', nn: 'nn', en: 'en' };

export function presentComparison(c: ScenarioComparison, locale: Locale): ComparisonView {
  const codes = [...new Set(c.alternatives.flatMap((a) => a.owners.map((o) => o.owner)))].sort();
  return {
    year: c.year,
    needOre: c.needOre,
    basis: { year: c.basis.year, monthsCounted: c.basis.monthsCounted },
    alternatives: c.alternatives.map((a) => ({
      number: a.alternative,
      name: a.names[locale],
      totalOre: a.totalOre,
      centralOre: a.centralOre,
      ownersOre: a.ownersOre,
      published: { central: [a.published[0], a.published[1]], owners: [a.published[2], a.published[3]] },
    })),
    // By name, as a reader looks an owner up; the operation orders them by code.
    owners: codes
      .map((code) => {
        const found = c.alternatives.map((a) => a.owners.find((o) => o.owner === code));
        return {
          code,
          name: found.find((o) => o !== undefined)?.name ?? code,
          amounts: found.map((o) => ({ ore: o?.ore ?? 0, changeOre: o?.changeOre ?? 0 })),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, collation[locale]) || (a.code < b.code ? -1 : 1)),
    products: c.products.map((p) => {
      const parts = c.alternatives.map((a) => a.products.find((x) => x.product === p.id));
      return {
        id: p.id,
        name: p.names[locale],
        totalOre: parts.find((x) => x !== undefined)?.totalOre ?? 0,
        parts: parts.map((x) => ({ centralOre: x?.centralOre ?? 0, ownersOre: x?.ownersOre ?? 0 })),
      };
    }),
  };
}
