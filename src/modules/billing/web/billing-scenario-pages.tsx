import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { requireLogin, serviceContext } from '../../../platform/web/web-kit.ts';
import { loadProducts } from '../services/billing-catalogue.ts';
import { compareFinancingScenarios } from '../services/financing-scenarios.ts';
import { listBudgetYears } from '../services/list-budget-years.ts';
import { refusalErrors } from './billing-form-errors.ts';
import { currentYear } from './billing-pages.tsx';
import { apiQuery, readScenarioQuery } from './billing-scenario-input.ts';
import { ScenarioPage } from './billing-scenario-views.tsx';
import { presentComparison, type ComparisonView } from './billing-view-model.ts';

async function scenarioPage(c: Context<AppEnv>): Promise<Response> {
  const ctx = serviceContext(c);
  const page = pageContext(c);
  // Planning is the operator side's: an owner is refused before anything is read.
  authorize(ctx.actor, 'billing.plan');
  const [years, products] = await Promise.all([listBudgetYears(ctx), loadProducts(ctx.db)]);
  const current = currentYear(ctx);
  const fallback = years.includes(current) ? current : (years.at(-1) ?? current);
  const asked = readScenarioQuery(
    c.req.query(),
    products.map((p) => p.id),
    fallback,
    page.t,
  );
  let errors = asked.errors;
  let comparison: ComparisonView | null = null;
  if (asked.question) {
    try {
      comparison = presentComparison(await compareFinancingScenarios(ctx, asked.question), page.locale);
    } catch (error) {
      // A question the operation refuses (no budget or price list for the year, a need below zero) is answered on the
      // form, beside the field it is about; anything else is an error page.
      if (!isAppError(error) || error.fields.length === 0) throw error;
      errors = refusalErrors(error, page.t);
    }
  }
  return render(
    c,
    <ScenarioPage
      view={{
        page,
        years,
        products: products.map((p) => ({ id: p.id, name: p.names[page.locale] })),
        values: asked.values,
        errors,
        comparison,
        exportQuery: comparison && asked.question ? apiQuery(asked.question).toString() : null,
      }}
    />,
    Object.keys(errors).length > 0 ? 400 : 200,
  );
}

export const billingScenarioPages = new Hono<AppEnv>()
  .use('/billing/scenarios', requireLogin)
  .get('/billing/scenarios', scenarioPage);
