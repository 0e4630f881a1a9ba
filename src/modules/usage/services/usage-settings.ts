import { builtInEventMappings, builtInMetrics, type MetricDefinition } from '../domain/metric-catalogue.ts';

/** The metrics that can be counted and the event types that count them. */
export interface UsageCatalogue {
  metrics: readonly MetricDefinition[];
  /** Event type → metric id, for events that count one unit each. */
  eventTypes: Readonly<Record<string, string>>;
}

export interface UsageSettings {
  catalogue: UsageCatalogue;
  /** How long an event's dedupe key is kept, counted from the event's own day. */
  dedupeWindowDays: number;
  /** How old an event may be and still count; never longer than the dedupe window, or a late retry could count twice. */
  lateHorizonDays: number;
  /** Keep each counted event's JSON beside its key (for audits of a sender); off by default. */
  keepRaw: boolean;
  /** Days after a month's end before it is closed automatically. */
  closeAfterDays: number;
}

export const builtInCatalogue: UsageCatalogue = { metrics: builtInMetrics, eventTypes: builtInEventMappings };

export const defaultUsageSettings: UsageSettings = {
  catalogue: builtInCatalogue,
  dedupeWindowDays: 35,
  lateHorizonDays: 35,
  keepRaw: false,
  closeAfterDays: 5,
};

export function metricIds(catalogue: UsageCatalogue): ReadonlySet<string> {
  return new Set(catalogue.metrics.map((m) => m.id));
}

// The metering rules join the app's and the periodic tasks' dependencies as `usage`.
declare module '../../../platform/config/module-settings.ts' {
  interface ModuleSettings {
    /** Metering rules: the metric catalogue, the dedupe window and the late-event horizon. */
    usage: UsageSettings;
  }
}
