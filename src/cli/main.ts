import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './admin-commands.ts';
import { registerAvailabilityCommand } from './availability-command.ts';
import { registerBackupCommand } from './backup-command.ts';
import { registerCalendarCommands } from './calendar-commands.ts';
import { registerCaseCommands } from './case-commands.ts';
import { registerEventsCommand } from './events-command.ts';
import { registerMailInCommand } from './mail-in-command.ts';
import { fail } from './output.ts';
import { registerReportCommand } from './report-command.ts';
import { registerServeCommands } from './serve-commands.ts';
import { registerSupportCommands } from './support-commands.ts';
import { registerStatsCommand } from './stats-command.ts';
import { registerUsageAdminCommands } from './usage-admin-commands.ts';
import { registerUsageCommands } from './usage-commands.ts';

const program = new Command('niva')
  .description('Nivå: service levels, cases, availability and reports for the shared platform')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerServeCommands(program);
registerAdminCommands(program);
registerBackupCommand(program);
registerCalendarCommands(program);
registerAvailabilityCommand(program);
registerCaseCommands(program);
registerMailInCommand(program);
registerSupportCommands(program);
registerUsageAdminCommands(registerUsageCommands(program));
registerStatsCommand(program);
registerEventsCommand(program);
registerReportCommand(program);

function exitOverrideAll(command: Command): void {
  command.exitOverride();
  command.commands.forEach(exitOverrideAll);
}
exitOverrideAll(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line message (or the help text).
    process.exit(
      error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? 0
        : 2,
    );
  }
  fail(error);
}
