import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { CalendarRegistry } from '../domain/calendar/calendar-registry.ts';
import type { Clock } from '../domain/clock.ts';
import type { Locale } from '../i18n/messages.ts';
import type { Actor } from '../services/actor.ts';
import type { NavEntry } from '../web/layout.tsx';
import type { ModuleSettings } from '../config/module-settings.ts';
import type { Store } from '../db/database.ts';
import type { OutboundPolicy } from '../net/outbound-url.ts';
import type { MachineTokenVerifier } from '../auth/verify-machine-token.ts';
import type { Metrics } from './metrics.ts';
import type { RateLimiter } from './middleware/rate-limit.ts';
import type { NationalLoginClient } from '../auth/national/oidc-client.ts';

/** What the app is built from; the modules' own settings (`ModuleSettings`) are part of it. */
export interface AppDeps extends ModuleSettings {
  store: Store;
  config: Config;
  clock: Clock;
  calendars: CalendarRegistry;
  logger: Logger;
  metrics: Metrics;
  /** The link-signing key: NIVA_LINK_SECRET, or the one generated and stored in the database on first start. */
  linkSecret: string;
  /** The key national identity numbers are stored under: NIVA_IDENTITY_SECRET, or the one generated and stored. */
  identityKey: string;
  /** The national login's relying party (discovery kept per app), or null when NIVA_OIDC_DISCOVERY_URL is not set. */
  nationalLogin: NationalLoginClient | null;
  loginLimiter: RateLimiter;
  /** Per client address, for the push endpoints, which anyone can reach and which check a token on each call. */
  intakeLimiter: RateLimiter;
  /** Per client address and hour, for status sign-ups: each one may send an e-mail to an address nobody vouched for. */
  subscribeLimiter: RateLimiter;
  /** What URLs given to Nivå (webhooks, probe targets) may point at; checked when they are stored. */
  outbound: OutboundPolicy;
  /** The main menu of the web pages, composed from the modules' manifests. */
  navigation: readonly NavEntry[];
  /** Checks access tokens of the machine-to-machine issuer, holding its keys; null when none is configured. */
  machineTokens: MachineTokenVerifier | null;
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
