import type { Generated, Insertable, Selectable } from 'kysely';
import type { AuthTables } from './auth-schema.ts';
import type { ReportTables } from '../../modules/reports/schema.ts';
import type { SupportTables } from '../../modules/support/schema.ts';
import type { UsageTables } from '../../modules/usage/schema.ts';

/** Row shapes as stored. Instants are epoch milliseconds (UTC); booleans are 0/1 integers on both dialects. */
export interface OrganisationsTable {
  id: string;
  kind: 'operator' | 'owner';
  name: string;
  org_number: string;
  code: string;
  contact_email: string;
  created_at: number;
  updated_at: number;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string;
  failed_logins: Generated<number>;
  locked_until: number | null;
  last_login_at: number | null;
  disabled: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface MembershipsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: number;
}

export interface ServicesTable {
  id: string;
  organisation_id: string;
  name: string;
  platform: 'altinn2' | 'altinn3';
  resource_id: string;
  status: string;
  created_at: number;
  updated_at: number;
}

export interface ComponentsTable {
  id: string;
  code: string;
  name: string;
  calendar_id: string;
  target_basis_points: number;
  weight_partial_bp: Generated<number>;
  weight_degraded_bp: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface ApiTokensTable {
  id: string;
  organisation_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string;
  created_by: string | null;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface AuditEventsTable {
  seq: number;
  at: number;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  organisation_id: string | null;
  summary: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export type JobStatus = 'pending' | 'running' | 'succeeded' | 'dead';

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  organisation_id: string | null;
  status: JobStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface JobAttemptsTable {
  id: string;
  job_id: string;
  attempt: number;
  worker_id: string;
  started_at: number;
  finished_at: number | null;
  outcome: 'succeeded' | 'failed' | null;
  error: string | null;
}

export interface WebhookEndpointsTable {
  id: string;
  organisation_id: string;
  url: string;
  secret: string;
  event_types: string;
  created_at: number;
  disabled_at: number | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface CasesTable {
  id: string;
  number: number;
  reference: string;
  organisation_id: string | null;
  kind: string;
  category: string | null;
  status: string;
  is_open: number;
  paused: number;
  title: string;
  description: string;
  channel: string;
  service_id: string | null;
  component_id: string | null;
  reporter_user_id: string | null;
  reporter_name: string;
  reporter_email: string | null;
  assignee_user_id: string | null;
  external_id: string | null;
  registered_at: number;
  last_event_at: number;
  resolved_at: number | null;
  closed_at: number | null;
  next_due_at: number | null;
  due_order: number;
  event_count: number;
  created_at: number;
  updated_at: number;
}

export interface CaseEventsTable {
  id: string;
  case_id: string;
  seq: number;
  type: string;
  at: number;
  recorded_at: number;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  category: string | null;
  visibility: 'public' | 'internal';
  body: string | null;
  data: string | null;
}

export interface CaseClocksTable {
  case_id: string;
  policy_id: string;
  state: string;
  due_at: number | null;
  at_risk_at: number | null;
  target_ms: number | null;
  remaining_ms: number | null;
  stopped_at: number | null;
  paused: number;
  live: number;
  computed_at: number;
  at_risk_alerted_at: number | null;
  breach_alerted_at: number | null;
}

export interface CaseAttachmentsTable {
  id: string;
  case_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  visibility: 'public' | 'internal';
  content: Buffer;
  created_at: number;
}

export interface MailQuarantineTable {
  id: string;
  message_id: string | null;
  from_address: string;
  from_name: string | null;
  subject: string;
  text_body: string;
  reason: string;
  raw: Buffer;
  size_bytes: number;
  received_at: number;
  status: 'pending' | 'accepted' | 'discarded';
  case_id: string | null;
  handled_by: string | null;
  handled_at: number | null;
}

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

export interface Database extends AuthTables, UsageTables, SupportTables, ReportTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  services: ServicesTable;
  components: ComponentsTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  jobs: JobsTable;
  job_attempts: JobAttemptsTable;
  webhook_endpoints: WebhookEndpointsTable;
  counters: CountersTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_clocks: CaseClocksTable;
  case_attachments: CaseAttachmentsTable;
  mail_quarantine: MailQuarantineTable;
  outages: OutagesTable;
  maintenance_windows: MaintenanceWindowsTable;
  deviations: DeviationsTable;
  monitors: MonitorsTable;
  monitor_intervals: MonitorIntervalsTable;
  availability_rollups: AvailabilityRollupsTable;
  status_subscriptions: StatusSubscriptionsTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type Membership = Selectable<MembershipsTable>;
export type Service = Selectable<ServicesTable>;
export type Component = Selectable<ComponentsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type Job = Selectable<JobsTable>;
export type JobAttempt = Selectable<JobAttemptsTable>;
export type NewJob = Insertable<JobsTable>;
export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type CaseClockRow = Selectable<CaseClocksTable>;
export type CaseAttachmentRow = Selectable<CaseAttachmentsTable>;
export type MailQuarantineRow = Selectable<MailQuarantineTable>;
export type OutageRow = Selectable<OutagesTable>;
export type MaintenanceWindowRow = Selectable<MaintenanceWindowsTable>;
export type DeviationRow = Selectable<DeviationsTable>;
export type MonitorRow = Selectable<MonitorsTable>;
export type MonitorIntervalRow = Selectable<MonitorIntervalsTable>;
export type AvailabilityRollupRow = Selectable<AvailabilityRollupsTable>;
export type StatusSubscriptionRow = Selectable<StatusSubscriptionsTable>;
