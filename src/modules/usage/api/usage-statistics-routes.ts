import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { translator } from '../../../platform/i18n/messages.ts';
import { listUsageMetrics } from '../services/list-usage-metrics.ts';
import {
  firstStatisticsYear,
  lastStatisticsYear,
  metricYearTable,
  type MetricYearTable,
} from '../services/usage-statistics.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { apiRouter, errorResponses, json, security, serviceContext } from '../../../platform/http/route-kit.ts';
import { exportFileName, statisticsCsv, statisticsXlsx } from './usage-statistics-export.ts';

const readErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
};

const MetricSchema = z
  .object({
    id: z.string().openapi({ example: 'messages_sent' }),
    names: z.object({ nb: z.string(), nn: z.string(), en: z.string() }),
  })
  .openapi('UsageMetric');

const figure = z.number().int().nullable();
const change = z.number().nullable().openapi({
  description:
    'Percent change against the same month a year earlier (one decimal); null when either has no figure or the earlier one is 0',
});
const StatisticsSchema = z
  .object({
    metric: MetricSchema,
    owner: z
      .object({ id: z.string(), code: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'null: the whole platform, platform-wide figures included' }),
    years: z.array(
      z.object({
        year: z.number().int(),
        months: z
          .array(figure)
          .length(12)
          .openapi({ description: 'January to December; null where the month has no figures at all (not 0)' }),
        total: figure.openapi({ description: 'Sum of the months with figures; null when none has' }),
        change: z.array(change).length(12),
        totalChange: change,
      }),
    ),
  })
  .openapi('UsageStatistics');

const StatisticsQuery = z.object({
  metric: z.string().min(1).openapi({ example: 'messages_sent', description: 'A metric id from /usage/metrics' }),
  year: z.coerce
    .number()
    .int()
    .min(firstStatisticsYear)
    .max(lastStatisticsYear)
    .openapi({ example: 2026, description: 'The latest year of the table' }),
  years: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(1)
    .openapi({ example: 4, description: 'How many years, ending with `year` (default 1)' }),
  owner: z.string().min(1).optional().openapi({
    description:
      'An owner’s organisation code; without it the operator side gets the whole platform and an owner its own figures',
  }),
});
type StatisticsQuery = z.infer<typeof StatisticsQuery>;

function tableOf(c: Context<AppEnv>, query: StatisticsQuery): Promise<MetricYearTable> {
  const years = Array.from({ length: query.years }, (_, i) => query.year - query.years + 1 + i).filter(
    (y) => y >= firstStatisticsYear,
  );
  return metricYearTable(
    serviceContext(c),
    { metric: query.metric, years, ...(query.owner === undefined ? {} : { owner: query.owner }) },
    c.var.deps.usage.catalogue,
  );
}

function presentStatistics(table: MetricYearTable) {
  return { metric: { id: table.metric.id, names: table.metric.names }, owner: table.owner, years: table.rows };
}

const download = (type: string, description: string, schema: z.ZodString) => ({
  description,
  content: { [type]: { schema } },
});
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const usageStatisticsRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/usage/metrics',
      tags: ['Usage'],
      summary: 'The metrics that have figures, in the report’s order',
      security,
      responses: { 200: json(z.object({ items: z.array(MetricSchema) }), 'The catalogue'), ...readErrors },
    }),
    (c) =>
      c.json(
        {
          items: listUsageMetrics(serviceContext(c), c.var.deps.usage.catalogue).map((m) => ({
            id: m.id,
            names: m.names,
          })),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/usage/statistics',
      tags: ['Usage'],
      summary: 'A metric per month for one or more years, with totals and the change against the year before',
      description:
        'Each month is daily counts + imported monthly figures + adjustments (Europe/Oslo months). Owners get their own figures only; another owner’s code is not found.',
      security,
      request: { query: StatisticsQuery },
      responses: { 200: json(StatisticsSchema, 'The table'), ...readErrors },
    }),
    async (c) => c.json(presentStatistics(await tableOf(c, c.req.valid('query'))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/usage/statistics.csv',
      tags: ['Usage'],
      summary: 'The same table as CSV: title cell, Jan..Dec, total; one row per year',
      description:
        'Comma-separated, UTF-8 with a byte-order mark, plain integers; an empty cell is a month without figures. Headings in the caller’s language (`?lang=`).',
      security,
      request: { query: StatisticsQuery },
      responses: { 200: download('text/csv', 'The table as CSV', z.string()), ...readErrors },
    }),
    async (c) => {
      const table = await tableOf(c, c.req.valid('query'));
      const body = statisticsCsv(table, translator(c.var.locale), c.var.locale);
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${exportFileName(table, 'csv')}"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/usage/statistics.xlsx',
      tags: ['Usage'],
      summary: 'The same table as an Excel workbook: title row, heading row, one row per year',
      security,
      request: { query: StatisticsQuery },
      responses: {
        200: download(xlsxType, 'The table as XLSX', z.string().openapi({ format: 'binary' })),
        ...readErrors,
      },
    }),
    async (c) => {
      const table = await tableOf(c, c.req.valid('query'));
      const body = await statisticsXlsx(table, translator(c.var.locale), c.var.locale);
      return c.body(new Uint8Array(body), 200, {
        'content-type': xlsxType,
        'content-disposition': `attachment; filename="${exportFileName(table, 'xlsx')}"`,
      });
    },
  );
