import { createRoute, z } from '@hono/zod-openapi';
import { can } from '../../../platform/services/actor.ts';
import { monthMessage, monthPattern } from '../../../platform/domain/month-key.ts';
import { cancelMaintenance } from '../services/cancel-maintenance.ts';
import {
  componentAvailabilityHistory,
  componentAvailabilityHistoryInput,
} from '../services/component-availability-history.ts';
import { computeComponentAvailability } from '../services/compute-component-availability.ts';
import { listMaintenance, listMaintenanceInput } from '../services/list-maintenance.ts';
import { listOutages, listOutagesInput } from '../services/list-outages.ts';
import { planMaintenance, planMaintenanceInput } from '../services/plan-maintenance.ts';
import { publishMaintenance } from '../services/publish-maintenance.ts';
import { recomputeMonth } from '../services/recompute-month.ts';
import { recordOutage, recordOutageInput } from '../services/record-outage.ts';
import { updateOutage, updateOutageInput } from '../services/update-outage.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import {
  AvailabilitySchema,
  MaintenanceSchema,
  OutageSchema,
  presentAvailability,
  presentMaintenance,
  presentOutage,
} from './availability-presenters.ts';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';

/** Operator staff see which case or monitor lies behind an entry; everyone else sees the public part. */
const internal = (ctx: ServiceContext): boolean => can(ctx.actor, 'outage.manage', null);
const readErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
};
// Built from this module's zod, which carries the OpenAPI extension; the operation validates the month again.
const monthSchema = z.string().regex(monthPattern, monthMessage);
const MonthParam = IdParam.extend({
  month: monthSchema.openapi({ param: { name: 'month', in: 'path' }, example: '2026-02' }),
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const availabilityRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/outages',
      tags: ['Availability'],
      summary: 'Outages of platform components, newest first',
      security,
      request: { query: listOutagesInput },
      responses: { 200: json(z.object({ items: z.array(OutageSchema) }), 'Outages'), ...readErrors },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const rows = await listOutages(ctx, c.req.valid('query'));
      return c.json({ items: rows.map((r) => presentOutage(r, internal(ctx))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/outages',
      tags: ['Availability'],
      summary: 'Record an outage (operator only); without `end` it is ongoing',
      security,
      request: body(recordOutageInput),
      responses: { 201: json(OutageSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      return c.json(presentOutage(await recordOutage(ctx, c.req.valid('json')), true), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/outages/{id}',
      tags: ['Availability'],
      summary: 'Correct or end an outage (operator only)',
      description: 'A frozen month keeps its figure until it is recomputed.',
      security,
      request: { params: IdParam, ...body(updateOutageInput.omit({ id: true })) },
      responses: { 200: json(OutageSchema, 'Updated'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentOutage(
          await updateOutage(serviceContext(c), { ...c.req.valid('json'), id: c.req.valid('param').id }),
          true,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/maintenance',
      tags: ['Availability'],
      summary: 'Planned work, earliest first; drafts only for the operator',
      security,
      request: { query: listMaintenanceInput },
      responses: { 200: json(z.object({ items: z.array(MaintenanceSchema) }), 'Planned work'), ...readErrors },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const rows = await listMaintenance(ctx, c.req.valid('query'));
      return c.json({ items: rows.map((r) => presentMaintenance(r, internal(ctx))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/maintenance',
      tags: ['Availability'],
      summary: 'Plan work on a component as a draft (operator only)',
      security,
      request: body(planMaintenanceInput),
      responses: { 201: json(MaintenanceSchema, 'Planned'), ...errorResponses },
    }),
    async (c) => c.json(presentMaintenance(await planMaintenance(serviceContext(c), c.req.valid('json')), true), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/maintenance/{id}/publish',
      tags: ['Availability'],
      summary: 'Publish (announce) planned work; the notice is judged now',
      description:
        'Late notice makes the work downtime and records a deviation, as does work inside protected operating hours.',
      security,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ maintenance: MaintenanceSchema, deviations: z.array(z.string()) }), 'Published'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { row, deviations } = await publishMaintenance(serviceContext(c), { id: c.req.valid('param').id });
      return c.json({ maintenance: presentMaintenance(row, true), deviations }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/maintenance/{id}/cancel',
      tags: ['Availability'],
      summary: 'Cancel planned work (operator only)',
      security,
      request: { params: IdParam },
      responses: { 200: json(MaintenanceSchema, 'Cancelled'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentMaintenance(await cancelMaintenance(serviceContext(c), { id: c.req.valid('param').id }), true),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/components/{id}/availability',
      tags: ['Availability'],
      summary:
        'A component’s availability for a month (Europe/Oslo): up to now while the month is in progress; a frozen month answers with its stored figure',
      security,
      request: { params: IdParam, query: z.object({ month: monthSchema }) },
      responses: { 200: json(AvailabilitySchema, 'The figure'), ...readErrors },
    }),
    async (c) =>
      c.json(
        presentAvailability(
          await computeComponentAvailability(serviceContext(c), {
            componentId: c.req.valid('param').id,
            month: c.req.valid('query').month,
          }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/components/{id}/availability/history',
      tags: ['Availability'],
      summary: 'Monthly figures up to the current month, oldest first',
      security,
      request: { params: IdParam, query: componentAvailabilityHistoryInput.omit({ componentId: true }) },
      responses: { 200: json(z.object({ items: z.array(AvailabilitySchema) }), 'The figures'), ...readErrors },
    }),
    async (c) => {
      const items = await componentAvailabilityHistory(serviceContext(c), {
        ...c.req.valid('query'),
        componentId: c.req.valid('param').id,
      });
      return c.json({ items: items.map(presentAvailability) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/components/{id}/availability/{month}/recompute',
      tags: ['Availability'],
      summary: 'Replace a closed month’s frozen figure with one from today’s data (operator admin; audited)',
      security,
      request: { params: MonthParam },
      responses: {
        200: json(z.object({ before: AvailabilitySchema.nullable(), after: AvailabilitySchema }), 'Recomputed'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, month } = c.req.valid('param');
      const { before, after } = await recomputeMonth(serviceContext(c), { componentId: id, month });
      return c.json(
        { before: before === null ? null : presentAvailability(before), after: presentAvailability(after) },
        200,
      );
    },
  );
