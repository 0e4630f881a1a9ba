// `niva usage import|adjust|close`: loaded when one of them runs.
import path from 'node:path';
import { problemPlace } from '../domain/usage-aggregate-rows.ts';
import { importUsageAggregates, type UsageImportReport } from '../services/import-usage-aggregates.ts';
import { usageFileKind } from '../services/usage-import-file.ts';
import { usageCatalogueFrom } from '../usage-config.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { readInputFile } from '../../../platform/cli/input-file.ts';
import { adjustUsage } from '../services/adjust-usage.ts';
import { closeUsageMonth } from '../services/usage-month-closing.ts';

/** Problems printed for a person; the JSON output always carries all of them. */
const shownProblems = 50;

export interface ImportOptions {
  metric?: string;
  owner?: string;
  dryRun?: boolean;
  json?: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function humanReport(report: UsageImportReport): string {
  const lines = report.errors.slice(0, shownProblems).map((e) => `${problemPlace(e)}: ${e.problem}`);
  if (report.errors.length > shownProblems) lines.push(`… and ${report.errors.length - shownProblems} more`);
  if (report.errors.length > 0) {
    lines.push(`${report.file}: ${plural(report.errors.length, 'problem')}; nothing was imported`);
    return lines.join('\n');
  }
  const span =
    report.months.length === 0
      ? 'no months'
      : `${plural(report.months.length, 'month')} (${report.months[0]} – ${report.months.at(-1)})`;
  const verb = report.dryRun ? 'would import' : 'imported';
  const note = report.dryRun ? ' (dry run: nothing was written)' : '';
  return `${report.file}: ${plural(report.rows, 'row')}, ${verb} ${plural(report.imported, 'figure')} (${report.replaced} replacing earlier ones) for ${span}; metrics ${report.metrics.join(', ') || 'none'}${note}`;
}

export async function usageImport(run: CliRun, file: string, opts: ImportOptions): Promise<void> {
  const content = readInputFile(file);
  const fileName = path.basename(file);
  // Refused before the database is opened: a wrong file is a usage error, not a problem of its rows.
  usageFileKind(fileName, content);
  const catalogue = usageCatalogueFrom((await run.config()).usage.file);
  const report = await run.withStore(
    async (store) =>
      importUsageAggregates(
        await run.context(store),
        {
          fileName,
          content,
          ...(opts.metric !== undefined ? { metric: opts.metric } : {}),
          ...(opts.owner !== undefined ? { owner: opts.owner } : {}),
          dryRun: !!opts.dryRun,
        },
        { catalogue },
      ),
    // A dry run does not even apply pending migrations: it promises to write nothing.
    { migrate: !opts.dryRun },
  );
  run.print(!!opts.json, { ...report }, humanReport(report));
  if (report.errors.length > 0) run.exitCode = 1;
}

export interface AdjustOptions {
  metric: string;
  month: string;
  owner?: string;
  service?: string;
  delta: string;
  reason: string;
  json?: boolean;
}

export async function usageAdjust(run: CliRun, opts: AdjustOptions): Promise<void> {
  if (!/^[+-]?\d+$/.test(opts.delta.trim()))
    throw new UsageError(`--delta: expected a whole number such as -1200 or 350: ${opts.delta}`);
  const catalogue = usageCatalogueFrom((await run.config()).usage.file);
  const adjustment = await run.withStore(async (store) =>
    adjustUsage(
      await run.context(store),
      {
        metric: opts.metric,
        month: opts.month,
        ...(opts.owner === undefined ? {} : { owner: opts.owner }),
        ...(opts.service === undefined ? {} : { service: opts.service }),
        delta: Number(opts.delta),
        reason: opts.reason,
      },
      catalogue,
    ),
  );
  run.print(
    !!opts.json,
    { ...adjustment },
    `${adjustment.metric} ${adjustment.month}${adjustment.ownerCode ? ` ${adjustment.ownerCode}` : ''}: ${adjustment.figureBefore} → ${adjustment.figureAfter} (adjustment ${adjustment.id})`,
  );
}

export async function usageClose(run: CliRun, opts: { month: string; json?: boolean }): Promise<void> {
  const closed = await run.withStore(async (store) => closeUsageMonth(await run.context(store), { month: opts.month }));
  run.print(
    !!opts.json,
    { ...closed },
    closed.alreadyClosed
      ? `${closed.month} was already closed`
      : `${closed.month} is closed; it changes only through adjustments from now on`,
  );
}
