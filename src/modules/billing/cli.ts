// The billing module's part of the command line (see ModuleCli), loaded when `niva` starts: its command registrations
// and a loader for its UI texts, and no web, API or service code.
import type { ModuleCli } from '../../platform/module-manifest.ts';
import { registerBillingCommands } from './cli/billing-commands.ts';

export const cli = {
  commands: [{ order: 75, register: registerBillingCommands }],
  messages: () => import('./i18n/catalogue.ts').then((catalogue) => catalogue.messages),
} satisfies ModuleCli;
