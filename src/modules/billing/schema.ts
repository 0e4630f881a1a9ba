import type { Selectable } from 'kysely';

// Tables of billing (migration 20261203150000-billing). Money is integer øre.

export interface BillingProductsTable {
  id: string;
  position: number;
  name_nb: string;
  name_nn: string;
  name_en: string;
  central_by_principle: number;
  created_at: number;
}

export interface BillingProductMetricsTable {
  metric: string;
  product_id: string;
  position: number;
}

export interface BillingCostElementsTable {
  product_id: string;
  year: number;
  element: string;
  amount_ore: number;
}

export interface BillingBudgetYearsTable {
  year: number;
  alternative: number;
  central_appropriation_ore: number;
  owner_funding_today_ore: number;
  payment_days: number;
  updated_at: number;
}

export interface BillingAlternativesTable {
  number: number;
  name_nb: string;
  name_nn: string;
  name_en: string;
  rules: string;
  published: string;
}

export interface BillingPriceListsTable {
  id: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  terms: string;
  digest: string;
  created_at: number;
  created_by: string | null;
}

export interface BillingRunsTable {
  id: string;
  year: number;
  quarter: number | null;
  alternative: number;
  price_list_id: string;
  price_list_digest: string;
  usage_through: string;
  snapshot: string;
  snapshot_digest: string;
  created_at: number;
  created_by: string | null;
}

export interface BillingStatementsTable {
  id: string;
  number: string;
  run_id: string;
  organisation_id: string;
  year: number;
  period: string;
  sequence: number;
  kind: string;
  corrects_id: string | null;
  total_ore: number;
  issued_at: number;
}

export interface BillingStatementLinesTable {
  statement_id: string;
  position: number;
  product_id: string;
  metric: string;
  weighted_transactions: number;
  ore: number;
}

export interface BillingTables {
  billing_products: BillingProductsTable;
  billing_product_metrics: BillingProductMetricsTable;
  billing_cost_elements: BillingCostElementsTable;
  billing_budget_years: BillingBudgetYearsTable;
  billing_alternatives: BillingAlternativesTable;
  billing_price_lists: BillingPriceListsTable;
  billing_runs: BillingRunsTable;
  billing_statements: BillingStatementsTable;
  billing_statement_lines: BillingStatementLinesTable;
}

export type BillingStatementRow = Selectable<BillingStatementsTable>;
export type BillingPriceListRow = Selectable<BillingPriceListsTable>;

// The tables join the program's `Database` type, which platform declares without knowing any module.
declare module '../../platform/db/schema.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation adds the tables by extending
  interface Database extends BillingTables {}
}
