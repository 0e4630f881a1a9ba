import type { Command } from 'commander';
import { policies } from '../../../platform/domain/sla/policies.ts';
import type { CliRun } from '../../../platform/cli/cli-run.ts';

const actions = () => import('./calendar-actions.ts');

export function registerCalendarCommands(program: Command, run: CliRun): void {
  const calendar = program.command('calendar').description('business-calendar arithmetic');
  calendar
    .command('due')
    .description('when N hours of open time, or N business days, have passed after a start')
    .requiredOption(
      '--calendar <id>',
      'always, business-days, servicedesk, brukerservice, studio-hours, or one declared in NIVA_CALENDARS_FILE',
    )
    .requiredOption('--start <iso>', 'start instant, ISO 8601')
    .option('--hours <h>', 'hours of open time (decimals allowed)')
    .option('--business-days <n>', 'business days after the day of the start, ending at closing')
    .option('--json', 'machine-readable output')
    .action(async (opts: { calendar: string; start: string; hours?: string; businessDays?: string; json?: boolean }) =>
      (await actions()).calendarDue(run, opts),
    );
  calendar
    .command('elapsed')
    .description('open time between two instants, in seconds')
    .requiredOption('--calendar <id>', 'calendar id')
    .requiredOption('--from <iso>', 'from instant, ISO 8601')
    .requiredOption('--to <iso>', 'to instant, ISO 8601')
    .option('--json', 'machine-readable output')
    .action(async (opts: { calendar: string; from: string; to: string; json?: boolean }) =>
      (await actions()).calendarElapsed(run, opts),
    );

  program
    .command('sla')
    .description('contract deadlines')
    .command('due')
    .description('the deadline of a clock policy for a case registered at an instant')
    .requiredOption(
      '--policy <id>',
      `one of ${policies
        .filter((p) => p.kind === 'clock')
        .map((p) => p.id)
        .join(', ')}`,
    )
    .requiredOption('--registered <iso>', 'registration instant, ISO 8601')
    .option('--json', 'machine-readable output')
    .action(async (opts: { policy: string; registered: string; json?: boolean }) =>
      (await actions()).slaDue(run, opts),
    );

  program
    .command('notice')
    .description('announcement lead times')
    .command('check')
    .description('whether an announcement was in time for a start, and the latest moment it could be made')
    .requiredOption('--policy <id>', 'maintenance-notice, change-notice, major-change-notice or emergency-change')
    .requiredOption('--announced <iso>', 'announcement instant, ISO 8601')
    .requiredOption('--start <iso>', 'start of the maintenance or change, ISO 8601')
    .option('--json', 'machine-readable output')
    .action(async (opts: { policy: string; announced: string; start: string; json?: boolean }) =>
      (await actions()).noticeCheck(run, opts),
    );
}
