import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { CalendarRegistry } from '../domain/calendar/calendar-registry.ts';
import type { Clock } from '../domain/clock.ts';
import type { Locale } from '../i18n/messages.ts';
import type { Actor } from '../services/actor.ts';
import type { NavEntry } from '../web/layout.tsx';
import type { UsageSettings } from '../../modules/usage/services/usage-settings.ts';
import type { Store } from '../db/database.ts';
import type { Metrics } from './metrics.ts';
import type { RateLimiter } from './middleware/rate-limit.ts';

export interface AppDeps {
  store: Store;
  config: Config;
  clock: Clock;
  calendars: CalendarRegistry;
  /** Metering rules: the metric catalogue, the dedupe window and the late-event horizon. */
  usage: UsageSettings;
  logger: Logger;
  metrics: Metrics;
  /** The link-signing key: NIVA_LINK_SECRET, or the one generated and stored in the database on first start. */
  linkSecret: string;
  loginLimiter: RateLimiter;
  /** Per client address, for the push endpoints, which anyone can reach and which check a token on each call. */
  intakeLimiter: RateLimiter;
  /** Per client address and hour, for status sign-ups: each one may send an e-mail to an address nobody vouched for. */
  subscribeLimiter: RateLimiter;
  /** The main menu of the web pages, composed from the modules' manifests. */
  navigation: readonly NavEntry[];
}

/** Per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
    actor: Actor | null;
    authVia: 'session' | 'token' | null;
    sessionToken: string | null;
    csrfToken: string | null;
    locale: Locale;
  };
}
