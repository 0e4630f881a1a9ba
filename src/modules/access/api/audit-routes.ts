import { createRoute, z } from '@hono/zod-openapi';
import { listAuditEvents } from '../../../platform/audit/list-audit-events.ts';
import { verifyAuditChain } from '../../../platform/audit/verify-audit-chain.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { retryDeadJob } from '../../../platform/jobs/retry-dead-job.ts';
import { jobCounts, listJobs } from '../../../platform/jobs/list-jobs.ts';
import {
  errorResponses,
  IdParam,
  json,
  apiRouter,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';
import { AuditEventSchema, JobSchema, presentAuditEvent, presentJob } from './presenters.ts';

export const auditRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/audit-events',
      tags: ['Audit'],
      summary: 'Audit events, newest first; page with `beforeSeq`',
      security,
      request: {
        query: z.object({
          organisationId: z.string().optional(),
          action: z.string().max(100).optional(),
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(AuditEventSchema) }), 'Events'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const items = await listAuditEvents(serviceContext(c), {
        ...(q.organisationId ? { organisationId: q.organisationId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(q.beforeSeq !== undefined ? { beforeSeq: q.beforeSeq } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
      });
      return c.json({ items: items.map(presentAuditEvent) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/audit-events/verify',
      tags: ['Audit'],
      summary: 'Verify the whole hash chain (platform auditors and admins)',
      security,
      responses: {
        200: json(
          z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            fault: z.object({ kind: z.string(), seq: z.number().int() }).nullable(),
          }),
          'Result',
        ),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      authorize(ctx.actor, 'audit.verify');
      return c.json(await verifyAuditChain({ db: ctx.db }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/jobs',
      tags: ['Jobs'],
      summary: 'Outbox and background jobs (operator)',
      security,
      request: { query: z.object({ status: z.enum(['pending', 'running', 'succeeded', 'dead']).optional() }) },
      responses: {
        200: json(z.object({ counts: z.record(z.string(), z.number().int()), items: z.array(JobSchema) }), 'Jobs'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const { status } = c.req.valid('query');
      const [counts, items] = await Promise.all([jobCounts(ctx), listJobs(ctx, status ? { status } : {})]);
      return c.json({ counts, items: items.map(presentJob) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/jobs/{id}/retry',
      tags: ['Jobs'],
      summary: 'Queue a dead-lettered job again',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Queued' }, ...errorResponses },
    }),
    async (c) => {
      await retryDeadJob(serviceContext(c), { jobId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
