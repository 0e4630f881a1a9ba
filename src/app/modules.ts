// The program's modules, in order: each one's manifest (src/modules/<module>/manifest.ts) through its index.ts.
// Adding a module is one line here (and its light CLI part in cli-modules.ts, which the compiler asks for). The HTTP
// app, the job handlers, the periodic tasks, the menu and the UI texts are all assembled from this list; the order
// breaks ties between contributions with the same `order`.
import { manifest as access } from '../modules/access/index.ts';
import { manifest as availability } from '../modules/availability/index.ts';
import { manifest as calendar } from '../modules/calendar/index.ts';
import { manifest as cases } from '../modules/cases/index.ts';
import { manifest as mailIn } from '../modules/mail-in/index.ts';
import { manifest as reports } from '../modules/reports/index.ts';
import { manifest as support } from '../modules/support/index.ts';
import { manifest as usage } from '../modules/usage/index.ts';
import type { ModuleManifest } from '../platform/module-manifest.ts';

export const modules = [
  access,
  calendar,
  cases,
  mailIn,
  availability,
  usage,
  support,
  reports,
] as const satisfies readonly ModuleManifest[];

export type ModuleName = (typeof modules)[number]['name'];
