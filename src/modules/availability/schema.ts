import type { Selectable } from 'kysely';

// Tables of availability: outages, planned work and its deviations, monitors, monthly figures and status subscriptions.

export interface OutagesTable {
  id: string;
  component_id: string;
  severity: 'unavailable' | 'partial' | 'degraded';
  start_at: number;
  end_at: number | null;
  source: 'manual' | 'incident' | 'monitor';
  case_id: string | null;
  monitor_id: string | null;
  public_text: string;
  created_at: number;
  updated_at: number;
}

export interface MaintenanceWindowsTable {
  id: string;
  component_id: string;
  kind: 'maintenance' | 'change' | 'major-change' | 'emergency';
  title: string;
  public_text: string;
  start_at: number;
  end_at: number;
  announced_at: number | null;
  incident_case_id: string | null;
  notice_policy: string;
  latest_announcement_at: number;
  notice_in_time: number | null;
  inside_operating_hours: number;
  status: 'draft' | 'published' | 'cancelled';
  created_at: number;
  updated_at: number;
}

export interface DeviationsTable {
  id: string;
  kind: string;
  policy_id: string | null;
  subject_type: string;
  subject_id: string;
  component_id: string | null;
  organisation_id: string | null;
  at: number;
  detail: string;
}

export interface MonitorsTable {
  id: string;
  component_id: string;
  kind: 'http' | 'heartbeat' | 'alertmanager' | 'uptime-kuma';
  name: string;
  url: string | null;
  interval_seconds: number;
  timeout_ms: number;
  expected_status: number | null;
  token_digest: string | null;
  enabled: number;
  next_run_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MonitorIntervalsTable {
  id: string;
  monitor_id: string;
  state: 'up' | 'down';
  start_at: number;
  end_at: number;
  samples: number;
}

export interface AvailabilityRollupsTable {
  component_id: string;
  month: string;
  scheduled_ms: number;
  operating_ms: number;
  downtime_ms: number;
  unknown_ms: number;
  inputs_digest: string;
  source: 'computed' | 'imported';
  computed_at: number;
}

export interface StatusSubscriptionsTable {
  id: string;
  kind: 'email' | 'webhook';
  /** An e-mail address, or the URL webhook events are posted to. */
  address: string;
  /** Signing secret of a webhook subscription; null for e-mail. */
  secret: string | null;
  confirm_token_digest: string | null;
  confirmed_at: number | null;
  unsubscribed_at: number | null;
  locale: string;
  created_at: number;
}

export type OutageRow = Selectable<OutagesTable>;
export type MaintenanceWindowRow = Selectable<MaintenanceWindowsTable>;
export type DeviationRow = Selectable<DeviationsTable>;
export type MonitorRow = Selectable<MonitorsTable>;
export type MonitorIntervalRow = Selectable<MonitorIntervalsTable>;
export type AvailabilityRollupRow = Selectable<AvailabilityRollupsTable>;
export type StatusSubscriptionRow = Selectable<StatusSubscriptionsTable>;

// The tables join the program's `Database` type, which platform declares without knowing any module.
declare module '../../platform/db/schema.ts' {
  interface Database {
    outages: OutagesTable;
    maintenance_windows: MaintenanceWindowsTable;
    deviations: DeviationsTable;
    monitors: MonitorsTable;
    monitor_intervals: MonitorIntervalsTable;
    availability_rollups: AvailabilityRollupsTable;
    status_subscriptions: StatusSubscriptionsTable;
  }
}
