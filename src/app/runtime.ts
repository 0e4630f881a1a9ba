import { pino, type Logger } from 'pino';
import type { Config } from '../platform/config/config.ts';
import { type Clock, systemClock } from '../platform/domain/clock.ts';
import { calendarRegistryFrom } from '../platform/calendar-config.ts';
import { usageSettingsFrom } from '../modules/usage/usage-config.ts';
import type { CalendarRegistry } from '../platform/domain/calendar/calendar-registry.ts';
import { createApp, type App } from './http-app.tsx';
import { createMetrics } from '../platform/http/metrics.ts';
import { createRateLimiter } from '../platform/http/middleware/rate-limit.ts';
import { defaultJobHandlers } from './job-handlers.ts';
import { freezeClosedMonths } from '../modules/availability/services/freeze-closed-months.ts';
import { createJobRunner, type JobRunner, type PeriodicTask } from '../platform/jobs/runner.ts';
import { systemActor } from '../platform/services/actor.ts';
import { scanCaseAlerts } from '../modules/cases/services/scan-case-alerts.ts';
import { pruneUsageKeys } from '../modules/usage/services/prune-usage-keys.ts';
import { closeDueUsageMonths } from '../modules/usage/services/usage-month-closing.ts';
import { runDueProbes } from '../modules/availability/services/run-due-probes.ts';
import { runScheduledReports } from '../modules/reports/services/run-scheduled-reports.ts';
import type { ServiceContext } from '../platform/services/context.ts';
import { openStore, type Store } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

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

export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'niva' }, timestamp: pino.stdTimeFunctions.isoTime });
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
  try {
    if (options.migrate !== false) await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const metrics = createMetrics();
  const loginLimiter = createRateLimiter({ limit: config.loginRatePerMinute, windowMs: 60_000 });
  const intakeLimiter = createRateLimiter({ limit: config.intakeRatePerMinute, windowMs: 60_000 });
  const subscribeLimiter = createRateLimiter({ limit: config.subscribeRatePerHour, windowMs: 3_600_000 });
  if (config.linkSecretDerived)
    logger.warn(
      'NIVA_LINK_SECRET is not set: unsubscribe links are signed with a key derived from DATABASE_URL and NIVA_PUBLIC_URL; set it in production',
    );
  const app = createApp({
    store,
    config,
    clock,
    calendars,
    usage,
    logger,
    metrics,
    loginLimiter,
    intakeLimiter,
    subscribeLimiter,
  });
  const handlers = defaultJobHandlers({
    store,
    clock,
    calendars,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
    linkSecret: config.linkSecret,
  });
  const scanContext: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock,
    calendars,
    actor: systemActor('SLA scan'),
    requestId: null,
  };
  // Every node scans: each alert is claimed by a conditional update, so more scanners only mean sooner alerts.
  const periodic: PeriodicTask[] = [
    { name: 'sla-scan', everyMs: config.slaScanMs, run: () => scanCaseAlerts(scanContext) },
  ];
  if (config.probesEnabled) {
    // Every 5 s, so a 10 s monitor keeps its rhythm; each slot is claimed by a conditional update, once across nodes.
    const probeContext: ServiceContext = { ...scanContext, actor: systemActor('monitor probes') };
    periodic.push({
      name: 'probes',
      everyMs: 5_000,
      run: () => runDueProbes(probeContext, (url, init) => fetch(url, init)),
    });
  }
  // Hourly: closed months (past a grace period for late corrections) are frozen into rollups, once across nodes.
  const freezeContext: ServiceContext = { ...scanContext, actor: systemActor('availability freeze') };
  periodic.push({ name: 'availability-freeze', everyMs: 3_600_000, run: () => freezeClosedMonths(freezeContext) });
  // Hourly: usage months past their grace period are closed (a conditional insert, once across nodes), and dedupe
  // keys older than the window are forgotten.
  const usageContext: ServiceContext = { ...scanContext, actor: systemActor('usage housekeeping') };
  periodic.push({
    name: 'usage-close',
    everyMs: 3_600_000,
    run: () => closeDueUsageMonths(usageContext, usage).then(() => undefined),
  });
  periodic.push({
    name: 'usage-key-prune',
    everyMs: 3_600_000,
    run: () => pruneUsageKeys(usageContext, usage).then(() => undefined),
  });
  // Every 10 minutes: from 07:00 on the first business day of a month, last month's reports are archived and mailed,
  // once across nodes (the month's run row is claimed by a conditional insert).
  const reportContext: ServiceContext = { ...scanContext, actor: systemActor('monthly service report') };
  const reportSettings = { contacts: config.reportContacts, catalogue: usage.catalogue };
  periodic.push({
    name: 'report-schedule',
    everyMs: 600_000,
    run: () => runScheduledReports(reportContext, reportSettings).then(() => undefined),
  });
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
