import type { Selectable } from 'kysely';

// Tables of usage metering (migration 20261127090000-usage). '' in owner_id / service_id means "not attributed".

export interface UsageDailyTable {
  metric: string;
  day: string;
  owner_id: string;
  service_id: string;
  count: number;
}

export interface UsageEventKeysTable {
  key: string;
  event_day: number;
}

export interface UsageRawEventsTable {
  key: string;
  event_day: number;
  received_at: number;
  body: string;
}

export interface UsageMonthlyImportsTable {
  metric: string;
  month: string;
  owner_id: string;
  service_id: string;
  count: number;
  source_name: string;
  imported_at: number;
}

export interface UsageAdjustmentsTable {
  id: string;
  metric: string;
  month: string;
  owner_id: string;
  service_id: string;
  delta: number;
  reason: string;
  created_by: string | null;
  created_at: number;
}

export interface UsageMonthClosuresTable {
  month: string;
  closed_at: number;
  closed_by: string | null;
}

/** A closed month's count per metric and owner (migration 20261203160000-usage-month-totals). */
export interface UsageMonthTotalsTable {
  month: string;
  metric: string;
  owner_id: string;
  count: number;
}

export interface UsageTables {
  usage_daily: UsageDailyTable;
  usage_event_keys: UsageEventKeysTable;
  usage_raw_events: UsageRawEventsTable;
  usage_monthly_imports: UsageMonthlyImportsTable;
  usage_adjustments: UsageAdjustmentsTable;
  usage_month_closures: UsageMonthClosuresTable;
  usage_month_totals: UsageMonthTotalsTable;
}

export type UsageDailyRow = Selectable<UsageDailyTable>;
export type UsageAdjustmentRow = Selectable<UsageAdjustmentsTable>;

// The tables join the program's `Database` type, which platform declares without knowing any module.
declare module '../../platform/db/schema.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation adds the tables by extending
  interface Database extends UsageTables {}
}
