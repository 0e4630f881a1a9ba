// The mail-in module's part of the command line (see ModuleCli), loaded when `niva` starts: its command registrations
// and a loader for its UI texts, and no web, API or service code.
import type { ModuleCli } from '../../platform/module-manifest.ts';
import { registerMailInCommand } from './cli/mail-in-command.ts';

export const cli = {
  commands: [{ order: 60, register: registerMailInCommand }],
  messages: () => import('./i18n/catalogue.ts').then((catalogue) => catalogue.messages),
} satisfies ModuleCli;
