import type { Command } from 'commander';
import type { CliRun } from '../../../platform/cli/cli-run.ts';

const actions = () => import('./billing-actions.ts');

export function registerBillingCommands(program: Command, run: CliRun): void {
  const billing = program
    .command('billing')
    .description('billing: run a year or a provisional quarter, write statements, compare the financing alternatives');
  billing
    .command('run')
    .description(
      'bill a year (or a provisional quarter on account) for every owner; a second run issues only corrections',
    )
    .requiredOption('--year <yyyy>', 'the year')
    .option('--quarter <q>', '1–4: a provisional quarter, billing the year to date')
    .option('--dry-run', 'rate and show; issue nothing')
    .option('--json', 'machine-readable output (last line of stdout)')
    .action(async (opts: { year: string; quarter?: string; dryRun?: boolean; json?: boolean }) =>
      (await actions()).billingRun(run, opts),
    );
  billing
    .command('statement')
    .description("write an owner's statement of a year as PDF, CSV, XLSX or EHF (Peppol BIS Billing 3.0)")
    .requiredOption('--owner <code>', "the owner's code")
    .requiredOption('--year <yyyy>', 'the year')
    .option('--number <number>', 'which statement (default: the latest of the year)')
    .requiredOption('--format <format>', 'pdf, csv, xlsx or ehf')
    .requiredOption('--out <file>', 'where to write it')
    .option('--lang <lang>', 'nb, nn or en', 'nb')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        owner: string;
        year: string;
        number?: string;
        format: string;
        out: string;
        lang: string;
        json?: boolean;
      }) => (await actions()).billingStatement(run, opts),
    );
  billing
    .command('scenario')
    .description('what a financing alternative (0–5) would mean for the budget year, in total and per owner')
    .option('--alternative <n>', 'the alternative, 0–5 (default: all side by side)')
    .requiredOption('--year <yyyy>', 'the budget year')
    .option('--extra-need-mnok <x>', "total need above today's level, in MNOK (seed 003's example: 60)")
    .option('--growth <list>', 'volume growth per product in per cent, e.g. digital-post=5,data-exchange=-2')
    .option('--json', 'machine-readable output (last line of stdout)')
    .action(
      async (opts: { alternative?: string; year: string; extraNeedMnok?: string; growth?: string; json?: boolean }) =>
        (await actions()).billingScenario(run, opts),
    );
  billing
    .command('verify')
    .description('rate a statement again from its stored snapshot and show that it matches')
    .requiredOption('--number <number>', 'the statement number, e.g. 2026-00001')
    .option('--json', 'machine-readable output')
    .action(async (opts: { number: string; json?: boolean }) => (await actions()).billingVerify(run, opts));
}
