import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter, errorResponses, json, security, serviceContext } from '../../../platform/http/route-kit.ts';
import { getStatement, listStatements } from '../services/billing-statements.ts';
import { ownerBillingOverview } from '../services/owner-billing-overview.ts';
import { verifyStatement } from '../services/verify-statement.ts';
import {
  OverviewSchema,
  StatementSchema,
  StatementSummarySchema,
  VerificationSchema,
  presentOverview,
  presentStatement,
  presentStatementSummary,
  presentVerification,
} from './billing-presenters.ts';

export const NumberParam = z.object({
  number: z
    .string()
    .max(20)
    .openapi({ param: { name: 'number', in: 'path' }, example: '2026-00001' }),
});

const CodeParam = z.object({
  code: z
    .string()
    .max(63)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'skd' }),
});

const optionalYear = z
  .string()
  .regex(/^\d{4}$/, 'a year, YYYY')
  .transform(Number)
  .optional();

export const billingStatementRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/statements',
      tags: ['Billing'],
      summary: 'Statements the caller may read (an owner its own), newest first',
      security,
      request: { query: z.object({ year: optionalYear, owner: z.string().max(63).optional() }) },
      responses: { 200: json(z.object({ items: z.array(StatementSummarySchema) }), 'Statements'), ...errorResponses },
    }),
    async (c) => {
      const { year, owner } = c.req.valid('query');
      const items = await listStatements(serviceContext(c), {
        ...(year === undefined ? {} : { year }),
        ...(owner === undefined ? {} : { owner }),
      });
      return c.json({ items: items.map(presentStatementSummary) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/statements/{number}',
      tags: ['Billing'],
      summary: 'A statement with its lines and what it was rated from',
      security,
      request: { params: NumberParam },
      responses: { 200: json(StatementSchema, 'The statement'), ...errorResponses },
    }),
    async (c) => c.json(presentStatement(await getStatement(serviceContext(c), c.req.valid('param').number)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/statements/{number}/verification',
      tags: ['Billing'],
      summary: 'Rate a statement again from its stored snapshot and show that it matches',
      security,
      request: { params: NumberParam },
      responses: { 200: json(VerificationSchema, 'The verification'), ...errorResponses },
    }),
    async (c) =>
      c.json(presentVerification(await verifyStatement(serviceContext(c), c.req.valid('param').number)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/owners/{code}/overview',
      tags: ['Billing'],
      summary: "An owner's weighted transactions per product and month, size category, forecast and statements",
      security,
      request: {
        params: CodeParam,
        query: z.object({
          year: z
            .string()
            .regex(/^\d{4}$/, 'a year, YYYY')
            .transform(Number),
        }),
      },
      responses: { 200: json(OverviewSchema, 'The overview'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentOverview(
          await ownerBillingOverview(serviceContext(c), {
            owner: c.req.valid('param').code,
            year: c.req.valid('query').year,
          }),
        ),
        200,
      ),
  );
