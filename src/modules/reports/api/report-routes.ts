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
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .openapi({ example: '2026-02', description: 'A month (Europe/Oslo), YYYY-MM' });

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

// The report's figures: typed where clients rely on them, open where the shape belongs to a sub-module.
const ReportDataSchema = z
  .looseObject({
    schema: z.literal(1),
    month,
    generatedAt: z.number().int(),
    owner: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    contacts: z.object({ incidentEmail: z.string(), onCallPhone: z.string(), serviceDeskEmail: z.string() }),
    statistics: z.array(
      z.looseObject({
        metricId: z.string(),
        rows: z.array(
          z.looseObject({
            year: z.number().int(),
            months: z.array(z.number().nullable()),
            total: z.number().nullable(),
          }),
        ),
        shareOfPlatform: z.number().nullable(),
      }),
    ),
    availability: z.array(
      z.looseObject({
        code: z.string(),
        name: z.string(),
        targetBasisPoints: z.number().int(),
        months: z.array(z.looseObject({ month: z.string(), rounded: z.string().nullable(), meetsTarget: z.boolean() })),
      }),
    ),
    support: z.array(
      z.looseObject({
        month: z.string(),
        kpis: z.array(z.looseObject({ id: z.string(), shown: z.number().nullable(), met: z.boolean().nullable() })),
      }),
    ),
    compliance: z.looseObject({
      rows: z.array(
        z.looseObject({
          requirement: z.string(),
          subject: z.string(),
          status: z.enum(['met', 'missed', 'no-data']),
          deviations: z.array(z.looseObject({ reference: z.string(), kind: z.string(), at: z.number() })),
        }),
      ),
      incidents: z.array(
        z.looseObject({ category: z.string(), registered: z.number().int(), breached: z.number().int() }),
      ),
    }),
  })
  .openapi('ServiceReportData');

const VersionSchema = z
  .object({
    id: z.string(),
    month,
    ownerCode: z.string().nullable().openapi({ description: 'null: the platform report' }),
    version: z.number().int().min(1),
    trigger: z.enum(['scheduled', 'manual']),
    generatedAt: z.string().openapi({ description: 'RFC 3339' }),
    digest: z.string().openapi({ description: 'SHA-256 of the stored figures' }),
  })
  .openapi('ServiceReportVersion');

// ReportData has every documented field; the loose objects' index signatures are what TypeScript cannot match.
const presentData = (data: ReportData) => data as unknown as z.infer<typeof ReportDataSchema>;

type Summary = {
  id: string;
  month: string;
  ownerCode: string | null;
  version: number;
  trigger: 'scheduled' | 'manual';
  generatedAt: number;
  digest: string;
};
const presentVersion = (v: Summary) => ({
  id: v.id,
  month: v.month,
  ownerCode: v.ownerCode,
  version: v.version,
  trigger: v.trigger,
  generatedAt: new Date(v.generatedAt).toISOString(),
  digest: v.digest,
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
      c.json(presentData(await collectReportData(serviceContext(c), c.req.valid('query'), reportSettings(c))), 200),
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
      return c.json({ ...presentVersion(report), data: presentData(report.data) }, 200);
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
