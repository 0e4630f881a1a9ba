import type { Logger } from 'pino';
import { createLogger } from '../platform/logging/logger.ts';
import type { Config } from '../platform/config/config.ts';
import { type Clock, systemClock } from '../platform/domain/clock.ts';
import { calendarRegistryFrom } from '../platform/calendar-config.ts';
import { usageSettingsFrom } from '../modules/usage/usage-config.ts';
import type { CalendarRegistry } from '../platform/domain/calendar/calendar-registry.ts';
import { createApp, type App } from './http-app.tsx';
import { createMetrics } from '../platform/http/metrics.ts';
import { createRateLimiter } from '../platform/http/middleware/rate-limit.ts';
import { defaultJobHandlers } from './job-handlers.ts';
import { createJobRunner, type JobRunner } from '../platform/jobs/runner.ts';
import type { TaskDeps } from '../platform/module-manifest.ts';
import { manifests } from './modules.ts';
import { ordered } from './ordered.ts';
import { systemActor } from '../platform/services/actor.ts';
import { openStore, type Store } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { outboundPolicy } from '../platform/net/outbound-url.ts';
import { resolveLinkSecret } from '../platform/auth/link-secret.ts';
import { resolveIdentityKey } from '../platform/auth/identity-hash.ts';

export interface Runtime {
  config: Config;
  store: Store;
  clock: Clock;
  calendars: CalendarRegistry;
  logger: Logger;
  app: App;
  jobs: JobRunner;
  close(): Promise<void>;
}

/** The composition root: one store, one app, one job runner, wired from configuration. */
export async function openRuntime(
  config: Config,
  options: { clock?: Clock; logger?: Logger; migrate?: boolean } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  // Read before the database opens, so a bad calendars file stops start-up with its line and column.
  const calendars = calendarRegistryFrom(config.calendarsFile);
  const usage = usageSettingsFrom(config);
  const store = openStore(config.databaseUrl);
  let linkSecret: string;
  let identityKey: string;
  try {
    if (options.migrate !== false) await migrateToLatest(store);
    linkSecret = await resolveLinkSecret(store.db, config.linkSecret, clock.now());
    identityKey = await resolveIdentityKey(store.db, config.identitySecret, clock.now());
  } catch (error) {
    await store.close();
    throw error;
  }
  const metrics = createMetrics();
  const loginLimiter = createRateLimiter({ limit: config.loginRatePerMinute, windowMs: 60_000 });
  const intakeLimiter = createRateLimiter({ limit: config.intakeRatePerMinute, windowMs: 60_000 });
  const subscribeLimiter = createRateLimiter({ limit: config.subscribeRatePerHour, windowMs: 3_600_000 });
  const outbound = outboundPolicy(config.outboundAllow);
  const app = createApp({
    store,
    config,
    clock,
    calendars,
    usage,
    logger,
    metrics,
    linkSecret,
    identityKey,
    loginLimiter,
    intakeLimiter,
    subscribeLimiter,
    outbound,
  });
  const handlers = defaultJobHandlers({
    store,
    clock,
    calendars,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    withoutSmtp: config.environment === 'development' ? 'keep' : 'refuse',
    publicUrl: config.publicUrl,
    linkSecret,
    outbound,
  });
  if (config.smtpUrl === null && config.environment === 'development')
    logger.info(
      { outgoing: `${config.publicUrl}/outgoing` },
      'e-mail is kept, not sent: NIVA_SMTP_URL is not set (NIVA_ENV=development); see the outgoing messages',
    );
  // Each module's periodic tasks, in their order (every node runs them; each claims its work so it is done once).
  const taskDeps: TaskDeps = {
    config,
    usage,
    systemContext: (actorLabel) => ({
      db: store.db,
      dialect: store.dialect,
      clock,
      calendars,
      limits: config.limits,
      actor: systemActor(actorLabel),
      requestId: null,
    }),
    outbound,
  };
  const periodic = ordered(manifests.map((m) => m.tasks?.(taskDeps)));
  const jobs = createJobRunner({ store, clock, logger, handlers, periodic, pollIntervalMs: config.jobPollMs });
  return {
    config,
    store,
    clock,
    calendars,
    logger,
    app,
    jobs,
    async close() {
      await jobs.stop();
      await store.close();
    },
  };
}
