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

// The tables join the program's `Database` type, which platform declares without knowing any module.
declare module '../../platform/db/schema.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation adds the tables by extending
  interface Database extends SupportTables {}
}
