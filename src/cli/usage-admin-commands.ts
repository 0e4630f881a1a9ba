import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { adjustUsage } from '../services/usage/adjust-usage.ts';
import { closeUsageMonth } from '../services/usage/usage-month-closing.ts';
import { usageCatalogueFrom } from '../usage-config.ts';
import { cliContext, withStore } from './admin-commands.ts';
import { print, UsageError } from './output.ts';

interface AdjustOptions {
  metric: string;
  month: string;
  owner?: string;
  service?: string;
  delta: string;
  reason: string;
  json?: boolean;
}

async function adjust(opts: AdjustOptions): Promise<void> {
  if (!/^[+-]?\d+$/.test(opts.delta.trim()))
    throw new UsageError(`--delta: expected a whole number such as -1200 or 350: ${opts.delta}`);
  const catalogue = usageCatalogueFrom(loadConfig().usage.file);
  const adjustment = await withStore((store) =>
    adjustUsage(
      cliContext(store),
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
  print(
    !!opts.json,
    { ...adjustment },
    `${adjustment.metric} ${adjustment.month}${adjustment.ownerCode ? ` ${adjustment.ownerCode}` : ''}: ${adjustment.figureBefore} → ${adjustment.figureAfter} (adjustment ${adjustment.id})`,
  );
}

async function close(opts: { month: string; json?: boolean }): Promise<void> {
  const closed = await withStore((store) => closeUsageMonth(cliContext(store), { month: opts.month }));
  print(
    !!opts.json,
    { ...closed },
    closed.alreadyClosed
      ? `${closed.month} was already closed`
      : `${closed.month} is closed; it changes only through adjustments from now on`,
  );
}

/** `usage adjust` and `usage close`, beside `usage import` in the same group. */
export function registerUsageAdminCommands(usage: Command): void {
  usage
    .command('adjust')
    .description("correct a month's figure by a signed amount (audited); the way a closed month changes")
    .requiredOption('--metric <id>', 'a metric id, e.g. messages_sent')
    .requiredOption('--month <yyyy-mm>', 'the month to correct')
    .option('--owner <code>', 'organisation code; without it the platform-wide figure')
    .option('--service <resource-id>', "one of the owner's services")
    .requiredOption('--delta <n>', 'a signed whole number, e.g. -1200')
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .option('--json', 'machine-readable output')
    .action(adjust);
  usage
    .command('close')
    .description('close a month of usage now rather than after the grace period (audited)')
    .requiredOption('--month <yyyy-mm>', 'the month to close')
    .option('--json', 'machine-readable output')
    .action(close);
}
