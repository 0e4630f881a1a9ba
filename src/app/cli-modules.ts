// The command line's view of modules.ts: each module's light cli.ts (its command registrations, and a loader for its
// UI texts), so that `niva` starts without loading any web, API or service code. The modules' manifests include the
// same objects (test/app/modules.test.ts checks it); the type below makes a module of modules.ts missing here, or one
// not there, a compile error. Only types are imported from modules.ts, so none of its imports load at run time.
import { cli as access } from '../modules/access/cli.ts';
import { cli as availability } from '../modules/availability/cli.ts';
import { cli as billing } from '../modules/billing/cli.ts';
import { cli as calendar } from '../modules/calendar/cli.ts';
import { cli as cases } from '../modules/cases/cli.ts';
import { cli as mailIn } from '../modules/mail-in/cli.ts';
import { cli as reports } from '../modules/reports/cli.ts';
import { cli as support } from '../modules/support/cli.ts';
import { cli as usage } from '../modules/usage/cli.ts';
import type { ModuleCli } from '../platform/module-manifest.ts';
import type { ModuleName } from './modules.ts';

export const cliModules = {
  access,
  calendar,
  cases,
  'mail-in': mailIn,
  availability,
  usage,
  support,
  reports,
  billing,
} as const satisfies Record<ModuleName, ModuleCli>;

/**
 * Loads the platform's UI texts and every module's through these light parts and installs them: for the commands
 * that translate (`CliRun.loadMessages`), and for tests that lay out text without the HTTP app or the job handlers.
 */
export async function installModuleMessages(): Promise<void> {
  const modulesCli: readonly ModuleCli[] = Object.values(cliModules);
  const [{ installMessages }, ...moduleMessages] = await Promise.all([
    import('./messages.ts'),
    ...modulesCli.map((m) => m.messages?.()),
  ]);
  installMessages(moduleMessages);
}
