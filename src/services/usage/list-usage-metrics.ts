import type { MetricDefinition } from '../../domain/usage/metric-catalogue.ts';
import { authorize } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import { builtInCatalogue, type UsageCatalogue } from './usage-settings.ts';

/** The metrics that have figures, in the report's order, with their names in each language. */
export function listUsageMetrics(
  ctx: ServiceContext,
  catalogue: UsageCatalogue = builtInCatalogue,
): readonly MetricDefinition[] {
  authorize(ctx.actor, 'usage.read');
  return catalogue.metrics;
}
