import type { Selectable } from 'kysely';

// Tables of the support lines' logs (migration 20261128090000-support-logs). Instants are epoch milliseconds.

export interface SupportCallsTable {
  id: string;
  line: string;
  external_id: string;
  queued_at: number;
  answered_at: number | null;
  abandoned: number;
  callback: number;
  imported_at: number;
}

export interface SupportEmailsTable {
  id: string;
  line: string;
  external_id: string;
  received_at: number;
  first_answer_at: number | null;
  imported_at: number;
}

export interface SupportTables {
  support_calls: SupportCallsTable;
  support_emails: SupportEmailsTable;
}

export type SupportCallRow = Selectable<SupportCallsTable>;
export type SupportEmailRow = Selectable<SupportEmailsTable>;
