import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newId } from '../../src/platform/services/context.ts';
import type { Store } from '../../src/platform/db/database.ts';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered with. */
  status: number;
}

export interface WebhookReceiver {
  url: string;
  deliveries: ReceivedDelivery[];
  /** The status to answer the next requests with (200 until changed). */
  respondWith(status: number): void;
  close(): Promise<void>;
}

/** The challenge of a status webhook's verification request, or null for any other request. */
function challengeOf(body: string): string | null {
  try {
    const event = JSON.parse(body) as { type?: unknown; data?: { challenge?: unknown } };
    const challenge = event.data?.challenge;
    return event.type === 'no.niva.status.subscription.verify' && typeof challenge === 'string' ? challenge : null;
  } catch {
    return null;
  }
}

/**
 * A real HTTP server on 127.0.0.1 (random port) that records every POST it receives.
 * With `hold`, a request is recorded on arrival but answered only once `hold` has settled. With `echoChallenges`,
 * a status webhook's verification request is answered `{"challenge": …}`, as an endpoint that wants the notices does.
 */
export async function startWebhookReceiver(
  options: { hold?: Promise<unknown>; echoChallenges?: boolean } = {},
): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const delivery = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status };
      deliveries.push(delivery);
      const challenge = options.echoChallenges ? challengeOf(delivery.body) : null;
      const answer = () =>
        void (challenge !== null && delivery.status < 300
          ? res.writeHead(delivery.status, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge }))
          : res
              .writeHead(delivery.status, { 'content-type': 'text/plain' })
              .end(delivery.status < 300 ? 'ok' : 'failed'));
      if (options.hold) void options.hold.then(answer, answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/niva`,
    deliveries,
    respondWith(next: number) {
      status = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Registers a webhook endpoint for an organisation directly in the database; returns its id and signing secret. */
export async function createWebhookEndpoint(
  store: Store,
  organisationId: string,
  url: string,
  createdAt: number,
): Promise<{ id: string; secret: string }> {
  const endpoint = { id: newId(), secret: randomBytes(24).toString('hex') };
  await store.db
    .insertInto('webhook_endpoints')
    .values({
      id: endpoint.id,
      organisation_id: organisationId,
      url,
      secret: endpoint.secret,
      event_types: '*',
      created_at: createdAt,
      disabled_at: null,
    })
    .execute();
  return endpoint;
}

/** A CloudEvents 1.0 event as the deliver-webhook payload expects it. */
export function cloudEvent(
  id: string,
  data: Record<string, unknown> = {},
): { specversion: '1.0'; id: string; source: string; type: string; time: string; data: Record<string, unknown> } {
  return {
    specversion: '1.0',
    id,
    source: '/niva/test',
    type: 'no.niva.test.event',
    time: '2026-03-02T09:00:00Z',
    data,
  };
}
