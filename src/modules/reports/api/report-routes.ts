import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ReportData } from '../domain/report-data.ts';
import { layoutReport, type ReportVersion } from '../render/layout-report.ts';
import { contentTypes, reportBaseName, reportFormats, renderReport } from '../render/render-report.ts';
import { getArchivedReport, listArchivedReports } from '../services/archived-reports.ts';
import { collectReportData, type ReportSettings } from '../services/collect-report-data.ts';
import { generateServiceReport } from '../services/generate-service-report.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import {
  MonthSchema,
  presentReportData,
  presentVersion,
  ReportDataSchema,
  VersionSchema,
} from './report-presenters.ts';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';

const readErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
};
const month = MonthSchema;

export function reportSettings(c: Context<AppEnv>): ReportSettings {
  return { contacts: c.var.deps.config.reportContacts, catalogue: c.var.deps.usage.catalogue };
}

const ReportQuery = z.object({
  month: month.optional().openapi({ description: 'Default: the previous month' }),
  owner: z.string().min(1).max(64).optional().openapi({
    description:
      'An owner’s organisation code for its own report; absent: the platform report. Another owner’s code is not found.',
  }),
});
const ExportQuery = z.object({
  format: z
    .enum(reportFormats)
    .openapi({ description: 'html (self-contained page), pdf, xlsx (every table, one sheet each) or csv (one table)' }),
  table: z.string().min(1).max(80).optional().openapi({
    description:
      'With csv: the table id, e.g. statistics-messages_sent, availability-end-user-solution, support, compliance',
  }),
  lang: z
    .enum(['nb', 'nn', 'en'])
    .optional()
    .openapi({ description: 'The language of headings and figures; default the caller’s (bokmål)' }),
});

const download = {
  description: 'The report in the asked format',
  content: Object.fromEntries(
    Object.values(contentTypes).map((type) => [
      type.split(';')[0] as string,
      { schema: z.string().openapi({ format: 'binary' }) },
    ]),
  ),
};

async function exportResponse(
  c: Context<AppEnv>,
  data: ReportData,
  query: z.infer<typeof ExportQuery>,
  version?: ReportVersion,
) {
  const lang = query.lang ?? c.var.locale;
  const doc = layoutReport(data, lang, version);
  const rendered = await renderReport(
    doc,
    query.format,
    reportBaseName(data.month, data.owner?.code ?? null, version?.version),
    query.table,
  );
  return c.body(new Uint8Array(rendered.body), 200, {
    'content-type': rendered.contentType,
    'content-disposition': `attachment; filename="${rendered.fileName}"`,
  });
}

export const reportRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports',
      tags: ['Reports'],
      summary: 'A monthly service report’s figures, from live data',
      description: 'The platform report, or an owner’s own (`owner`). Owners never get another owner’s numbers.',
      security,
      request: { query: ReportQuery },
      responses: { 200: json(ReportDataSchema, 'The figures'), ...readErrors },
    }),
    async (c) =>
      c.json(
        presentReportData(await collectReportData(serviceContext(c), c.req.valid('query'), reportSettings(c))),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/export',
      tags: ['Reports'],
      summary: 'A monthly service report from live data as HTML, PDF, XLSX or one table as CSV',
      security,
      request: { query: ReportQuery.extend(ExportQuery.shape) },
      responses: { 200: download, ...readErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return exportResponse(
        c,
        await collectReportData(
          serviceContext(c),
          { ...(query.month ? { month: query.month } : {}), ...(query.owner ? { owner: query.owner } : {}) },
          reportSettings(c),
        ),
        query,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/reports/versions',
      tags: ['Reports'],
      summary: 'Archive a new version of a month’s report and mail it to its subscribers',
      description: 'Earlier versions stay as they were; archived figures never change.',
      security,
      request: { body: { content: { 'application/json': { schema: ReportQuery } } } },
      responses: { 201: json(VersionSchema, 'The archived version'), ...readErrors },
    }),
    async (c) =>
      c.json(
        presentVersion(
          await generateServiceReport(serviceContext(c), c.req.valid('json'), reportSettings(c), { trigger: 'manual' }),
        ),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/versions',
      tags: ['Reports'],
      summary: 'Archived versions: the platform’s, and owners’ the caller may read',
      security,
      request: {
        query: z.object({
          month: month.optional(),
          owner: z.string().min(1).max(64).optional().openapi({ description: 'An owner’s code, or `platform`' }),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(VersionSchema) }), 'Newest month first'), ...readErrors },
    }),
    async (c) =>
      c.json({ items: (await listArchivedReports(serviceContext(c), c.req.valid('query'))).map(presentVersion) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/versions/{id}',
      tags: ['Reports'],
      summary: 'One archived version with its figures as stored',
      security,
      request: { params: IdParam },
      responses: { 200: json(VersionSchema.extend({ data: ReportDataSchema }), 'The version'), ...readErrors },
    }),
    async (c) => {
      const report = await getArchivedReport(serviceContext(c), c.req.valid('param').id);
      return c.json({ ...presentVersion(report), data: presentReportData(report.data) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/versions/{id}/export',
      tags: ['Reports'],
      summary: 'An archived version as HTML, PDF, XLSX or one table as CSV',
      security,
      request: { params: IdParam, query: ExportQuery },
      responses: { 200: download, ...readErrors },
    }),
    async (c) => {
      const report = await getArchivedReport(serviceContext(c), c.req.valid('param').id);
      return exportResponse(c, report.data, c.req.valid('query'), {
        version: report.version,
        generatedAt: report.generatedAt,
      });
    },
  );
