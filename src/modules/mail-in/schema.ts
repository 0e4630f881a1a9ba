import type { Selectable } from 'kysely';

// Mail that could not be filed as a case, waiting for the service desk.

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

export type MailQuarantineRow = Selectable<MailQuarantineTable>;

// The tables join the program's `Database` type, which platform declares without knowing any module.
declare module '../../platform/db/schema.ts' {
  interface Database {
    mail_quarantine: MailQuarantineTable;
  }
}
