import { metricYearRows } from '../../usage/index.ts';
import type { ReportStatistic } from '../domain/report-data.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { monthlyFigures } from '../../usage/index.ts';
import type { UsageCatalogue } from '../../usage/index.ts';
import type { ReportOwner } from './report-scope.ts';

/** How many years the statistics tables show: the report's year and the three before it. */
export const statisticsYears = 4;

/** Only months up to the report month count: a report for February must not show March, even when March has data. */
function upTo(figures: Map<string, number>, month: string): Map<string, number> {
  return new Map([...figures].filter(([key]) => key <= month));
}

/**
 * The seven (or configured) statistics tables for the report month: each metric's months for the report year and the
 * three before, for the platform or for one owner; an owner's table also carries its share of the platform's month.
 */
export async function collectStatistics(
  ctx: ServiceContext,
  month: string,
  owner: ReportOwner | null,
  catalogue: UsageCatalogue,
  platformFigures?: ReadonlyMap<string, number | null>,
): Promise<ReportStatistic[]> {
  const year = Number(month.slice(0, 4));
  const years = Array.from({ length: statisticsYears }, (_, i) => year - statisticsYears + 1 + i);
  const range = { fromYear: year - statisticsYears, toYear: year };
  return Promise.all(
    catalogue.metrics.map(async (metric): Promise<ReportStatistic> => {
      const figures = upTo(
        await monthlyFigures(ctx.db, {
          metric: metric.id,
          ...range,
          scope: owner ? { kind: 'owner', ownerId: owner.id } : { kind: 'platform' },
        }),
        month,
      );
      let shareOfPlatform: number | null = null;
      if (owner) {
        const whole = platformFigures?.has(metric.id)
          ? (platformFigures.get(metric.id) ?? null)
          : await platformFigure(ctx, metric.id, month);
        const own = figures.get(month) ?? null;
        shareOfPlatform = whole === null || own === null || whole === 0 ? null : own / whole;
      }
      return { metricId: metric.id, names: metric.names, rows: metricYearRows(figures, years), shareOfPlatform };
    }),
  );
}

/** The platform's figure of a metric for one month; null when the month has none. */
export async function platformFigure(ctx: ServiceContext, metric: string, month: string): Promise<number | null> {
  const year = Number(month.slice(0, 4));
  return (
    (await monthlyFigures(ctx.db, { metric, fromYear: year, toYear: year, scope: { kind: 'platform' } })).get(month) ??
    null
  );
}

/** Every metric's platform figure for the month, read once for a run that makes many owners' reports. */
export async function platformFigures(
  ctx: ServiceContext,
  month: string,
  catalogue: UsageCatalogue,
): Promise<Map<string, number | null>> {
  return new Map(
    await Promise.all(catalogue.metrics.map(async (m) => [m.id, await platformFigure(ctx, m.id, month)] as const)),
  );
}
