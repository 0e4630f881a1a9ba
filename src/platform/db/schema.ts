import type { OrganisationKind } from '../domain/roles.ts';
import type { Generated, Insertable, Selectable } from 'kysely';
import type { AuthTables } from './auth-schema.ts';

/** Row shapes as stored. Instants are epoch milliseconds (UTC); booleans are 0/1 integers on both dialects. */
export interface OrganisationsTable {
  id: string;
  kind: OrganisationKind;
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
  /** How the person signed in (migration 20261203140000); the other columns below belong to national logins. */
  method: Generated<SessionMethod>;
  acr: string | null;
  /** The one organisation a national login acts for; null: every membership of the account. */
  organisation_id: string | null;
  provider_sid: string | null;
  /** The ID token for the logout request, sealed under the session's own token (which only the browser has). */
  id_token_sealed: string | null;
  /** When the login the provider granted ends; the sliding expiry never passes it. */
  ends_at: number | null;
}

export type SessionMethod = 'password' | 'oidc';

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

export type OutgoingKind = 'email' | 'webhook';
/** kept: e-mail held back by the development transport; the others: how a webhook call ended. */
export type OutgoingOutcome = 'kept' | 'delivered' | 'failed' | 'refused';

export interface OutgoingMessagesTable {
  id: string;
  kind: OutgoingKind;
  target: string;
  subject: string | null;
  body: string | null;
  html: string | null;
  /** JSON object of the header fields worth showing, secrets hidden. */
  headers: string;
  /** JSON array of `{ filename, contentType, size }`; the content is not kept. */
  attachments: string;
  outcome: OutgoingOutcome;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  job_id: string | null;
  job_kind: string | null;
  created_at: number;
}

export interface CountersTable {
  name: string;
  value: number;
}

/**
 * Every table of the program. Platform declares its own tables here; each module adds its tables to this interface
 * from its schema.ts (declaration merging), so Kysely types every query while platform imports no module.
 */
export interface Database extends AuthTables {
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
  outgoing_messages: OutgoingMessagesTable;
  counters: CountersTable;
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
export type OutgoingMessage = Selectable<OutgoingMessagesTable>;
