import type { MetricDefinition } from '../domain/metric-catalogue.ts';
import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { builtInCatalogue, type UsageCatalogue } from './usage-settings.ts';

/** The metrics that have figures, in the report's order, with their names in each language. */
export function listUsageMetrics(
  ctx: ServiceContext,
  catalogue: UsageCatalogue = builtInCatalogue,
): readonly MetricDefinition[] {
  authorize(ctx.actor, 'usage.read');
  return catalogue.metrics;
}
