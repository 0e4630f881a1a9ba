import { createRoute, z } from '@hono/zod-openapi';
import { importSupportCalls } from '../services/import-support-calls.ts';
import { importSupportEmails } from '../services/import-support-emails.ts';
import { supportKpis } from '../services/support-kpis.ts';
import { maxImportRecords } from '../services/support-records.ts';
import { supportLines } from '../domain/support-kpis.ts';
import { periodKinds } from '../domain/support-periods.ts';
import { monthMessage, monthPattern } from '../../../platform/domain/month-key.ts';
import {
  CallRecordSchema,
  EmailRecordSchema,
  ImportReportSchema,
  presentSupportKpis,
  SupportKpisSchema,
} from './support-presenters.ts';
import { apiRouter, errorResponses, json, security, serviceContext } from '../../../platform/http/route-kit.ts';

const readErrors = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };
const month = z.string().regex(monthPattern, monthMessage);
const KpiQuery = z.object({
  period: z
    .enum(periodKinds)
    .default('month')
    .openapi({ description: 'Calendar months, or ISO weeks (whole weeks touching the months)' }),
  from: month.openapi({ example: '2026-01' }),
  to: month.optional().openapi({ example: '2026-02', description: 'Included; `from` when omitted' }),
  line: z.enum(supportLines).default('brukerservice'),
});
const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional().openapi({ description: 'Validate and count only; nothing is written' }),
});
const records = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema: z.array(schema).min(1).max(maxImportRecords) } }, required: true },
});
const importDescription =
  'A JSON array of records. The whole request is validated first: a refused request writes nothing and names each offending field as `index.field`. Records already imported (same line and external id) are skipped, so sending an export again is harmless. One audit event per import.';

export const supportRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/support/calls',
      tags: ['Support'],
      summary: 'Import call log records of the support lines (operator only)',
      description: importDescription,
      security,
      request: { query: ImportQuery, ...records(CallRecordSchema) },
      responses: { 200: json(ImportReportSchema, 'Imported (or counted, on a dry run)'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await importSupportCalls(serviceContext(c), c.req.valid('json'), {
          dryRun: c.req.valid('query').dryRun === 'true',
          source: 'api',
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/support/emails',
      tags: ['Support'],
      summary: 'Import e-mail log records of the support lines (operator only)',
      description: importDescription,
      security,
      request: { query: ImportQuery, ...records(EmailRecordSchema) },
      responses: { 200: json(ImportReportSchema, 'Imported (or counted, on a dry run)'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await importSupportEmails(serviceContext(c), c.req.valid('json'), {
          dryRun: c.req.valid('query').dryRun === 'true',
          source: 'api',
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/support/kpis',
      tags: ['Support'],
      summary: 'Support KPIs of a line per month or ISO week (Europe/Oslo), each against the agreement (4.2, 4.3, 5.2)',
      security,
      request: { query: KpiQuery },
      responses: {
        200: json(z.object({ items: z.array(SupportKpisSchema) }), 'One entry per period, oldest first'),
        ...readErrors,
      },
    }),
    async (c) =>
      c.json({ items: (await supportKpis(serviceContext(c), c.req.valid('query'))).map(presentSupportKpis) }, 200),
  );
