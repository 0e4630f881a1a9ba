// What the quarantine pages show, presented from the operations' rows: a view never sees a database row.
import type { QuarantinedMailDetail } from '../services/get-quarantined-mail.ts';
import type { QuarantinedMail } from '../services/list-quarantine.ts';

/** A quarantined message in the list: who sent what, when, and why it waits. */
export interface QuarantinedMailItem {
  id: string;
  /** Empty when the message named no sender address. */
  fromAddress: string;
  fromName: string | null;
  /** Empty when the message had no subject. */
  subject: string;
  reason: string;
  sizeBytes: number;
  receivedAt: number;
  status: 'pending' | 'accepted' | 'discarded';
}

/** One message with its text, the decision taken on it, and the files it carries (never their content). */
export interface QuarantinedMailView extends QuarantinedMailItem {
  textBody: string;
  handledBy: string | null;
  handledAt: number | null;
  attachments: { fileName: string; contentType: string; sizeBytes: number }[];
}

export function presentQuarantinedMailItem(m: QuarantinedMail): QuarantinedMailItem {
  return {
    id: m.id,
    fromAddress: m.from_address,
    fromName: m.from_name,
    subject: m.subject,
    reason: m.reason,
    sizeBytes: m.size_bytes,
    receivedAt: m.received_at,
    status: m.status,
  };
}

export function presentQuarantinedMail(m: QuarantinedMailDetail): QuarantinedMailView {
  return {
    ...presentQuarantinedMailItem(m),
    textBody: m.text_body,
    handledBy: m.handled_by,
    handledAt: m.handled_at,
    attachments: m.attachments.map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
    })),
  };
}
