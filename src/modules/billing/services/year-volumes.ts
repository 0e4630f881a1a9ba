import { monthOf, shiftMonth } from '../../../platform/domain/month-key.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { forecastYear } from '../domain/forecast.ts';
import type { UsageTotal } from '../domain/rate-period.ts';
import type { Product } from './billing-catalogue.ts';
import { monthlyOwnerUsage } from '../../usage/index.ts';
import { billableOwners, type BillableOwner } from './billing-usage.ts';

export interface YearVolumes {
  /** The year whose volumes these are (the budget year, or the latest year with counted months before it). */
  basisYear: number;
  /** Months of the basis year counted; the rest is forecast from the seasonality of the three years before. */
  monthsCounted: number;
  usage: UsageTotal[];
  /** Owners by code. */
  owners: Map<string, BillableOwner>;
  /** Counted months of the basis year per owner and metric (for an owner's month-by-month view). */
  monthly: { owner: string; metric: string; month: string; count: number }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A year's volumes per owner and metric for planning: what was counted in the months that are over, and for the
 * rest of the year a forecast from the seasonality of the three years before (per metric, over all owners, so a
 * small owner's noise does not set the season). A year that has not begun is planned on the latest year that has.
 */
export async function yearVolumes(
  ctx: ServiceContext,
  products: readonly Product[],
  year: number,
  ownerId?: string,
): Promise<YearVolumes> {
  const lastOver = shiftMonth(monthOf(ctx.clock.now()), -1);
  const basisYear = Math.min(year, Number(lastOver.slice(0, 4)));
  const monthsCounted = basisYear < Number(lastOver.slice(0, 4)) ? 12 : Number(lastOver.slice(5, 7));
  const metrics = products.flatMap((p) => p.metrics);
  const [owners, counts, history] = await Promise.all([
    billableOwners(ctx.db),
    monthlyOwnerUsage(ctx.db, {
      fromMonth: `${basisYear}-01`,
      toMonth: `${basisYear}-${pad(monthsCounted)}`,
      metrics,
      ...(ownerId === undefined ? {} : { ownerId }),
    }),
    monthsCounted < 12
      ? monthlyOwnerUsage(ctx.db, { fromMonth: `${basisYear - 3}-01`, toMonth: `${basisYear - 1}-12`, metrics })
      : Promise.resolve([]),
  ]);
  const seasons = new Map<string, number[][]>();
  for (const h of history) {
    const y = Number(h.month.slice(0, 4)) - (basisYear - 3);
    const rows = seasons.get(h.metric) ?? [0, 1, 2].map(() => Array.from({ length: 12 }, () => 0));
    const row = rows[y];
    if (row) row[Number(h.month.slice(5, 7)) - 1] = (row[Number(h.month.slice(5, 7)) - 1] ?? 0) + h.count;
    seasons.set(h.metric, rows);
  }
  const codeOf = new Map([...owners.values()].map((o) => [o.id, o.code]));
  const ytd = new Map<string, UsageTotal>();
  const monthly: YearVolumes['monthly'] = [];
  for (const c of counts) {
    const owner = codeOf.get(c.ownerId);
    if (owner === undefined) continue;
    monthly.push({ owner, metric: c.metric, month: c.month, count: c.count });
    const key = `${owner}\u0000${c.metric}`;
    const total = ytd.get(key) ?? { owner, metric: c.metric, count: 0 };
    total.count += c.count;
    ytd.set(key, total);
  }
  const usage = [...ytd.values()]
    .map((u) => ({ ...u, count: forecastYear(u.count, monthsCounted, seasons.get(u.metric) ?? []) }))
    .filter((u) => u.count > 0)
    .sort((a, b) => (a.owner === b.owner ? (a.metric < b.metric ? -1 : 1) : a.owner < b.owner ? -1 : 1));
  return {
    basisYear,
    monthsCounted,
    usage,
    owners: new Map([...owners.values()].map((o) => [o.code, o])),
    monthly,
  };
}
