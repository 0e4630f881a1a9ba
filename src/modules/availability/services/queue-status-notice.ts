import { z } from 'zod';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.ts';
import { iso, isoOrNull } from '../../../platform/http/presenting.ts';
import { statusEmailJob, statusWebhookJob } from './status-subscriptions.ts';

export const statusEventTypes = ['maintenance-published', 'outage-started', 'outage-ended'] as const;
export type StatusEventType = (typeof statusEventTypes)[number];

/** What subscribers are told: only fields that are on the public status page as well. */
export const statusEvent = z.object({
  type: z.enum(statusEventTypes),
  /** The maintenance window or outage. */
  subjectId: z.string().min(1),
  component: z.object({ code: z.string(), name: z.string() }),
  title: z.string().nullable(),
  publicText: z.string(),
  severity: z.string().nullable(),
  start: z.number(),
  end: z.number().nullable(),
});
export type StatusEvent = z.infer<typeof statusEvent>;

export async function componentFacts(trx: Tx, componentId: string): Promise<StatusEvent['component']> {
  const row = await trx
    .selectFrom('components')
    .select(['code', 'name'])
    .where('id', '=', componentId)
    .executeTakeFirst();
  return row ?? { code: componentId, name: componentId };
}

function cloudEvent(ctx: ServiceContext, event: StatusEvent) {
  return {
    specversion: '1.0' as const,
    // Deterministic, so a receiver can drop a redelivery; an end moved later is news and gets its own id.
    id: `${event.subjectId}:${event.type}${event.type === 'outage-ended' ? `:${event.end ?? ''}` : ''}`,
    source: 'urn:niva:status',
    type: `no.niva.status.${event.type}`,
    subject: event.component.code,
    time: iso(ctx.clock.now()),
    datacontenttype: 'application/json',
    data: {
      id: event.subjectId,
      component: event.component,
      title: event.title,
      text: event.publicText,
      severity: event.severity,
      start: iso(event.start),
      end: isoOrNull(event.end),
    },
  };
}

/**
 * Queues the announcement to every confirmed, active subscriber in the caller's transaction, so subscribers hear of
 * exactly what was committed. E-mails are rendered when sent, in the subscriber's language and with a freshly
 * signed unsubscribe link; both jobs check the subscription again then, so leaving takes effect at once.
 */
export async function queueStatusNotice(trx: Tx, ctx: ServiceContext, event: StatusEvent): Promise<number> {
  const subscribers = await trx
    .selectFrom('status_subscriptions')
    .select(['id', 'kind'])
    .where('confirmed_at', 'is not', null)
    .where('unsubscribed_at', 'is', null)
    .execute();
  const webhookEvent = cloudEvent(ctx, event);
  for (const s of subscribers) {
    if (s.kind === 'email')
      await enqueueJob(trx, ctx, {
        kind: statusEmailJob,
        payload: { subscriptionId: s.id, message: { kind: 'notice', event } },
      });
    else await enqueueJob(trx, ctx, { kind: statusWebhookJob, payload: { subscriptionId: s.id, event: webhookEvent } });
  }
  return subscribers.length;
}
