import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { problemPlace } from '../domain/usage/usage-aggregate-rows.ts';
import { importUsageAggregates, type UsageImportReport } from '../services/usage/import-usage-aggregates.ts';
import { usageFileKind } from '../services/usage/usage-import-file.ts';
import { loadConfig } from '../config.ts';
import { usageCatalogueFrom } from '../usage-config.ts';
import { cliContext, withStore } from './admin-commands.ts';
import { print, UsageError } from './output.ts';

/** Problems printed for a person; the JSON output always carries all of them. */
const shownProblems = 50;

interface ImportOptions {
  metric?: string;
  owner?: string;
  dryRun?: boolean;
  json?: boolean;
}

function readFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`,
    );
  }
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

async function importCommand(file: string, opts: ImportOptions): Promise<void> {
  const content = readFile(file);
  const fileName = path.basename(file);
  // Refused before the database is opened: a wrong file is a usage error, not a problem of its rows.
  usageFileKind(fileName, content);
  const catalogue = usageCatalogueFrom(loadConfig().usage.file);
  const report = await withStore(
    (store) =>
      importUsageAggregates(
        cliContext(store),
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
  print(!!opts.json, { ...report }, humanReport(report));
  if (report.errors.length > 0) process.exitCode = 1;
}

/** `niva usage …`: metering commands. Further subcommands join this group. */
export function registerUsageCommands(program: Command): Command {
  const usage = program.command('usage').description('usage metering: monthly figures per metric, owner and service');
  usage
    .command('import')
    .description(
      'import monthly figures from a CSV or XLSX file (see docs/usage-import.md); a file with any problem imports nothing',
    )
    .argument(
      '<file>',
      'a .csv or .xlsx file: wide (year, jan … dec for one metric) or long (metric,year,month,count[,owner][,service])',
    )
    .option('--metric <id>', 'the metric of a wide table (a workbook may instead name each sheet by its metric)')
    .option('--owner <code>', 'organisation code of the owner of every figure (long rows may name their own)')
    .option('--dry-run', 'check everything and write nothing')
    .option(
      '--json',
      'machine-readable output: {file, shape, dryRun, rows, imported, replaced, months, metrics, errors}',
    )
    .action(importCommand);
  return usage;
}
