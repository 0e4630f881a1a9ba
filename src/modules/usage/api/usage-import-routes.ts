import { createRoute, z } from '@hono/zod-openapi';
import { metricIdPattern } from '../domain/metric-catalogue.ts';
import { problemPlace } from '../domain/usage-aggregate-rows.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { importUsageAggregates } from '../services/import-usage-aggregates.ts';
import { apiRouter, errorResponses, json, security, serviceContext } from '../../../platform/http/route-kit.ts';

const ImportQuery = z.object({
  metric: z
    .string()
    .regex(metricIdPattern, 'a metric id (snake_case)')
    .optional()
    .openapi({
      param: { name: 'metric', in: 'query' },
      example: 'messages_sent',
      description: 'The metric of a wide table',
    }),
  owner: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({
      param: { name: 'owner', in: 'query' },
      example: 'skd',
      description: 'Organisation code of the owner of every figure',
    }),
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'dryRun', in: 'query' }, description: 'true: check everything, write nothing' }),
});

const ImportSummarySchema = z
  .object({
    file: z.string(),
    shape: z.enum(['wide', 'long']).nullable(),
    dryRun: z.boolean(),
    rows: z.number().int().openapi({ description: 'Data rows read' }),
    imported: z.number().int().openapi({ description: 'Monthly figures written (in a dry run: that would be)' }),
    replaced: z
      .number()
      .int()
      .openapi({ description: 'Of those, figures that replaced an earlier count of the same key' }),
    months: z.array(z.string()),
    metrics: z.array(z.string()),
  })
  .openapi('UsageImportSummary');

export const usageImportRoutes = apiRouter().openapi(
  createRoute({
    method: 'post',
    path: '/usage/imports',
    tags: ['Usage'],
    summary: 'Import monthly usage figures from a CSV or XLSX file (multipart/form-data field `file`; operator admins)',
    description:
      'Wide tables (year, jan … dec for one metric) or long ones (metric,year,month,count with optional owner and service); see docs/usage-import.md. ' +
      'A figure replaces the count of the same metric, month, owner and service. A file with any problem imports nothing: the 400 problem lists each one, its `field` naming the row and column (`row 3, column feb`).',
    security,
    request: {
      query: ImportQuery,
      body: {
        content: {
          'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
        },
        required: true,
      },
    },
    responses: { 200: json(ImportSummarySchema, 'Imported (or checked, in a dry run)'), ...errorResponses },
  }),
  async (c) => {
    const ctx = serviceContext(c);
    const query = c.req.valid('query');
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw AppError.field('file', 'send the file as multipart/form-data field "file"');
    const input = {
      fileName: file.name || 'upload',
      content: new Uint8Array(await file.arrayBuffer()),
      ...(query.metric !== undefined ? { metric: query.metric } : {}),
      ...(query.owner !== undefined ? { owner: query.owner } : {}),
      dryRun: query.dryRun === 'true',
    };
    const report = await importUsageAggregates(ctx, input, { catalogue: c.var.deps.usage.catalogue });
    if (report.errors.length > 0) {
      const count = report.errors.length;
      throw new AppError(
        'validation',
        `${report.file}: ${count} problem${count === 1 ? '' : 's'}; nothing was imported`,
        { fields: report.errors.map((e) => ({ field: problemPlace(e), message: e.problem })) },
      );
    }
    const { errors: _errors, ...summary } = report;
    return c.json(summary, 200);
  },
);
