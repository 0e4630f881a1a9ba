import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './admin-commands.ts';
import { registerAvailabilityCommand } from './availability-command.ts';
import { registerBackupCommand } from './backup-command.ts';
import { registerCalendarCommands } from './calendar-commands.ts';
import { registerCaseCommands } from './case-commands.ts';
import { registerMailInCommand } from './mail-in-command.ts';
import { fail } from './output.ts';
import { registerServeCommands } from './serve-commands.ts';

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
    process.exit(error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2);
  }
  fail(error);
}
