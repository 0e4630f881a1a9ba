import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/services/app-error.ts';
import { ingestUsageEvents, type IngestItem, type IngestResult } from '../services/ingest-usage-events.ts';
import { apiRouter, errorResponses, json, security, serviceContext } from '../../../platform/http/route-kit.ts';

const EventSchema = z.any().openapi('CloudEvent', {
  description:
    'A CloudEvents 1.0 event in structured mode: an Altinn event type mapped to a metric (one unit, service from `resource`), or `no.niva.usage` with `data: {metric, owner, service, count}`',
  example: {
    specversion: '1.0',
    id: '3f1c…',
    source: 'https://platform.altinn.no/authorization',
    type: 'no.niva.usage',
    time: '2026-02-03T10:15:00Z',
    data: { metric: 'authorizations', owner: 'skd', service: null, count: 1520331 },
  },
});

const BatchSchema = z.any().openapi('CloudEventBatch', {
  description: 'A JSON array of structured CloudEvents (for application/json also a single event)',
});

const IngestResultSchema = z
  .object({
    accepted: z.number().int().openapi({ description: 'Events counted by this request' }),
    duplicates: z.number().int().openapi({
      description: 'Events already counted earlier (or twice in this request): acknowledged, not counted again',
    }),
    rejected: z.array(
      z.object({ index: z.number().int(), id: z.string().nullable(), field: z.string(), reason: z.string() }),
    ),
  })
  .openapi('IngestResult');

const ndjsonTypes = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl']);

/** One item per non-empty line; a line that is not JSON is rejected on its own, like any other bad event. */
function ndjsonItems(text: string): IngestItem[] {
  const items: IngestItem[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      items.push({ value: JSON.parse(line) as unknown });
    } catch {
      items.push({ unparsable: 'the line is not valid JSON' });
    }
  }
  return items;
}

function jsonItems(mediaType: string, body: unknown): IngestItem[] {
  if (mediaType === 'application/cloudevents-batch+json') {
    if (!Array.isArray(body)) throw AppError.field('(body)', 'a batch must be a JSON array of events');
    return body.map((value: unknown) => ({ value }));
  }
  if (mediaType === 'application/cloudevents+json') {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw AppError.field(
        '(body)',
        'a structured event must be one JSON object; send arrays as application/cloudevents-batch+json',
      );
    return [{ value: body }];
  }
  // Plain JSON: one event or an array of them.
  return Array.isArray(body) ? body.map((value: unknown) => ({ value })) : [{ value: body }];
}

/** 200 when anything in the request was counted or already known; a request whose every event is refused gets 400. */
function refusedWhole(result: IngestResult, total: number, single: boolean): AppError | null {
  if (total === 0) return AppError.field('(body)', 'no events in the request');
  if (result.accepted > 0 || result.duplicates > 0) return null;
  const fields = result.rejected
    .slice(0, 100)
    .map((r) => ({ field: single ? r.field : `[${r.index}].${r.field}`, message: r.reason }));
  const first = fields[0];
  return new AppError('validation', first ? `${first.field}: ${first.message}` : 'no event could be counted', {
    fields,
  });
}

export const usageEventRoutes = apiRouter().openapi(
  createRoute({
    method: 'post',
    path: '/events',
    tags: ['Usage'],
    summary:
      'Send usage events (CloudEvents 1.0): one structured event, a batch, or NDJSON; each is counted exactly once',
    description:
      'A 2xx answer means the counted events are committed. Events are identified by (source, id): a retry is acknowledged as a duplicate and not counted again within the dedupe window. Events that cannot be counted are listed in `rejected` with their index and reason; the rest of the request is kept. When no event of the request can be counted the answer is 400 naming each problem.',
    security,
    request: {
      body: {
        content: {
          // Every JSON media type is checked against each JSON schema declared here, so they all accept anything and
          // the shape is checked per event below (a bad event must not refuse the whole batch).
          'application/cloudevents+json': { schema: EventSchema },
          'application/cloudevents-batch+json': { schema: BatchSchema },
          'application/json': { schema: BatchSchema },
          'application/x-ndjson': { schema: z.string().openapi({ description: 'One structured event per line' }) },
        },
      },
    },
    responses: {
      200: json(IngestResultSchema, 'What was counted, what was already known, and what was refused'),
      400: errorResponses[400],
      401: errorResponses[401],
      403: errorResponses[403],
      413: { description: 'The body is larger than 5 MiB' },
      415: { description: 'Not a CloudEvents, JSON or NDJSON body' },
    },
  }),
  async (c) => {
    const ctx = serviceContext(c);
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const ndjson = ndjsonTypes.has(mediaType);
    const body: unknown = ndjson ? null : c.req.valid('json');
    const items = ndjson ? ndjsonItems(await c.req.text()) : jsonItems(mediaType, body);
    const result = await ingestUsageEvents(ctx, { items, settings: c.var.deps.usage });
    // A lone event's problems name its fields; a batch's name the position too.
    const refusal = refusedWhole(result, items.length, !ndjson && !Array.isArray(body));
    if (refusal) throw refusal;
    return c.json(result, 200);
  },
);
