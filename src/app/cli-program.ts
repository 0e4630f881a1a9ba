// The `niva` program: a factory, so the binary and the tests run the same commands, the tests in-process.
import { Command, CommanderError } from 'commander';
import { CliRun, type CliIo } from '../platform/cli/cli-run.ts';
import { errorOutcome } from '../platform/cli/output.ts';
import type { ModuleCli } from '../platform/module-manifest.ts';
import { cliModules, installModuleMessages } from './cli-modules.ts';
import { ordered } from './ordered.ts';
import { registerServeCommands } from './serve-commands.ts';

const modulesCli: readonly ModuleCli[] = Object.values(cliModules);

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
  for (const { register } of ordered(modulesCli.map((m) => m.commands))) register(program, run);
  return program;
}

const helpCodes = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/**
 * Runs one command line (without the `node niva` prefix) and resolves to its exit code: 0, 1 for a failure, 2 for bad
 * input. Errors are one readable line on stderr, never a stack trace. Long-running commands (serve, worker, mail-in)
 * resolve once they have started; the process keeps running until it is signalled.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const run = new CliRun(io, installModuleMessages);
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
