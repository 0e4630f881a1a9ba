// What a module contributes to the program. Each module declares it once, in src/modules/<module>/manifest.ts, and the
// composition assembles every module's from one list, src/app/modules.ts. This file is the shape only: platform imports
// no module.
import type { Command } from 'commander';
import type { Hono, Schema } from 'hono';
import type { CliRun } from './cli/cli-run.ts';
import type { Config } from './config/config.ts';
import type { ModuleSettings } from './config/module-settings.ts';
import type { Store } from './db/database.ts';
import type { CalendarRegistry } from './domain/calendar/calendar-registry.ts';
import type { Clock } from './domain/clock.ts';
import type { AppEnv } from './http/env.ts';
import type { ModuleMessages } from './i18n/messages.ts';
import type { JobKind, MailJobKind } from './jobs/job-kinds.ts';
import type { JobHandler, PeriodicTask } from './jobs/runner.ts';
import type { SendMail } from './mail/mail-transport.ts';
import type { OutboundPolicy } from './net/outbound-url.ts';
import type { ServiceContext } from './services/context.ts';
import type { NavEntry } from './web/layout.tsx';

/**
 * Contributions that are mounted, listed or run in sequence carry `order`: the composition sorts every module's
 * contributions of one kind by it (equal orders keep the order of src/app/modules.ts). Route matching, the OpenAPI
 * document, the menu, `niva --help` and the periodic tasks all follow it; the numbers go in tens so that a module can
 * place a contribution between two of another module's.
 */
export interface Ordered {
  readonly order: number;
}

/**
 * A router made with `apiRouter()` (an OpenAPIHono), mounted under /api/v1: its routes join the OpenAPI document and
 * the route-matrix test. Typed as a Hono because a router's chained plain routes (e.g. `.post(…)`) are typed so.
 */
export interface ApiContribution extends Ordered {
  readonly router: Hono<AppEnv, Schema, string>;
}

/** A router of server-rendered pages (or feeds), mounted at the root. */
export interface PageContribution extends Ordered {
  readonly router: Hono<AppEnv, Schema, string>;
}

/** A link of the main menu. */
export interface NavContribution extends NavEntry, Ordered {}

/** Declares commands on the program. It only declares options: each action imports its code when it runs. */
export type RegisterCommands = (program: Command, run: CliRun) => void;

export interface CommandContribution extends Ordered {
  readonly register: RegisterCommands;
}

/**
 * The part of a module the command line loads at start-up, in its own light file (src/modules/<module>/cli.ts): no
 * web, API or service code, so that `niva --help` stays fast. The composition lists them in src/app/cli-modules.ts.
 */
export interface ModuleCli {
  readonly commands: readonly CommandContribution[];
  /** The manifest's `messages`, loaded only when a command needs them (`CliRun.loadMessages`). */
  readonly messages?: () => Promise<ModuleMessages>;
}

/** What job handlers are built from, once per process that runs jobs. */
export interface JobDeps {
  store: Store;
  clock: Clock;
  /** Case notices record events on cases, whose clocks run on these calendars. */
  calendars: CalendarRegistry;
  /** The origin links in e-mails point to. */
  publicUrl: string;
  /** Signs the unsubscribe links in status e-mails; the web app checks them with the same key. */
  linkSecret: string;
  /** What webhooks may reach (`NIVA_OUTBOUND_ALLOW` and the resolver). */
  outbound: OutboundPolicy;
}

/**
 * The handler of one job kind. Kinds that send e-mail get the process's mail sender; without `NIVA_SMTP_URL` the
 * composition gives them a handler that dead-letters the job at once, naming the missing setting, instead.
 */
export type JobRegistration =
  | { readonly kind: Exclude<JobKind, MailJobKind>; readonly sendsMail?: false; handler(deps: JobDeps): JobHandler }
  | { readonly kind: MailJobKind; readonly sendsMail: true; handler(deps: JobDeps & { send: SendMail }): JobHandler };

/** What periodic tasks are built from, once per job runner. */
export interface TaskDeps extends ModuleSettings {
  config: Config;
  /** An operation context acting as the system, under `actorLabel` in the audit log. */
  systemContext: (actorLabel: string) => ServiceContext;
  /** What probes may reach. */
  outbound: OutboundPolicy;
}

/** Work every job runner does on a schedule beside the queued jobs. */
export interface ScheduledTask extends PeriodicTask, Ordered {}

export interface ModuleManifest {
  /** The folder name under src/modules. */
  readonly name: string;
  readonly api?: readonly ApiContribution[];
  readonly pages?: readonly PageContribution[];
  readonly nav?: readonly NavContribution[];
  /** One handler per job kind the module queues; the composition checks that every declared kind has one. */
  readonly jobs?: readonly JobRegistration[];
  readonly tasks?: (deps: TaskDeps) => readonly ScheduledTask[];
  /**
   * The module's UI texts. Their keys join `MessageKey` by declaration merging (see `MessageCatalogues`), so nynorsk
   * or English missing a key fails to compile in the module's own catalogue files.
   */
  readonly messages?: ModuleMessages;
}

/** Declares a manifest, keeping its literal types (name, job kinds, message keys) for the composition's checks. */
export function defineModule<const Manifest extends ModuleManifest>(manifest: Manifest): Manifest {
  return manifest;
}

/** The job kinds a manifest handles. */
export type JobKindsOf<Manifest> = Manifest extends { readonly jobs: readonly (infer Registration)[] }
  ? Registration extends { readonly kind: infer Kind }
    ? Kind
    : never
  : never;

/** The message keys a manifest brings. */
export type MessageKeysOf<Manifest> = Manifest extends { readonly messages: { readonly nb: infer Catalogue } }
  ? keyof Catalogue & string
  : never;
