import { z } from 'zod';
import type { Kysely } from 'kysely';
import { systemActor } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { findStatusRecipient } from '../services/find-status-recipient.ts';
import { statusEvent } from '../services/queue-status-notice.ts';
import { confirmationMail, statusNoticeMail } from '../services/status-mail-texts.ts';
import { confirmUrl, unsubscribeUrl } from '../services/subscription-links.ts';
import type { Database, Job } from '../../../platform/db/schema.ts';
import { outgoingLog } from '../../../platform/outgoing/record-outgoing-message.ts';
import { postCloudEvent, webhookPayload } from '../../../platform/webhooks/deliver-webhook.ts';
import type { SendMail } from '../../../platform/mail/mail-transport.ts';
import type { OutboundPolicy } from '../../../platform/net/outbound-url.ts';

export const statusEmailPayload = z.object({
  subscriptionId: z.string().min(1),
  message: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('confirm'), token: z.string().min(1) }),
    z.object({ kind: z.literal('notice'), event: statusEvent }),
  ]),
});

export const statusWebhookPayload = z.object({ subscriptionId: z.string().min(1), event: webhookPayload.shape.event });

/** The jobs read the subscription as the system, through the operation that checks it is still active. */
function jobContext(db: Kysely<Database>): Pick<ServiceContext, 'db' | 'actor'> {
  return { db, actor: systemActor('Nivå status notices') };
}

/**
 * Renders and sends a status e-mail in the subscriber's language. The unsubscribe link is signed here, so the
 * outbox never holds a ready-made credential, and it is offered as RFC 8058 one-click headers as well.
 */
export function sendStatusEmail({
  db,
  send,
  publicUrl,
  linkSecret,
}: {
  db: Kysely<Database>;
  send: SendMail;
  publicUrl: string;
  linkSecret: string;
}) {
  return async (job: Job, raw: unknown): Promise<void> => {
    const { subscriptionId, message } = statusEmailPayload.parse(raw);
    const recipient = await findStatusRecipient(jobContext(db), { subscriptionId });
    if (recipient?.kind !== 'email') return;
    const { locale } = recipient;
    if (message.kind === 'confirm') {
      if (recipient.confirmed) return; // confirmed by an earlier mail meanwhile
      await send({ to: [recipient.address], ...confirmationMail(locale, confirmUrl(publicUrl, message.token)) }, job);
      return;
    }
    if (!recipient.confirmed) return;
    const unsubscribe = unsubscribeUrl(publicUrl, linkSecret, recipient.id);
    const mail = statusNoticeMail(locale, message.event, { status: `${publicUrl}/status`, unsubscribe });
    await send(
      {
        to: [recipient.address],
        ...mail,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      },
      job,
    );
  };
}

/**
 * Posts a status CloudEvent to a verified webhook subscription, signed with that subscription's own secret, under the
 * outbound policy (checked again now: what the name resolves to may have changed since the sign-up).
 */
export function deliverStatusWebhook({
  db,
  now,
  outbound,
  timeoutMs = 10_000,
}: {
  db: Kysely<Database>;
  now: () => number;
  outbound: OutboundPolicy;
  timeoutMs?: number;
}) {
  return async (job: Job, raw: unknown): Promise<void> => {
    const { subscriptionId, event } = statusWebhookPayload.parse(raw);
    const recipient = await findStatusRecipient(jobContext(db), { subscriptionId });
    // Notices are queued for verified subscriptions only; this also covers one queued before a change of state.
    if (recipient?.kind !== 'webhook' || recipient.secret === null || !recipient.confirmed) return;
    await postCloudEvent({
      url: recipient.address,
      secret: recipient.secret,
      event,
      now: now(),
      timeoutMs,
      outbound,
      log: outgoingLog(db, job),
    });
  };
}
