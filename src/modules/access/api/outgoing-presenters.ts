import { z } from '@hono/zod-openapi';
import type { OutgoingMessage } from '../../../platform/db/schema.ts';
import { iso } from '../../../platform/http/presenting.ts';
import type { OutgoingMessageSummary } from '../../../platform/outgoing/list-outgoing-messages.ts';

const outcomes = ['kept', 'delivered', 'failed', 'refused'] as const;

export const OutgoingMessageSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(['email', 'webhook']),
    to: z
      .string()
      .openapi({ description: 'The recipients of an e-mail, or the URL of a webhook (query values hidden)' }),
    subject: z.string().nullable().openapi({ description: "An e-mail's subject, or a webhook's CloudEvent type" }),
    outcome: z.enum(outcomes).openapi({ description: 'kept: an e-mail held back by the development transport' }),
    responseStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    jobId: z.string().nullable(),
    jobKind: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('OutgoingMessageSummary');

export const OutgoingMessageSchema = OutgoingMessageSummarySchema.extend({
  body: z.string().nullable().openapi({ description: "An e-mail's text, or the request body" }),
  html: z.string().nullable(),
  headers: z.record(z.string(), z.string()).openapi({ description: 'Header fields worth showing, secrets hidden' }),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() })),
  responseBody: z.string().nullable(),
}).openapi('OutgoingMessage');

export function presentOutgoingSummary(m: OutgoingMessageSummary): z.infer<typeof OutgoingMessageSummarySchema> {
  return {
    id: m.id,
    kind: m.kind,
    to: m.target,
    subject: m.subject,
    outcome: m.outcome,
    responseStatus: m.response_status,
    error: m.error,
    jobId: m.job_id,
    jobKind: m.job_kind,
    createdAt: iso(m.created_at),
  };
}

export function presentOutgoingMessage(m: OutgoingMessage): z.infer<typeof OutgoingMessageSchema> {
  return {
    ...presentOutgoingSummary(m),
    body: m.body,
    html: m.html,
    headers: JSON.parse(m.headers) as Record<string, string>,
    attachments: JSON.parse(m.attachments) as { filename: string; contentType: string; size: number }[],
    responseBody: m.response_body,
  };
}
