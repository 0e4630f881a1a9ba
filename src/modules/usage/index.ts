// The usage module's public surface: what other modules may import from it (the lint rule allows no other path in).
// Its manifest is in manifest.ts and is read by the composition only, so importing this never loads routers or pages.
export { metricYearRows, type MetricYearRow } from './domain/metric-year-rows.ts';
export { monthlyFigures } from './services/usage-figures.ts';
export type { UsageCatalogue } from './services/usage-settings.ts';
export { usageCatalogueFrom } from './usage-config.ts';
export { monthlyOwnerUsage, unclosedMonths, type OwnerMonthCount } from './services/owner-month-usage.ts';
export { metricIds } from './services/usage-settings.ts';
