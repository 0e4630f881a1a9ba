import type { Selectable } from 'kysely';

// Tables of the monthly service report (migration 20261129090000-service-reports). Instants are epoch milliseconds;
// a month is `YYYY-MM` (Europe/Oslo).

export interface ReportBlocksTable {
  id: string;
  month: string;
  kind: string;
  title: string;
  body_markdown: string;
  position: number;
  created_at: number;
  updated_at: number;
}

export interface RoadmapEntriesTable {
  id: string;
  title: string;
  description: string;
  period: string;
  status: string;
  component_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface MeetingsTable {
  id: string;
  title: string;
  series: string;
  starts_at: number;
  ends_at: number;
  format: string;
  location: string;
  url: string | null;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface ReportSubscriptionsTable {
  id: string;
  owner_id: string;
  email: string;
  lang: string;
  created_at: number;
}

export interface ServiceReportsTable {
  id: string;
  month: string;
  owner_id: string;
  version: number;
  trigger: string;
  generated_at: number;
  generated_by: string;
  data: string;
  digest: string;
}

export interface ReportScheduleRunsTable {
  month: string;
  claimed_at: number;
  finished_at: number | null;
}

export interface ReportTables {
  report_blocks: ReportBlocksTable;
  roadmap_entries: RoadmapEntriesTable;
  meetings: MeetingsTable;
  report_subscriptions: ReportSubscriptionsTable;
  service_reports: ServiceReportsTable;
  report_schedule_runs: ReportScheduleRunsTable;
}

export type ReportBlockRow = Selectable<ReportBlocksTable>;
export type RoadmapEntryRow = Selectable<RoadmapEntriesTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type ReportSubscriptionRow = Selectable<ReportSubscriptionsTable>;
export type ServiceReportRow = Selectable<ServiceReportsTable>;

// The tables join the program's `Database` type, which platform declares without knowing any module.
declare module '../../platform/db/schema.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation adds the tables by extending
  interface Database extends ReportTables {}
}
