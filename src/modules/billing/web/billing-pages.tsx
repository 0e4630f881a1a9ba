import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { authorize, can } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { FailedForm } from '../../../platform/web/form.tsx';
import { pageContext, render } from '../../../platform/web/render.tsx';
import {
  formBody,
  formProblem,
  problemStatus,
  requireLogin,
  serviceContext,
  text,
} from '../../../platform/web/web-kit.ts';
import { listStatements, statementDocument } from '../services/billing-statements.ts';
import { billingSummary } from '../services/billing-summary.ts';
import { listBillingOwners } from '../services/list-billing-owners.ts';
import { listBudgetYears } from '../services/list-budget-years.ts';
import { ownerBillingOverview } from '../services/owner-billing-overview.ts';
import { runBilling } from '../services/run-billing.ts';
import { verifyStatement } from '../services/verify-statement.ts';
import { BillingEntryPage, OwnerChoicePage } from './billing-entry-views.tsx';
import { refusalErrors } from './billing-form-errors.ts';
import { OwnerOverviewPage } from './billing-owner-views.tsx';
import { readRunForm, runFields } from './billing-run-form.tsx';
import { StatementPage } from './billing-statement-views.tsx';
import {
  presentOverview,
  presentOwnerRows,
  presentRunResult,
  presentStatement,
  presentStatementRow,
  presentSummary,
  type RunResultView,
} from './billing-view-model.ts';

/** The calendar year of now in Oslo, the year the pages show unless asked for another. */
export function currentYear(ctx: ServiceContext): number {
  return new Date(instantToLocal('Europe/Oslo', ctx.clock.now())).getUTCFullYear();
}

/** `?year=` as asked, or `fallback`; anything but four digits is a field error (a 400 page). */
export function yearAsked(c: Context<AppEnv>, fallback: number): number {
  const asked = c.req.query('year');
  if (asked === undefined || asked === '') return fallback;
  if (!/^\d{4}$/.test(asked)) throw AppError.field('year', pageContext(c).t('billing.error.year'));
  return Number(asked);
}

/** This year when it has a budget, else the latest year before it that has, else the first one after. */
function defaultYear(years: readonly number[], current: number): number {
  if (years.includes(current)) return current;
  return years.filter((y) => y < current).at(-1) ?? years[0] ?? current;
}

async function entryPage(
  c: Context<AppEnv>,
  year: number | null,
  extra: { failed?: FailedForm; result?: RunResultView } = {},
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const ctx = serviceContext(c);
  const page = pageContext(c);
  const years = await listBudgetYears(ctx);
  const shown = year ?? yearAsked(c, defaultYear(years, currentYear(ctx)));
  const [summary, statements, owners] = await Promise.all([
    years.includes(shown) ? billingSummary(ctx, { year: shown }) : Promise.resolve(null),
    listStatements(ctx, { year: shown }),
    listBillingOwners(ctx),
  ]);
  return render(
    c,
    <BillingEntryPage
      view={{
        page,
        year: shown,
        years,
        summary: summary && presentSummary(summary, page.locale),
        statements: statements.map(presentStatementRow),
        owners: presentOwnerRows(owners, summary),
        canRun: can(ctx.actor, 'billing.manage', null),
        failed: extra.failed,
        result: extra.result,
      }}
    />,
    status,
  );
}

async function ownerPage(c: Context<AppEnv>): Promise<Response> {
  const ctx = serviceContext(c);
  const page = pageContext(c);
  const current = currentYear(ctx);
  const year = yearAsked(c, current);
  // The overview answers not-found for another owner's code before anything else is shown.
  const overview = await ownerBillingOverview(ctx, { owner: c.req.param('code') ?? '', year });
  const budgetYears = await listBudgetYears(ctx);
  const years = [...new Set([...budgetYears, current, year])].sort((a, b) => a - b);
  return render(
    c,
    <OwnerOverviewPage
      view={{
        page,
        overview: presentOverview(overview, page.locale),
        year,
        years,
        backToSummary: can(ctx.actor, 'billing.plan', null),
      }}
    />,
  );
}

async function statementPage(c: Context<AppEnv>): Promise<Response> {
  const ctx = serviceContext(c);
  const page = pageContext(c);
  const number = c.req.param('number') ?? '';
  const metrics = c.var.deps.usage.catalogue.metrics;
  const metricName = (id: string) => metrics.find((m) => m.id === id)?.names[page.locale] ?? id;
  // The document answers not-found for another owner's statement, exactly like for one that does not exist.
  const doc = await statementDocument(ctx, number, page.locale, metricName);
  const verification = await verifyStatement(ctx, number);
  return render(c, <StatementPage page={page} statement={presentStatement(doc, verification)} />);
}

export const billingPages = new Hono<AppEnv>()
  .use('/billing', requireLogin)
  .use('/billing/*', requireLogin)
  .get('/billing', async (c) => {
    const ctx = serviceContext(c);
    // The owner side has no year to plan: one owner goes straight to its own overview.
    if (!can(ctx.actor, 'billing.plan', null)) {
      const owners = await listBillingOwners(ctx);
      const [only] = owners;
      if (owners.length === 1 && only) return c.redirect(`/billing/owners/${encodeURIComponent(only.code)}`, 303);
      return render(c, <OwnerChoicePage page={pageContext(c)} owners={owners} />);
    }
    return entryPage(c, null);
  })
  .post('/billing/runs', async (c) => {
    const ctx = serviceContext(c);
    const { t } = pageContext(c);
    // Whoever may not run billing is told so before the form is read, not shown a form they do not have.
    authorize(ctx.actor, 'billing.manage');
    const body = await formBody(c);
    const values = Object.fromEntries(runFields.map((f) => [f, text(body, f) ?? '']));
    const read = readRunForm(values, t);
    if ('errors' in read) return entryPage(c, null, { failed: { form: 'run', values, errors: read.errors } }, 400);
    try {
      const result = await runBilling(ctx, read.input);
      return entryPage(c, read.input.year, { result: presentRunResult(result) });
    } catch (error) {
      const problem = formProblem(error);
      return entryPage(
        c,
        read.input.year,
        { failed: { form: 'run', values, errors: refusalErrors(problem, t) } },
        problemStatus(problem),
      );
    }
  })
  .get('/billing/owners/:code', ownerPage)
  .get('/billing/statements/:number', statementPage);
