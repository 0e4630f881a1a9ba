import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter, errorResponses, json, security, serviceContext } from '../../../platform/http/route-kit.ts';
import { billingSummary } from '../services/billing-summary.ts';
import { compareFinancingScenarios } from '../services/financing-scenarios.ts';
import { runBilling } from '../services/run-billing.ts';
import { parseGrowth } from '../services/growth-text.ts';
import {
  ComparisonSchema,
  RunResultSchema,
  SummarySchema,
  presentComparison,
  presentRun,
  presentSummary,
} from './billing-presenters.ts';

const yearQuery = z
  .string()
  .regex(/^\d{4}$/, 'a year, YYYY')
  .transform(Number)
  .openapi({ example: '2026' });

export const ScenarioQuery = z.object({
  year: yearQuery,
  extraNeedMnok: z
    .string()
    .regex(/^-?\d+(\.\d{1,2})?$/, 'a number of MNOK, e.g. 60')
    .transform(Number)
    .optional()
    .openapi({ description: "The total need above today's level, in MNOK (seed 003's example: 60)" }),
  growth: z
    .string()
    .max(2000)
    .optional()
    .openapi({ description: 'Volume growth per product in per cent, e.g. `digital-post=5,data-exchange=-2`' }),
});

export const billingRunRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/billing/runs',
      tags: ['Billing'],
      summary: 'Bill a year, or a provisional quarter on account, for every owner (operator admin; audited)',
      description:
        'Rates the year to date under the price list of the year and issues per owner the difference against what is billed already. Running a period again issues corrections for what changed since, and nothing when nothing did. Every usage month of the period must be closed. `dryRun` writes nothing.',
      security,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                year: z.number().int(),
                quarter: z.number().int().nullable().optional(),
                dryRun: z.boolean().optional(),
              }),
            },
          },
        },
      },
      responses: { 200: json(RunResultSchema, 'What was issued (or would be, on a dry run)'), ...errorResponses },
    }),
    async (c) => c.json(presentRun(await runBilling(serviceContext(c), c.req.valid('json'))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/summary',
      tags: ['Billing'],
      summary: "A billing year: total cost, central and owners' part, billed so far and coverage (operator side)",
      security,
      request: { query: z.object({ year: yearQuery }) },
      responses: { 200: json(SummarySchema, 'The year'), ...errorResponses },
    }),
    async (c) => c.json(presentSummary(await billingSummary(serviceContext(c), c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/scenarios',
      tags: ['Billing'],
      summary: 'The financing alternatives 0–5 of a budget year side by side, per owner and product (operator side)',
      security,
      request: { query: ScenarioQuery },
      responses: { 200: json(ComparisonSchema, 'Every alternative'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const comparison = await compareFinancingScenarios(serviceContext(c), {
        year: query.year,
        growth: parseGrowth(query.growth),
        ...(query.extraNeedMnok === undefined ? {} : { extraNeedMnok: query.extraNeedMnok }),
      });
      return c.json(presentComparison(comparison), 200);
    },
  );
