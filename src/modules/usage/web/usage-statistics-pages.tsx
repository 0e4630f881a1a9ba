import type { Context } from 'hono';
import { Hono } from 'hono';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import { tenantScope } from '../../../platform/services/actor.ts';
import { listUsageMetrics } from '../services/list-usage-metrics.ts';
import { listUsageOwners } from '../services/list-usage-owners.ts';
import { metricYearTable } from '../services/usage-statistics.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { StatisticsPage } from './usage-statistics-views.tsx';
import { requireLogin, serviceContext } from '../../../platform/web/web-kit.ts';

/** The current year and the three before it, as the monthly report shows them. */
const yearsShown = 4;

async function statisticsPage(c: Context<AppEnv>) {
  const ctx = serviceContext(c);
  const catalogue = c.var.deps.usage.catalogue;
  const metrics = listUsageMetrics(ctx, catalogue);
  const metric = c.req.query('metric') || metrics[0]?.id || '';
  // Only the operator side chooses an owner; an owner always sees its own figures, and naming another is not found.
  const choosesOwner = tenantScope(ctx.actor, 'usage.read').all;
  const owner = c.req.query('owner') || undefined;
  const year = new Date(instantToLocal('Europe/Oslo', ctx.clock.now())).getUTCFullYear();
  const years = Array.from({ length: yearsShown }, (_, i) => year - yearsShown + 1 + i);
  const table = await metricYearTable(ctx, { metric, years, ...(owner === undefined ? {} : { owner }) }, catalogue);
  const owners = choosesOwner ? await listUsageOwners(ctx) : null;
  const query = new URLSearchParams({
    metric: table.metric.id,
    year: String(year),
    years: String(yearsShown),
    ...(table.owner && choosesOwner ? { owner: table.owner.code } : {}),
  });
  return render(
    c,
    <StatisticsPage
      page={pageContext(c)}
      metrics={metrics}
      table={table}
      owners={owners}
      downloadQuery={query.toString()}
    />,
  );
}

export const usageStatisticsPages = new Hono<AppEnv>()
  .use('/statistics', requireLogin)
  .get('/statistics', statisticsPage);
