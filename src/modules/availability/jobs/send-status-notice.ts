import { z } from 'zod';
import type { Kysely } from 'kysely';
import { isLocale } from '../../../platform/i18n/messages.ts';
import { statusEvent } from '../services/queue-status-notice.ts';
import { confirmationMail, statusNoticeMail } from '../services/status-mail-texts.ts';
import { confirmUrl, unsubscribeUrl } from '../services/subscription-links.ts';
import type { Database, Job, StatusSubscriptionRow } from '../../../platform/db/schema.ts';
import { postCloudEvent, webhookPayload } from '../../../platform/webhooks/deliver-webhook.ts';
import type { SendMail } from '../../../platform/mail/mail-transport.ts';

export const statusEmailPayload = z.object({
  subscriptionId: z.string().min(1),
  message: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('confirm'), token: z.string().min(1) }),
    z.object({ kind: z.literal('notice'), event: statusEvent }),
  ]),
});

export const statusWebhookPayload = z.object({ subscriptionId: z.string().min(1), event: webhookPayload.shape.event });

// Checked when sending, not only when queueing: an unsubscribe between the two must stop the message.
async function activeSubscription(db: Kysely<Database>, id: string): Promise<StatusSubscriptionRow | undefined> {
  const row = await db.selectFrom('status_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && row.unsubscribed_at === null ? row : undefined;
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
  return async (_job: Job, raw: unknown): Promise<void> => {
    const { subscriptionId, message } = statusEmailPayload.parse(raw);
    const row = await activeSubscription(db, subscriptionId);
    if (row?.kind !== 'email') return;
    const locale = isLocale(row.locale) ? row.locale : 'nb';
    if (message.kind === 'confirm') {
      if (row.confirmed_at !== null) return; // confirmed by an earlier mail meanwhile
      await send({ to: [row.address], ...confirmationMail(locale, confirmUrl(publicUrl, message.token)) });
      return;
    }
    if (row.confirmed_at === null) return;
    const unsubscribe = unsubscribeUrl(publicUrl, linkSecret, row.id);
    const mail = statusNoticeMail(locale, message.event, { status: `${publicUrl}/status`, unsubscribe });
    await send({
      to: [row.address],
      ...mail,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  };
}

/** Posts a status CloudEvent to a webhook subscription, signed with that subscription's own secret. */
export function deliverStatusWebhook({
  db,
  now,
  timeoutMs = 10_000,
}: {
  db: Kysely<Database>;
  now: () => number;
  timeoutMs?: number;
}) {
  return async (_job: Job, raw: unknown): Promise<void> => {
    const { subscriptionId, event } = statusWebhookPayload.parse(raw);
    const row = await activeSubscription(db, subscriptionId);
    if (row?.kind !== 'webhook' || row.secret === null) return;
    await postCloudEvent({ url: row.address, secret: row.secret, event, now: now(), timeoutMs });
  };
}
