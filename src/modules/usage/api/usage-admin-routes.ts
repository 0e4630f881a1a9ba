import { createRoute, z } from '@hono/zod-openapi';
import { adjustUsage, type UsageAdjustment } from '../services/adjust-usage.ts';
import { closeUsageMonth, listClosedUsageMonths } from '../services/usage-month-closing.ts';
import { iso } from '../../../platform/http/presenting.ts';
import { apiRouter, errorResponses, json, security, serviceContext } from '../../../platform/http/route-kit.ts';

const AdjustmentSchema = z
  .object({
    id: z.string(),
    metric: z.string(),
    month: z.string(),
    owner: z.string().nullable(),
    service: z.string().nullable(),
    delta: z.number().int(),
    reason: z.string(),
    figureBefore: z.number().int(),
    figureAfter: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('UsageAdjustment');

const ClosedMonthSchema = z
  .object({ month: z.string(), closedAt: z.string(), closedBy: z.string().nullable() })
  .openapi('UsageClosedMonth');

function presentAdjustment(a: UsageAdjustment): z.infer<typeof AdjustmentSchema> {
  return {
    id: a.id,
    metric: a.metric,
    month: a.month,
    owner: a.ownerCode,
    service: a.serviceResourceId,
    delta: a.delta,
    reason: a.reason,
    figureBefore: a.figureBefore,
    figureAfter: a.figureAfter,
    createdAt: iso(a.createdAt),
  };
}

const MonthParam = z.object({
  month: z.string().openapi({ param: { name: 'month', in: 'path' }, example: '2026-02' }),
});

export const usageAdminRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/usage/adjustments',
      tags: ['Usage'],
      summary: "Correct a month's figure by a signed amount, with the reason (operator admin; audited)",
      security,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                metric: z.string(),
                month: z.string().openapi({ example: '2026-02' }),
                owner: z
                  .string()
                  .optional()
                  .openapi({ description: 'Organisation code; without it the platform-wide figure' }),
                service: z.string().optional().openapi({ description: "Resource id of one of the owner's services" }),
                delta: z.number().int(),
                reason: z.string(),
              }),
            },
          },
        },
      },
      responses: {
        201: json(AdjustmentSchema, 'The adjustment, with the figure before and after'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const adjustment = await adjustUsage(serviceContext(c), c.req.valid('json'), c.var.deps.usage.catalogue);
      return c.json(presentAdjustment(adjustment), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/usage/months/closed',
      tags: ['Usage'],
      summary: 'Months whose usage is closed: they change only through adjustments',
      security,
      responses: {
        200: json(z.object({ items: z.array(ClosedMonthSchema) }), 'Closed months, newest first'),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const items = await listClosedUsageMonths(serviceContext(c));
      return c.json(
        { items: items.map((m) => ({ month: m.month, closedAt: iso(m.closedAt), closedBy: m.closedBy })) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/usage/months/{month}/close',
      tags: ['Usage'],
      summary: 'Close a month of usage now rather than after the grace period (operator admin; audited)',
      security,
      request: { params: MonthParam },
      responses: {
        200: json(ClosedMonthSchema.extend({ alreadyClosed: z.boolean() }), 'The month is closed'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const closed = await closeUsageMonth(serviceContext(c), { month: c.req.valid('param').month });
      return c.json(
        {
          month: closed.month,
          closedAt: iso(closed.closedAt),
          closedBy: closed.closedBy,
          alreadyClosed: closed.alreadyClosed,
        },
        200,
      );
    },
  );
