// The support module's public surface: what other modules may import from it (the lint rule allows no other path in).
// Its manifest is in manifest.ts and is read by the composition only, so importing this never loads routers or pages.
export { monthPeriod, type Period } from './domain/support-periods.ts';
export type { KpiValue, SupportPeriodKpis } from './domain/support-targets.ts';
export { supportKpis } from './services/support-kpis.ts';
