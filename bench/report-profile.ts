/** bench:report's profile of the report collection: each part timed on its own, so a slow round can be explained. */
import { componentAvailabilityHistory } from '../src/modules/availability/services/component-availability-history.ts';
import { collectCaseFacts } from '../src/modules/reports/services/collect-compliance-facts.ts';
import { collectSharedReportParts, type ReportSettings } from '../src/modules/reports/services/collect-report-data.ts';
import { collectStatistics } from '../src/modules/reports/services/collect-statistics.ts';
import { reportPeriod } from '../src/modules/reports/services/report-scope.ts';
import { supportKpis } from '../src/modules/support/services/support-kpis.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { median, timed } from './bench-support.ts';

/** Where the collection's time goes: its parts timed one by one, medians of `rounds`. */
export async function profileCollection(
  ctx: ServiceContext,
  month: string,
  settings: ReportSettings,
  owners: readonly { id: string; code: string; name: string }[],
  rounds: number,
) {
  const components = await ctx.db.selectFrom('components').select('id').execute();
  const period = reportPeriod(month, ctx.clock.now());
  const parts = {
    shared: [] as number[],
    availability: [] as number[],
    supportMonths: [] as number[],
    supportWeeks: [] as number[],
    platformStatistics: [] as number[],
    platformCases: [] as number[],
    ownerStatistics: [] as number[],
    ownerCases: [] as number[],
  };
  for (let r = 0; r < rounds; r++) {
    parts.shared.push((await timed(() => collectSharedReportParts(ctx, month, settings)))[1]);
    parts.availability.push(
      (
        await timed(async () => {
          for (const c of components)
            await componentAvailabilityHistory(ctx, { componentId: c.id, months: 24, until: month });
        })
      )[1],
    );
    parts.supportMonths.push(
      (
        await timed(() =>
          supportKpis(ctx, { period: 'month', from: `${month.slice(0, 4)}-01`, to: month, line: 'brukerservice' }),
        )
      )[1],
    );
    parts.supportWeeks.push(
      (await timed(() => supportKpis(ctx, { period: 'week', from: month, to: month, line: 'brukerservice' })))[1],
    );
    parts.platformStatistics.push((await timed(() => collectStatistics(ctx, month, null, settings.catalogue)))[1]);
    parts.platformCases.push((await timed(() => collectCaseFacts(ctx, period, null)))[1]);
    // A tenth of the owners a round, as each owner's report sees them.
    const sample = owners.filter((_, i) => i % 10 === r % 10);
    parts.ownerStatistics.push(
      (
        await timed(async () => {
          for (const o of sample) await collectStatistics(ctx, month, o, settings.catalogue);
        })
      )[1] / Math.max(1, sample.length),
    );
    parts.ownerCases.push(
      (
        await timed(async () => {
          for (const o of sample) await collectCaseFacts(ctx, period, o);
        })
      )[1] / Math.max(1, sample.length),
    );
  }
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v)])) as Record<
    keyof typeof parts,
    number
  >;
}
