import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database, Job } from '../db/schema.ts';

export const webhookPayload = z.object({
  endpointId: z.string(),
  /** A CloudEvents 1.0 event in structured mode. */
  event: z
    .object({ specversion: z.literal('1.0'), id: z.string(), source: z.string(), type: z.string() })
    .passthrough(),
});

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: receivers check freshness and integrity. */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Posts one signed CloudEvent; rejects on any non-2xx answer, so the job is retried. Shared by every webhook kind. */
export async function postCloudEvent({
  url,
  secret,
  event,
  now,
  timeoutMs,
}: {
  url: string;
  secret: string;
  event: unknown;
  now: number;
  timeoutMs: number;
}): Promise<void> {
  const body = JSON.stringify(event);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/cloudevents+json',
      'niva-signature': webhookSignature(secret, body, Math.floor(now / 1000)),
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`webhook ${url} answered ${response.status}`);
}

export function deliverWebhook({
  db,
  now,
  timeoutMs = 10_000,
}: {
  db: Kysely<Database>;
  now: () => number;
  timeoutMs?: number;
}) {
  return async (_job: Job, raw: unknown): Promise<void> => {
    const { endpointId, event } = webhookPayload.parse(raw);
    const endpoint = await db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', endpointId)
      .executeTakeFirst();
    if (!endpoint || endpoint.disabled_at !== null) return; // removed or disabled since: nothing to deliver
    await postCloudEvent({ url: endpoint.url, secret: endpoint.secret, event, now: now(), timeoutMs });
  };
}
