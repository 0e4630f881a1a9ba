import type { Command } from 'commander';
import { reportFormats } from '../render/report-formats.ts';
import type { CliRun } from '../../../platform/cli/cli-run.ts';
import type { ReportOptions } from './report-run.ts';

export function registerReportCommand(program: Command, run: CliRun): void {
  program
    .command('report')
    .description(
      'the monthly service report from live data (platform, or one owner with --owner), as HTML, PDF, XLSX or one table as CSV',
    )
    .option('--month <yyyy-mm>', 'the month (Europe/Oslo); default: the previous month')
    .option('--owner <code>', "an owner's report: its own volumes, incidents and share")
    .option('--format <format>', `one of ${reportFormats.join(', ')}`, 'pdf')
    .requiredOption('--out <file>', 'where to write it')
    .option('--lang <lang>', 'nb (default), nn or en', 'nb')
    .option('--table <id>', 'with --format csv: which table, e.g. statistics-messages_sent, compliance')
    .option('--archive', 'also archive it as a new version and mail it to the subscribers')
    .option('--json', 'machine-readable output')
    .action(async (opts: ReportOptions) => {
      // The report is laid out in a language: its texts are loaded with the command's code.
      const [{ report }] = await Promise.all([import('./report-run.ts'), run.loadMessages()]);
      await report(run, opts);
    });
}
