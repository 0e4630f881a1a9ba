import { createRoute, z } from '@hono/zod-openapi';
import { acceptQuarantinedMail, acceptQuarantinedMailInput } from '../services/accept-quarantined-mail.ts';
import { discardQuarantinedMail } from '../services/discard-quarantined-mail.ts';
import { getQuarantinedMail, type QuarantinedMailDetail } from '../services/get-quarantined-mail.ts';
import { listQuarantine, listQuarantineInput, type QuarantinedMail } from '../services/list-quarantine.ts';
import { iso, isoOrNull } from '../../../platform/http/presenting.ts';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';

export const QuarantinedMailSchema = z
  .object({
    id: z.string(),
    messageId: z.string().nullable(),
    fromAddress: z.string(),
    fromName: z.string().nullable(),
    subject: z.string(),
    textBody: z.string(),
    reason: z
      .string()
      .openapi({ description: 'unknown-sender, ambiguous (the sender speaks for several owners) or auto-reply' }),
    sizeBytes: z.number().int(),
    receivedAt: z.string(),
    status: z.enum(['pending', 'accepted', 'discarded']),
    caseId: z.string().nullable(),
    handledBy: z.string().nullable(),
    handledAt: z.string().nullable(),
  })
  .openapi('QuarantinedMail');

const QuarantinedMailDetailSchema = QuarantinedMailSchema.extend({
  attachments: z.array(z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
}).openapi('QuarantinedMailDetail');

/** The message as the service desk reads it; the raw bytes never leave the database. */
export function presentQuarantinedMail(m: QuarantinedMail): z.infer<typeof QuarantinedMailSchema> {
  return {
    id: m.id,
    messageId: m.message_id,
    fromAddress: m.from_address,
    fromName: m.from_name,
    subject: m.subject,
    textBody: m.text_body,
    reason: m.reason,
    sizeBytes: m.size_bytes,
    receivedAt: iso(m.received_at),
    status: m.status,
    caseId: m.case_id,
    handledBy: m.handled_by,
    handledAt: isoOrNull(m.handled_at),
  };
}

function presentDetail(m: QuarantinedMailDetail): z.infer<typeof QuarantinedMailDetailSchema> {
  return { ...presentQuarantinedMail(m), attachments: m.attachments };
}

const AcceptBody = acceptQuarantinedMailInput.omit({ id: true });

export const mailRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/mail-quarantine',
      tags: ['Mail intake'],
      summary: 'Received e-mail that did not become case work by itself (service desk)',
      security,
      request: { query: listQuarantineInput },
      responses: {
        200: json(z.object({ items: z.array(QuarantinedMailSchema) }), 'Quarantined messages, newest first'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const items = await listQuarantine(serviceContext(c), c.req.valid('query'));
      return c.json({ items: items.map(presentQuarantinedMail) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/mail-quarantine/{id}',
      tags: ['Mail intake'],
      summary: 'One quarantined message with the names and sizes of its files',
      security,
      request: { params: IdParam },
      responses: {
        200: json(QuarantinedMailDetailSchema, 'The message'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(presentDetail(await getQuarantinedMail(serviceContext(c), { id: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/mail-quarantine/{id}/accept',
      tags: ['Mail intake'],
      summary: 'Register the message as a case of the chosen service owner, with its files',
      security,
      request: { params: IdParam, body: { content: { 'application/json': { schema: AcceptBody } }, required: true } },
      responses: {
        201: json(
          z.object({ quarantineId: z.string(), caseId: z.string(), reference: z.string() }),
          'The case was registered',
        ),
        413: { description: 'A file is larger than 10 MiB' },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await acceptQuarantinedMail(serviceContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') }),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/mail-quarantine/{id}/discard',
      tags: ['Mail intake'],
      summary: 'Set the message aside without a case',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Discarded' }, ...errorResponses },
    }),
    async (c) => {
      await discardQuarantinedMail(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
