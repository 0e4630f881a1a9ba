// The usage module's part of the command line (see ModuleCli), loaded when `niva` starts: its command registrations
// and a loader for its UI texts, and no web, API or service code.
import type { ModuleCli } from '../../platform/module-manifest.ts';
import { registerUsageCommands } from './cli/usage-commands.ts';
import { registerStatsCommand } from './cli/stats-command.ts';
import { registerEventsCommand } from './cli/events-command.ts';

export const cli = {
  commands: [
    { order: 80, register: registerUsageCommands },
    { order: 90, register: registerStatsCommand },
    { order: 100, register: registerEventsCommand },
  ],
  messages: () => import('./i18n/catalogue.ts').then((catalogue) => catalogue.messages),
} satisfies ModuleCli;
