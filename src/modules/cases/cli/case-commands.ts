import type { Command } from 'commander';
import { caseKinds } from '../domain/case-types.ts';
import type { CliRun } from '../../../platform/cli/cli-run.ts';
import type { ImportOptions, ListOptions } from './case-actions.ts';

const actions = () => import('./case-actions.ts');

export function registerCaseCommands(program: Command, run: CliRun): void {
  const kase = program
    .command('case')
    .description('cases: import from other systems, list with SLA clocks, recompute clocks');
  kase
    .command('import')
    .description(
      'register cases with their history from a CSV file (columns: external_id, type, category, owner, title, registered_at, work_started_at, workaround_at, resolved_at, feedback_at; optional description, closed_at, qualified_at, service). Valid rows are imported, invalid ones reported as "row N, column C: problem" and skipped (exit 1); rows whose external_id is known are left unchanged',
    )
    .argument(
      '<file>',
      'CSV file, comma or semicolon separated, UTF-8; instants in ISO 8601, an empty cell for what did not happen',
    )
    .option('--map <pairs>', 'source header names for columns, e.g. "external_id=Ticket ID,registered_at=Opened"')
    .option('--dry-run', 'check every row as the import would, and write nothing')
    .option(
      '--kind-default <type>',
      `the type of rows whose type cell is empty (makes the type column optional): ${caseKinds.join(', ')}`,
    )
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: ImportOptions) => (await actions()).caseImport(run, file, opts));
  kase
    .command('list')
    .description('cases with their SLA clocks (all pages), newest registration first')
    .option('--owner <code>', 'only this service owner’s cases')
    .option(
      '--state <state>',
      'open (work outstanding), closed (resolved or closed, i.e. no longer open) or all (default)',
    )
    .option('--at <iso>', 'evaluate the SLA clocks at this instant, ISO 8601 (default: now)')
    .option('--limit <n>', 'at most this many cases')
    .option(
      '--json',
      'a JSON array: externalId, reference, type, category, owner, status, sla [{policy, due, state}], …',
    )
    .action(async (opts: ListOptions) => (await actions()).caseList(run, opts));
  kase
    .command('recompute')
    .description(
      'replay every case’s event log and repair stored clocks that disagree with it (after a rule or calendar change)',
    )
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => (await actions()).caseRecompute(run, opts));
}
