import { z } from 'zod';
import { parseInstant } from '../domain/calendar/iso-instant.ts';
import type { InputLimits } from '../domain/input-bounds.ts';
import { ConfigError } from './config-error.ts';
import { emptyAllowList, parseAllowList, type OutboundAllowList } from '../net/outbound-allow.ts';
import { machineTokenSettings, type MachineTokenSettings } from './machine-token-settings.ts';
import { type LoginSettings, loginSettingsFrom, nationalLoginSchema } from './national-login-config.ts';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:).+/, 'postgres://… or sqlite:PATH')
    .default('sqlite:./data/niva.db'),
  NIVA_PUBLIC_URL: z.string().url('an absolute URL such as https://niva.example.no').optional(),
  NIVA_ENV: z.enum(['development', 'production']).default('development'),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  NIVA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'smtp://host:port or smtps://…')
    .optional(),
  NIVA_MAIL_FROM: z.string().min(3).default('Nivå <noreply@niva.localhost>'),
  NIVA_OUTGOING_KEEP_DAYS: z.coerce.number().int().min(1).max(400).default(14),
  NIVA_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  NIVA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  NIVA_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  NIVA_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  NIVA_JOBS: z.enum(['on', 'off']).default('on'),
  NIVA_JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  NIVA_SLA_SCAN_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  NIVA_PROBES: z.enum(['on', 'off']).default('on'),
  NIVA_INTAKE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  NIVA_SUBSCRIBE_RATE_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  NIVA_LINK_SECRET: z.string().min(32, 'at least 32 characters, e.g. from `openssl rand -base64 32`').optional(),
  NIVA_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  NIVA_MAIL_IN_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  NIVA_MAIL_IN_USER: z.string().min(1).optional(),
  NIVA_MAIL_IN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  NIVA_CALENDARS_FILE: z.string().regex(/\S/, 'a path to a YAML or JSON file of calendars').optional(),
  NIVA_USAGE_FILE: z.string().regex(/\S/, 'a path to a YAML or JSON file of metrics and event types').optional(),
  NIVA_USAGE_DEDUPE_DAYS: z.coerce.number().int().min(1).max(400).default(35),
  NIVA_USAGE_LATE_DAYS: z.coerce.number().int().min(0).max(400).default(35),
  NIVA_USAGE_CLOSE_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  NIVA_USAGE_KEEP_RAW: z.enum(['on', 'off']).default('off'),
  NIVA_OUTBOUND_ALLOW: z.string().optional(),
  NIVA_EARLIEST_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD, e.g. 2000-01-01')
    .default('2000-01-01'),
  NIVA_REPORT_INCIDENT_EMAIL: z.string().email('an e-mail address').default('tjenesteeier@altinn.no'),
  NIVA_REPORT_ONCALL_PHONE: z
    .string()
    .regex(/^\+?[0-9 ]{5,20}$/, 'a phone number such as 95 49 00 02')
    .default('95 49 00 02'),
  NIVA_REPORT_SERVICEDESK_EMAIL: z.string().email('an e-mail address').default('servicedesk@altinn.no'),
  ...nationalLoginSchema,
});

export type Config = LoginSettings & {
  port: number;
  host: string;
  databaseUrl: string;
  /** Where the program runs: production requires what development may do without (e-mail). */
  environment: 'development' | 'production';
  /** The origin links point to: NIVA_PUBLIC_URL, or else this machine at the port listened on. */
  publicUrl: string;
  /** Whether NIVA_PUBLIC_URL gave the public URL; otherwise it follows the port (`listeningOn`). */
  publicUrlGiven: boolean;
  secureCookies: boolean;
  logLevel: (typeof logLevels)[number];
  smtpUrl: string | null;
  mailFrom: string;
  /** How long the outgoing-message log keeps an entry (kept e-mails, webhook calls). */
  outgoingKeepDays: number;
  sessionTtlMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  loginRatePerMinute: number;
  jobsEnabled: boolean;
  jobPollMs: number;
  /** How often the job runner looks for SLA clocks that are at risk or breached. */
  slaScanMs: number;
  /** Whether the job runner probes http monitors (a node may leave that to others). */
  probesEnabled: boolean;
  /** Pushes (heartbeats, Alertmanager, Uptime Kuma) accepted per client address and minute. */
  intakeRatePerMinute: number;
  /** Status subscriptions (sign-ups) accepted per client address and hour. */
  subscribeRatePerHour: number;
  /** Key of the HMAC that signs links needing no login (unsubscribe); null: a random key stored in the database. */
  linkSecret: string | null;
  trustProxy: boolean;
  /** Local or private hosts and ranges that webhooks and probes may reach all the same (`NIVA_OUTBOUND_ALLOW`). */
  outboundAllow: OutboundAllowList;
  /** YAML or JSON file declaring calendars beyond the built-in ones; null: only the built-in ones. */
  calendarsFile: string | null;
  /** Usage metering: extra metrics and event types (file), the dedupe window and late-event horizon in days. */
  usage: {
    file: string | null;
    dedupeWindowDays: number;
    lateHorizonDays: number;
    closeAfterDays: number;
    keepRaw: boolean;
  };
  /** What input may say: no instant or month before the earliest date (Oslo midnight of NIVA_EARLIEST_DATE). */
  limits: InputLimits;
  /** How the monthly service report tells owners to reach the operator. */
  reportContacts: { incidentEmail: string; onCallPhone: string; serviceDeskEmail: string };
  /** Where `niva mail-in` listens for SMTP by default. */
  mailInPort: number;
  /** When set, `niva mail-in` requires SMTP AUTH with these credentials; otherwise AUTH is not offered. */
  mailInAuth: { user: string; password: string } | null;
  /** Access tokens of a machine-to-machine issuer (Maskinporten) the API accepts; null: only Nivå's own tokens. */
  machineTokens: MachineTokenSettings | null;
};

export { ConfigError };

function localUrl(port: number): string {
  return `http://localhost:${port}`;
}

/** Reads and validates configuration; the first bad variable is reported in one line naming it and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid'} (got ${JSON.stringify(env[variable] ?? '')})`);
  }
  const c = parsed.data;
  if (c.NIVA_USAGE_LATE_DAYS > c.NIVA_USAGE_DEDUPE_DAYS)
    throw new ConfigError(
      `NIVA_USAGE_LATE_DAYS: must not exceed NIVA_USAGE_DEDUPE_DAYS (${c.NIVA_USAGE_DEDUPE_DAYS}), or a late retry could be counted twice`,
    );
  if ((c.NIVA_MAIL_IN_USER === undefined) !== (c.NIVA_MAIL_IN_PASSWORD === undefined))
    throw new ConfigError('NIVA_MAIL_IN_PASSWORD: set both NIVA_MAIL_IN_USER and NIVA_MAIL_IN_PASSWORD, or neither');
  let outboundAllow = emptyAllowList;
  try {
    outboundAllow = parseAllowList(c.NIVA_OUTBOUND_ALLOW ?? '');
  } catch (error) {
    throw new ConfigError(`NIVA_OUTBOUND_ALLOW: ${(error as Error).message}`);
  }
  const earliestDate = c.NIVA_EARLIEST_DATE;
  let earliestInstant: number | undefined;
  const [year = 0, month = 0, day = 0] = earliestDate.split('-').map(Number);
  // A real calendar date: Date.UTC rolls 2000-02-30 over into March, which then no longer reads the same.
  const isCalendarDate = new Date(Date.UTC(year, month - 1, day)).toISOString().startsWith(earliestDate);
  if (!isCalendarDate || earliestDate < '1970-01-01')
    throw new ConfigError(
      `NIVA_EARLIEST_DATE: a date on or after 1970-01-01 as YYYY-MM-DD, e.g. 2000-01-01 (got ${JSON.stringify(c.NIVA_EARLIEST_DATE)})`,
    );
  const machineTokens = machineTokenSettings(present);
  const publicUrl = c.NIVA_PUBLIC_URL ?? localUrl(c.PORT);
  const login = loginSettingsFrom(c, c.NIVA_ENV);
  return {
    ...login,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    environment: c.NIVA_ENV,
    publicUrl: publicUrl.replace(/\/$/, ''),
    publicUrlGiven: c.NIVA_PUBLIC_URL !== undefined,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: c.LOG_LEVEL,
    smtpUrl: c.NIVA_SMTP_URL ?? null,
    mailFrom: c.NIVA_MAIL_FROM,
    outgoingKeepDays: c.NIVA_OUTGOING_KEEP_DAYS,
    sessionTtlMs: c.NIVA_SESSION_TTL_HOURS * 3_600_000,
    loginMaxFailures: c.NIVA_LOGIN_MAX_FAILURES,
    loginLockMs: c.NIVA_LOGIN_LOCK_MINUTES * 60_000,
    loginRatePerMinute: c.NIVA_LOGIN_RATE_PER_MINUTE,
    jobsEnabled: c.NIVA_JOBS === 'on',
    jobPollMs: c.NIVA_JOB_POLL_MS,
    slaScanMs: c.NIVA_SLA_SCAN_SECONDS * 1_000,
    probesEnabled: c.NIVA_PROBES === 'on',
    intakeRatePerMinute: c.NIVA_INTAKE_RATE_PER_MINUTE,
    subscribeRatePerHour: c.NIVA_SUBSCRIBE_RATE_PER_HOUR,
    linkSecret: c.NIVA_LINK_SECRET ?? null,
    trustProxy: c.NIVA_TRUST_PROXY === 'true',
    outboundAllow,
    calendarsFile: c.NIVA_CALENDARS_FILE ?? null,
    usage: {
      file: c.NIVA_USAGE_FILE ?? null,
      dedupeWindowDays: c.NIVA_USAGE_DEDUPE_DAYS,
      lateHorizonDays: c.NIVA_USAGE_LATE_DAYS,
      closeAfterDays: c.NIVA_USAGE_CLOSE_DAYS,
      keepRaw: c.NIVA_USAGE_KEEP_RAW === 'on',
    },
    // The instant is worked out when first read: it needs Oslo's offsets back to that date, which commands that take
    // no input (the calculators) should not pay for at start-up.
    limits: {
      get earliest(): number {
        earliestInstant ??= parseInstant(earliestDate) ?? Date.UTC(year, month - 1, day);
        return earliestInstant;
      },
    },
    reportContacts: {
      incidentEmail: c.NIVA_REPORT_INCIDENT_EMAIL,
      onCallPhone: c.NIVA_REPORT_ONCALL_PHONE,
      serviceDeskEmail: c.NIVA_REPORT_SERVICEDESK_EMAIL,
    },
    mailInPort: c.NIVA_MAIL_IN_PORT,
    mailInAuth:
      c.NIVA_MAIL_IN_USER && c.NIVA_MAIL_IN_PASSWORD
        ? { user: c.NIVA_MAIL_IN_USER, password: c.NIVA_MAIL_IN_PASSWORD }
        : null,
    machineTokens,
  };
}

/**
 * The configuration of a server listening on `port` (from `--port`, or the one the system picked for PORT=0): without
 * NIVA_PUBLIC_URL, links in pages, feeds and e-mails point to that port rather than to the configured one.
 */
export function listeningOn(config: Config, port: number): Config {
  return { ...config, port, publicUrl: config.publicUrlGiven ? config.publicUrl : localUrl(port) };
}

/**
 * What a server or worker needs beyond valid settings. In production e-mail must go out (case notices and the
 * feedback they record, status notices, reports), so a missing NIVA_SMTP_URL stops start-up; development keeps the
 * messages in the outgoing log instead.
 */
export function assertReadyToRun(config: Config): void {
  if (config.environment === 'production' && config.smtpUrl === null)
    throw new ConfigError(
      'NIVA_SMTP_URL: required when NIVA_ENV=production, since case and status notices go out by e-mail (smtp://host:port or smtps://…)',
    );
}
