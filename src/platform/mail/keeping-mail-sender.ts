import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from '../domain/clock.ts';
import { outgoingLog } from '../outgoing/record-outgoing-message.ts';
import type { SendMail } from './mail-transport.ts';

/**
 * The development transport, in the manner of a local mail catcher: each message is kept in the outgoing-message log
 * instead of being sent, and counts as delivered, so the jobs behind it (and what they record, such as a case's
 * feedback) run as they would after an SMTP server's accept.
 */
export function createKeepingMailSender({
  db,
  clock,
  from,
}: {
  db: Kysely<Database>;
  clock: Clock;
  from: string;
}): SendMail {
  return async (message, job) => {
    await outgoingLog(db, job).record({
      kind: 'email',
      to: message.to,
      subject: message.subject,
      body: message.text,
      html: message.html,
      headers: { From: from, ...message.headers },
      attachments: (message.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        size: a.content.length,
      })),
      outcome: 'kept',
      at: clock.now(),
    });
  };
}
