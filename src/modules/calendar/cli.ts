// The calendar module's part of the command line (see ModuleCli), loaded when `niva` starts: its command registrations,
// and no web, API or service code.
import type { ModuleCli } from '../../platform/module-manifest.ts';
import { registerCalendarCommands } from './cli/calendar-commands.ts';

export const cli = {
  commands: [{ order: 30, register: registerCalendarCommands }],
} satisfies ModuleCli;
