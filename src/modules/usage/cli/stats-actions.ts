import { isAppError } from '../../../platform/services/app-error.ts';
import { lastStatisticsYear, firstStatisticsYear, metricYearTable } from '../services/usage-statistics.ts';
import { usageCatalogueFrom } from '../usage-config.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';

export interface StatsOptions {
  metric: string;
  year: string;
  owner?: string;
  json?: boolean;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function yearArg(value: string): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= firstStatisticsYear && year <= lastStatisticsYear))
    throw new UsageError(`--year: expected a year as YYYY: ${value}`);
  return year;
}

/** `1234567` as `1 234 567`, the way the report writes its figures. */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export async function stats(run: CliRun, opts: StatsOptions): Promise<void> {
  const year = yearArg(opts.year);
  const catalogue = usageCatalogueFrom((await run.config()).usage.file);
  const metric = catalogue.metrics.find((m) => m.id === opts.metric);
  if (!metric)
    throw new UsageError(
      `--metric: unknown metric ${opts.metric}; one of ${catalogue.metrics.map((m) => m.id).join(', ')}`,
    );
  const table = await run.withStore(async (store) => {
    try {
      return await metricYearTable(
        await run.context(store),
        { metric: metric.id, years: [year], ...(opts.owner === undefined ? {} : { owner: opts.owner }) },
        catalogue,
      );
    } catch (error) {
      if (isAppError(error) && error.fields.some((f) => f.field === 'owner'))
        throw new UsageError(`--owner: no such owner: ${opts.owner ?? ''}`);
      throw error;
    }
  });
  const row = table.rows[0];
  const months = row?.months ?? Array.from({ length: 12 }, () => null);
  // The scripts contract: the total is the sum of the months with figures, 0 when none has.
  const total = row?.total ?? 0;
  const width = Math.max(1, ...months.map((m) => (m === null ? 1 : grouped(m).length)), grouped(total).length);
  const human = [
    `${metric.names.en} (${metric.id}), ${year}, ${table.owner === null ? 'whole platform' : `${table.owner.name} (${table.owner.code})`}`,
    ...months.map((m, i) => `${monthNames[i] ?? ''}    ${(m === null ? '–' : grouped(m)).padStart(width)}`),
    `Total  ${grouped(total).padStart(width)}`,
  ].join('\n');
  run.print(!!opts.json, { metric: metric.id, year, months, total }, human);
}
