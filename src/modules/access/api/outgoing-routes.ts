import { createRoute, z } from '@hono/zod-openapi';
import { getOutgoingMessage } from '../../../platform/outgoing/get-outgoing-message.ts';
import {
  formatOutgoingCursor,
  listOutgoingMessages,
  parseOutgoingCursor,
} from '../../../platform/outgoing/list-outgoing-messages.ts';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';
import {
  OutgoingMessageSchema,
  OutgoingMessageSummarySchema,
  presentOutgoingMessage,
  presentOutgoingSummary,
} from './outgoing-presenters.ts';

export const outgoingRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/outgoing-messages',
      tags: ['Jobs'],
      summary: 'Outgoing e-mails and webhook calls, newest first; page with `before` (operator)',
      security,
      request: {
        query: z.object({
          kind: z.enum(['email', 'webhook']).optional(),
          before: z
            .string()
            .regex(/^\d{1,15}\.[A-Za-z0-9-]{1,64}$/, 'the `next` of the previous page')
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(OutgoingMessageSummarySchema), next: z.string().nullable() }),
          'Outgoing messages',
        ),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listOutgoingMessages(serviceContext(c), {
        ...(q.kind ? { kind: q.kind } : {}),
        before: parseOutgoingCursor(q.before),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
      });
      return c.json(
        { items: page.items.map(presentOutgoingSummary), next: page.next ? formatOutgoingCursor(page.next) : null },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/outgoing-messages/{id}',
      tags: ['Jobs'],
      summary: 'One outgoing e-mail or webhook call with its bodies (operator)',
      security,
      request: { params: IdParam },
      responses: {
        200: json(OutgoingMessageSchema, 'Outgoing message'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const message = await getOutgoingMessage(serviceContext(c), { id: c.req.valid('param').id });
      return c.json(presentOutgoingMessage(message), 200);
    },
  );
