// The support module's part of the command line (see ModuleCli), loaded when `niva` starts: its command registrations
// and a loader for its UI texts, and no web, API or service code.
import type { ModuleCli } from '../../platform/module-manifest.ts';
import { registerSupportCommands } from './cli/support-commands.ts';

export const cli = {
  commands: [{ order: 70, register: registerSupportCommands }],
  messages: () => import('./i18n/catalogue.ts').then((catalogue) => catalogue.messages),
} satisfies ModuleCli;
