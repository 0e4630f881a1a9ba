import type { Selectable } from 'kysely';

// Tables of cases: their event logs, SLA clocks and files (the cases migrations).

export interface CasesTable {
  id: string;
  number: number;
  reference: string;
  organisation_id: string | null;
  kind: string;
  category: string | null;
  status: string;
  is_open: number;
  /** Open, or resolved with a duty still owed (feedback to the reporter): what the work queue shows. */
  in_queue: number;
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

export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type CaseClockRow = Selectable<CaseClocksTable>;
export type CaseAttachmentRow = Selectable<CaseAttachmentsTable>;

// The tables join the program's `Database` type, which platform declares without knowing any module.
declare module '../../platform/db/schema.ts' {
  interface Database {
    cases: CasesTable;
    case_events: CaseEventsTable;
    case_clocks: CaseClocksTable;
    case_attachments: CaseAttachmentsTable;
  }
}
