import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter, errorResponses, security, serviceContext } from '../../../platform/http/route-kit.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { statementDocument } from '../services/billing-statements.ts';
import { compareFinancingScenarios } from '../services/financing-scenarios.ts';
import { parseGrowth } from '../services/growth-text.ts';
import { ScenarioQuery } from './billing-run-routes.ts';
import { NumberParam } from './billing-statement-routes.ts';
import {
  statementFileName,
  statementFormats,
  statementMediaTypes,
  renderStatement,
} from '../render/render-statement.ts';
import { scenarioTables } from '../render/layout-scenario-tables.ts';
import { summaryTables } from '../render/layout-summary-tables.ts';
import type { BillingTable } from '../render/billing-table.ts';
import { billingSummary } from '../services/billing-summary.ts';

const binary = (description: string) => ({
  description,
  content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const billingExportRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/statements/{number}/document',
      tags: ['Billing'],
      summary: 'A statement as PDF, CSV, XLSX or EHF (Peppol BIS Billing 3.0 invoice or credit note, UBL 2.1)',
      description:
        'Texts in the caller’s language (`?lang=`); EHF is language-neutral. Another owner’s statement is not found.',
      security,
      request: { params: NumberParam, query: z.object({ format: z.enum(statementFormats) }) },
      responses: { 200: binary('The document, as an attachment'), ...errorResponses },
    }),
    async (c) => {
      const format = c.req.valid('query').format;
      const locale = c.var.locale;
      const catalogue = c.var.deps.usage.catalogue;
      const doc = await statementDocument(
        serviceContext(c),
        c.req.valid('param').number,
        locale,
        (id) => catalogue.metrics.find((m) => m.id === id)?.names[locale] ?? id,
      );
      const body = await renderStatement(doc, format, locale);
      return c.body(new Uint8Array(body), 200, {
        'content-type': statementMediaTypes[format].type,
        'content-disposition': `attachment; filename="${statementFileName(doc, format)}"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/scenarios/export',
      tags: ['Billing'],
      summary: 'The scenario comparison as XLSX (every table a sheet) or one table as CSV (operator side)',
      security,
      request: {
        query: ScenarioQuery.extend({
          format: z.enum(['csv', 'xlsx']),
          table: z
            .enum(['alternatives', 'owners', 'products'])
            .default('alternatives')
            .openapi({ description: 'Which table a CSV carries' }),
        }),
      },
      responses: { 200: binary('The tables, as an attachment'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const comparison = await compareFinancingScenarios(serviceContext(c), {
        year: query.year,
        growth: parseGrowth(query.growth),
        ...(query.extraNeedMnok === undefined ? {} : { extraNeedMnok: query.extraNeedMnok }),
      });
      const tables = scenarioTables(comparison, c.var.locale);
      return c.body(...(await tablesDownload(tables, query.format, query.table, `financing-scenarios-${query.year}`)));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/billing/summary/export',
      tags: ['Billing'],
      summary: "A billing year's summary as XLSX (every table a sheet) or one table as CSV (operator side)",
      security,
      request: {
        query: z.object({
          year: z
            .string()
            .regex(/^\d{4}$/, 'a year, YYYY')
            .transform(Number),
          format: z.enum(['csv', 'xlsx']),
          table: z.enum(['overview', 'periods', 'owners']).default('overview'),
        }),
      },
      responses: { 200: binary('The tables, as an attachment'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const tables = summaryTables(await billingSummary(serviceContext(c), { year: query.year }), c.var.locale);
      return c.body(...(await tablesDownload(tables, query.format, query.table, `billing-${query.year}`)));
    },
  );

/** Every table as one workbook, or the chosen one as CSV: the body and headers of the download. */
async function tablesDownload(
  tables: readonly BillingTable[],
  format: 'csv' | 'xlsx',
  tableId: string,
  baseName: string,
): Promise<[Uint8Array<ArrayBuffer> | string, 200, Record<string, string>]> {
  const { renderBillingTableCsv, renderBillingTablesXlsx } = await import('../render/render-billing-table.ts');
  if (format === 'xlsx')
    return [
      new Uint8Array(await renderBillingTablesXlsx(tables)),
      200,
      { 'content-type': xlsxType, 'content-disposition': `attachment; filename="${baseName}.xlsx"` },
    ];
  const table = tables.find((t) => t.id === tableId);
  if (!table) throw AppError.field('table', 'no such table');
  return [
    renderBillingTableCsv(table),
    200,
    {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${baseName}-${table.id}.csv"`,
    },
  ];
}
