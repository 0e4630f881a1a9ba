// The program's modules, in order: each one's manifest (src/modules/<module>/manifest.ts). A module's index.ts is its
// public surface for other modules and does not load the manifest, which would pull its routers and pages along.
// Adding a module is one line here (and its light CLI part in cli-modules.ts, which the compiler asks for). The HTTP
// app, the job handlers, the periodic tasks, the menu and the UI texts are all assembled from this list; the order
// breaks ties between contributions with the same `order`.
import { manifest as access } from '../modules/access/manifest.ts';
import { manifest as availability } from '../modules/availability/manifest.ts';
import { manifest as billing } from '../modules/billing/manifest.ts';
import { manifest as calendar } from '../modules/calendar/manifest.ts';
import { manifest as cases } from '../modules/cases/manifest.ts';
import { manifest as mailIn } from '../modules/mail-in/manifest.ts';
import { manifest as reports } from '../modules/reports/manifest.ts';
import { manifest as support } from '../modules/support/manifest.ts';
import { manifest as usage } from '../modules/usage/manifest.ts';
import type { ModuleManifest } from '../platform/module-manifest.ts';
import { installMessages } from './messages.ts';

export const modules = [
  access,
  calendar,
  cases,
  mailIn,
  availability,
  usage,
  support,
  reports,
  billing,
] as const satisfies readonly ModuleManifest[];

export type ModuleName = (typeof modules)[number]['name'];

/** The list as the composition reads it. */
export const manifests: readonly ModuleManifest[] = modules;

let messagesInstalled = false;

/** Installs the platform's and every module's UI texts, once per process (the app and the job runner both need them). */
export function installComposedMessages(): void {
  if (messagesInstalled) return;
  installMessages(manifests.map((m) => m.messages));
  messagesInstalled = true;
}
