import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database, Job } from '../../../platform/db/schema.ts';
import type { Clock } from '../../../platform/domain/clock.ts';
import { iso } from '../../../platform/http/presenting.ts';
import { PermanentJobError } from '../../../platform/jobs/runner.ts';
import type { OutboundPolicy } from '../../../platform/net/outbound-url.ts';
import { systemActor } from '../../../platform/services/actor.ts';
import { outgoingLog } from '../../../platform/outgoing/record-outgoing-message.ts';
import { postCloudEvent } from '../../../platform/webhooks/deliver-webhook.ts';
import { activateStatusWebhook } from '../services/activate-status-webhook.ts';
import { findStatusRecipient } from '../services/find-status-recipient.ts';
import { webhookVerificationWindowMs } from '../services/status-subscriptions.ts';

export const statusWebhookVerifyPayload = z.object({
  subscriptionId: z.string().min(1),
  challenge: z.string().min(20),
});

export const statusWebhookVerifyType = 'no.niva.status.subscription.verify';

/** An answer echoes the challenge as the whole body, or as `challenge` of a JSON object. */
export function echoesChallenge(body: string, challenge: string): boolean {
  const text = body.trim();
  if (text === challenge) return true;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && 'challenge' in parsed && parsed.challenge === challenge;
  } catch {
    return false;
  }
}

/**
 * Posts the verification CloudEvent (`no.niva.status.subscription.verify`, data `{ challenge }`, signed like every
 * notice) to a pending status webhook, and activates it when the endpoint answers 2xx echoing the challenge. Any other
 * answer fails the attempt, so the job is retried with backoff; past the verification window it stops for good.
 */
export function verifyStatusWebhook({
  db,
  clock,
  outbound,
  timeoutMs = 10_000,
}: {
  db: Kysely<Database>;
  clock: Clock;
  outbound: OutboundPolicy;
  timeoutMs?: number;
}) {
  const ctx = { db, clock, actor: systemActor('Nivå status webhook verification') };
  return async (job: Job, raw: unknown): Promise<void> => {
    const { subscriptionId, challenge } = statusWebhookVerifyPayload.parse(raw);
    const recipient = await findStatusRecipient(ctx, { subscriptionId });
    if (recipient?.kind !== 'webhook' || recipient.secret === null || recipient.confirmed) return;
    const now = clock.now();
    if (now >= recipient.createdAt + webhookVerificationWindowMs)
      throw new PermanentJobError('the status webhook was not verified within its window');
    const event = {
      specversion: '1.0',
      id: `${subscriptionId}:verify`,
      source: 'urn:niva:status',
      type: statusWebhookVerifyType,
      time: iso(now),
      datacontenttype: 'application/json',
      data: { challenge },
    };
    const response = await postCloudEvent({
      url: recipient.address,
      secret: recipient.secret,
      event,
      now,
      timeoutMs,
      outbound,
      maxResponseBytes: 4_096,
      log: outgoingLog(db, job),
    });
    if (!echoesChallenge(response.body, challenge))
      throw new Error('the endpoint answered without echoing the challenge');
    if (!(await activateStatusWebhook(ctx, { subscriptionId, challenge })))
      throw new PermanentJobError('the status webhook could not be activated: ended or past its window meanwhile');
  };
}
