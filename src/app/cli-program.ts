// The `niva` program: a factory, so the binary and the tests run the same commands, the tests in-process.
import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from '../modules/access/cli/admin-commands.ts';
import { registerAvailabilityCommand } from '../modules/availability/cli/availability-command.ts';
import { registerBackupCommand } from '../modules/access/cli/backup-command.ts';
import { registerCalendarCommands } from '../modules/calendar/cli/calendar-commands.ts';
import { registerCaseCommands } from '../modules/cases/cli/case-commands.ts';
import { CliRun, type CliIo } from '../platform/cli/cli-run.ts';
import { registerEventsCommand } from '../modules/usage/cli/events-command.ts';
import { registerMailInCommand } from '../modules/mail-in/cli/mail-in-command.ts';
import { errorOutcome } from '../platform/cli/output.ts';
import { registerReportCommand } from '../modules/reports/cli/report-command.ts';
import { registerServeCommands } from './serve-commands.ts';
import { registerStatsCommand } from '../modules/usage/cli/stats-command.ts';
import { registerSupportCommands } from '../modules/support/cli/support-commands.ts';
import { registerUsageCommands } from '../modules/usage/cli/usage-commands.ts';

/** Every command of `niva`. Registration only declares options: each action loads its code when it runs. */
export function createProgram(run: CliRun): Command {
  const program = new Command('niva')
    .description('Nivå: service levels, cases, availability and reports for the shared platform')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => run.io.stdout.write(text),
      writeErr: (text) => run.io.stderr.write(text),
    })
    .exitOverride();
  // Subcommands copy these settings when they are created, so they are set before any is registered.
  registerServeCommands(program, run);
  registerAdminCommands(program, run);
  registerBackupCommand(program, run);
  registerCalendarCommands(program, run);
  registerAvailabilityCommand(program, run);
  registerCaseCommands(program, run);
  registerMailInCommand(program, run);
  registerSupportCommands(program, run);
  registerUsageCommands(program, run);
  registerStatsCommand(program, run);
  registerEventsCommand(program, run);
  registerReportCommand(program, run);
  return program;
}

const helpCodes = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/**
 * Runs one command line (without the `node niva` prefix) and resolves to its exit code: 0, 1 for a failure, 2 for bad
 * input. Errors are one readable line on stderr, never a stack trace. Long-running commands (serve, worker, mail-in)
 * resolve once they have started; the process keeps running until it is signalled.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const run = new CliRun(io);
  try {
    await createProgram(run).parseAsync([...args], { from: 'user' });
    return run.exitCode;
  } catch (error) {
    // Commander has already printed its own one-line message (or the help text).
    if (error instanceof CommanderError) return helpCodes.has(error.code) ? 0 : 2;
    const outcome = errorOutcome(error);
    io.stderr.write(`niva: ${outcome.message}\n`);
    return outcome.code;
  }
}
