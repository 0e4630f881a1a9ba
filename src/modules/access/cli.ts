// The access module's part of the command line (see ModuleCli), loaded when `niva` starts: its command registrations
// and a loader for its UI texts, and no web, API or service code.
import type { ModuleCli } from '../../platform/module-manifest.ts';
import { registerAdminCommands } from './cli/admin-commands.ts';
import { registerBackupCommand } from './cli/backup-command.ts';

export const cli = {
  commands: [
    { order: 10, register: registerAdminCommands },
    { order: 20, register: registerBackupCommand },
  ],
  messages: () => import('./i18n/catalogue.ts').then((catalogue) => catalogue.messages),
} satisfies ModuleCli;
