import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database, Job } from '../db/schema.ts';
import { PermanentJobError } from '../jobs/runner.ts';
import { outboundRequest, type OutboundResponse } from '../net/outbound-request.ts';
import { OutboundRefusedError, type OutboundPolicy } from '../net/outbound-url.ts';
import { outgoingLog, type OutgoingEntry, type OutgoingLog } from '../outgoing/record-outgoing-message.ts';

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

/** The URL without its query string, which receivers sometimes use for their own access key. */
function shown(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Why an answer counts as a failure, or null for a 2xx. */
function refusalOf(url: string, response: OutboundResponse): string | null {
  if (response.status >= 300 && response.status < 400)
    return `webhook ${shown(url)} answered ${response.status}, a redirect${
      response.headers.location ? ` to ${response.headers.location}` : ''
    }; redirects are not followed`;
  if (response.status < 200 || response.status >= 300) return `webhook ${shown(url)} answered ${response.status}`;
  return null;
}

/**
 * Posts one signed CloudEvent under the outbound policy and returns the answer (its body only up to
 * `maxResponseBytes`). Rejects on any answer but 2xx, so the job is retried; a redirect is such an answer, since
 * where it points was never checked. A target the policy refuses dead-letters the job at once: retrying would be
 * refused the same way. Every attempt, with its answer or error, goes to the outgoing-message log. Shared by every
 * webhook kind.
 */
export async function postCloudEvent({
  url,
  secret,
  event,
  now,
  timeoutMs,
  outbound,
  maxResponseBytes = 1_024,
  log,
}: {
  url: string;
  secret: string;
  event: unknown;
  now: number;
  timeoutMs: number;
  outbound: OutboundPolicy;
  maxResponseBytes?: number;
  log: OutgoingLog;
}): Promise<OutboundResponse> {
  const body = JSON.stringify(event);
  const headers = {
    'content-type': 'application/cloudevents+json',
    'niva-signature': webhookSignature(secret, body, Math.floor(now / 1000)),
  };
  const type = typeof event === 'object' && event !== null && 'type' in event ? String(event.type) : null;
  // The call has been made whatever the log does: a log that cannot be written must not make the job send it again.
  const record = (outcome: Omit<OutgoingEntry, 'kind' | 'to' | 'subject' | 'body' | 'headers' | 'at'>) =>
    log.record({ kind: 'webhook', to: url, subject: type, body, headers, at: now, ...outcome }).catch(() => undefined);
  let response: OutboundResponse;
  try {
    response = await outboundRequest(outbound, url, { method: 'POST', headers, body, timeoutMs, maxResponseBytes });
  } catch (error) {
    if (error instanceof OutboundRefusedError) {
      const reason = `webhook ${shown(url)} refused: ${error.detail}`;
      await record({ outcome: 'refused', error: reason });
      throw new PermanentJobError(reason);
    }
    await record({ outcome: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  const refusal = refusalOf(url, response);
  await record({
    outcome: refusal === null ? 'delivered' : 'failed',
    responseStatus: response.status,
    responseBody: response.body,
    error: refusal,
  });
  if (refusal !== null) throw new Error(refusal);
  return response;
}

export function deliverWebhook({
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
    const { endpointId, event } = webhookPayload.parse(raw);
    const endpoint = await db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', endpointId)
      .executeTakeFirst();
    if (!endpoint || endpoint.disabled_at !== null) return; // removed or disabled since: nothing to deliver
    await postCloudEvent({
      url: endpoint.url,
      secret: endpoint.secret,
      event,
      now: now(),
      timeoutMs,
      outbound,
      log: outgoingLog(db, job),
    });
  };
}
