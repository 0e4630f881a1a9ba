import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ReportData } from '../domain/report-data.ts';
import { layoutReport, type ReportVersion } from '../render/layout-report.ts';
import { reportBaseName, reportFormats, renderReport, type ReportFormatName } from '../render/render-report.ts';
import { can, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { type ArchivedReportSummary, getArchivedReport, listArchivedReports } from '../services/archived-reports.ts';
import { collectReportData } from '../services/collect-report-data.ts';
import { generateServiceReport } from '../services/generate-service-report.ts';
import { listReportOwners } from '../services/list-report-owners.ts';
import { previousReportMonth, shiftMonth } from '../services/report-scope.ts';
import { reportFormat } from '../render/report-format.ts';
import { reportSettings } from '../api/report-routes.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { ReportPage } from './report-views.tsx';
import { formBody, requireLogin, serviceContext, text } from '../../../platform/web/web-kit.ts';

/** How many months back the month picker offers. */
const monthsOffered = 24;
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

function chosenMonth(c: Context<AppEnv>): string {
  const asked = c.req.query('month');
  if (asked !== undefined && asked !== '' && !monthPattern.test(asked))
    throw AppError.field('month', 'a month as YYYY-MM');
  return asked || previousReportMonth(c.var.deps.clock.now());
}

async function ownerOptions(c: Context<AppEnv>) {
  const { t } = pageContext(c);
  const owners = await listReportOwners(serviceContext(c));
  return [{ value: '', label: t('report.platform') }, ...owners.map((o) => ({ value: o.code, label: o.name }))];
}

async function showReport(c: Context<AppEnv>, data: ReportData, archived: ArchivedReportSummary | null) {
  const ctx = serviceContext(c);
  const page = pageContext(c);
  const version: ReportVersion | undefined = archived
    ? { version: archived.version, generatedAt: archived.generatedAt }
    : undefined;
  const doc = layoutReport(data, page.locale, version);
  const owner = data.owner?.code ?? null;
  const f = reportFormat(page.locale);
  const current = previousReportMonth(ctx.clock.now());
  const months = Array.from({ length: monthsOffered }, (_, i) => shiftMonth(current, 1 - i)).map((m) => ({
    value: m,
    label: f.monthName(m),
  }));
  const subscribeScope = tenantScope(ctx.actor, 'report.subscribe');
  const versions = await listArchivedReports(ctx, { month: data.month, owner: owner ?? 'platform' });
  const base = archived
    ? `/reports/archive/${archived.id}/download?`
    : `/reports/download?month=${data.month}${owner ? `&owner=${encodeURIComponent(owner)}` : ''}&`;
  return render(
    c,
    <ReportPage
      view={{
        page,
        doc,
        month: data.month,
        owner,
        months,
        owners: await ownerOptions(c),
        versions,
        downloadBase: `${base}lang=${page.locale}&`,
        canManage: can(ctx.actor, 'report.manage', null),
        canManageSubscriptions: subscribeScope.all || subscribeScope.organisationIds.length > 0,
        archived,
      }}
    />,
  );
}

function formatOf(c: Context<AppEnv>): ReportFormatName {
  const format = c.req.query('format') ?? 'pdf';
  if (!(reportFormats as readonly string[]).includes(format))
    throw AppError.field('format', `one of ${reportFormats.join(', ')}`);
  return format as ReportFormatName;
}

async function download(c: Context<AppEnv>, data: ReportData, version?: ReportVersion) {
  const doc = layoutReport(data, pageContext(c).locale, version);
  const rendered = await renderReport(
    doc,
    formatOf(c),
    reportBaseName(data.month, data.owner?.code ?? null, version?.version),
    c.req.query('table') || undefined,
  );
  return c.body(new Uint8Array(rendered.body), 200, {
    'content-type': rendered.contentType,
    'content-disposition': `attachment; filename="${rendered.fileName}"`,
  });
}

function liveInput(c: Context<AppEnv>, month: string) {
  const owner = c.req.query('owner');
  return { month, ...(owner ? { owner } : {}) };
}

export const reportPages = new Hono<AppEnv>()
  .use('/reports', requireLogin)
  .use('/reports/download', requireLogin)
  .use('/reports/archive', requireLogin)
  .use('/reports/archive/*', requireLogin)
  .get('/reports', async (c) =>
    showReport(c, await collectReportData(serviceContext(c), liveInput(c, chosenMonth(c)), reportSettings(c)), null),
  )
  .get('/reports/download', async (c) =>
    download(c, await collectReportData(serviceContext(c), liveInput(c, chosenMonth(c)), reportSettings(c))),
  )
  .post('/reports/archive', async (c) => {
    const body = await formBody(c);
    const month = text(body, 'month') ?? '';
    const owner = text(body, 'owner');
    const archived = await generateServiceReport(
      serviceContext(c),
      { month, ...(owner ? { owner } : {}) },
      reportSettings(c),
      { trigger: 'manual' },
    );
    return c.redirect(`/reports/archive/${archived.id}`, 303);
  })
  .get('/reports/archive/:id', async (c) => {
    const report = await getArchivedReport(serviceContext(c), c.req.param('id'));
    return showReport(c, report.data, report);
  })
  .get('/reports/archive/:id/download', async (c) => {
    const report = await getArchivedReport(serviceContext(c), c.req.param('id'));
    return download(c, report.data, { version: report.version, generatedAt: report.generatedAt });
  });
