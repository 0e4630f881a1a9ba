import { z } from 'zod';
import type { MetricDefinition } from '../domain/metric-catalogue.ts';
import { type MetricYearRow, metricYearRows } from '../domain/metric-year-rows.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import {
  defaultUsageScope,
  type FigureScope,
  findUsageOwner,
  monthlyFigures,
  type UsageOwner,
} from './usage-figures.ts';
import { builtInCatalogue, type UsageCatalogue } from './usage-settings.ts';

export const firstStatisticsYear = 1970;
export const lastStatisticsYear = 9999;
export const yearSchema = z.number().int().min(firstStatisticsYear).max(lastStatisticsYear);

export const metricYearTableInput = z.object({
  metric: z.string().min(1).max(63),
  /** Any years, in any order; the table lists each once, oldest first. */
  years: z.array(yearSchema).min(1).max(20),
  /** An owner's organisation code; absent: the platform (operator side) or the actor's own owner. */
  owner: z.string().min(1).max(64).optional(),
});
export type MetricYearTableInput = z.input<typeof metricYearTableInput>;

export type { MetricYearRow };

export interface MetricYearTable {
  metric: MetricDefinition;
  /** The owner the figures are for; null for the whole platform (platform-wide '' rows included). */
  owner: UsageOwner | null;
  rows: MetricYearRow[];
}

/**
 * A metric's monthly figures for whole years (Europe/Oslo months), with yearly totals and the change against the
 * year before — the table of the monthly service report. All years come from one grouped query, the year before
 * the earliest included, so every row has its comparison.
 */
export async function metricYearTable(
  ctx: ServiceContext,
  input: MetricYearTableInput,
  catalogue: UsageCatalogue = builtInCatalogue,
): Promise<MetricYearTable> {
  authorize(ctx.actor, 'usage.read');
  const data = parseInput(metricYearTableInput, input, ctx);
  const metric = catalogue.metrics.find((m) => m.id === data.metric);
  if (!metric)
    throw AppError.field('metric', `unknown metric; one of ${catalogue.metrics.map((m) => m.id).join(', ')}`);
  let scope: FigureScope;
  let owner: UsageOwner | null;
  if (data.owner === undefined) {
    ({ scope, owner } = await defaultUsageScope(ctx, ctx.actor));
  } else {
    owner = await findUsageOwner(ctx, data.owner);
    scope = { kind: 'owner', ownerId: owner.id };
  }
  const first = Math.min(...data.years);
  const last = Math.max(...data.years);
  const figures = await monthlyFigures(ctx.db, {
    metric: metric.id,
    fromYear: Math.max(firstStatisticsYear, first - 1),
    toYear: last,
    scope,
  });
  const rows = metricYearRows(figures, data.years);
  return { metric, owner, rows };
}
