import { textProblem } from '../../../platform/domain/text-rule.ts';
import { aggregateEventType } from './metric-catalogue.ts';

/** What a usage event counts, before its owner and service are looked up in the registry. */
export interface CheckedUsageEvent {
  source: string;
  id: string;
  time: number;
  metric: string;
  count: number;
  /** Aggregate events name the owner by organisation code; Altinn events leave it to the resource. */
  ownerCode: string | null;
  /** A resource id (`urn:altinn:resource:` stripped), or null when the count is not for one service. */
  resourceId: string | null;
}

export type UsageEventCheck = { ok: true; event: CheckedUsageEvent } | { ok: false; field: string; reason: string };

export interface UsageEventRules {
  /** Event type → metric, for events that count one unit each. */
  eventTypes: Readonly<Record<string, string>>;
  metrics: ReadonlySet<string>;
}

const resourcePrefix = 'urn:altinn:resource:';
// RFC 3339: a date-time with a zone designator; fractions of a second beyond milliseconds are accepted and cut.
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;
const maxCount = Number.MAX_SAFE_INTEGER;

/** Epoch milliseconds of an RFC 3339 timestamp, or null when it is not one (or names an impossible date). */
export function parseRfc3339(text: string): number | null {
  const m = rfc3339.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(fraction.slice(0, 3).padEnd(3, '0')),
  );
  const check = new Date(local);
  if (
    check.getUTCDate() !== Number(d) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 60
  )
    return null;
  if (zone === 'Z' || zone === 'z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  return local - sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}

function fail(field: string, reason: string): UsageEventCheck {
  return { ok: false, field, reason };
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 1024;
}

/**
 * Checks one CloudEvents 1.0 event (already parsed from JSON) against the metering rules: the required context
 * attributes, a known type, and for the aggregate type a known metric with a whole, non-negative count.
 * Field names in failures are the event's attribute paths (`id`, `data.count`), so a sender can find them.
 */
export function checkUsageEvent(raw: unknown, rules: UsageEventRules): UsageEventCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('(event)', 'must be a JSON object');
  const event = raw as Record<string, unknown>;
  if (event.specversion !== '1.0') return fail('specversion', 'must be "1.0"');
  if (!nonEmptyString(event.id)) return fail('id', 'required: a non-empty string');
  if (!nonEmptyString(event.source)) return fail('source', 'required: a non-empty string');
  // Both are stored as the dedupe key, so they meet the text rule of every stored string.
  const idProblem = textProblem(event.id, 'line');
  if (idProblem !== null) return fail('id', idProblem);
  const sourceProblem = textProblem(event.source, 'line');
  if (sourceProblem !== null) return fail('source', sourceProblem);
  // A URI reference has no whitespace; the dedupe key relies on that to keep source and id apart.
  if (/\s/.test(event.source)) return fail('source', 'must be a URI reference (no spaces or line breaks)');
  if (!nonEmptyString(event.type)) return fail('type', 'required: a non-empty string');
  if (typeof event.time !== 'string') return fail('time', 'required: an RFC 3339 timestamp');
  const time = parseRfc3339(event.time);
  if (time === null) return fail('time', 'must be an RFC 3339 timestamp with a zone, e.g. 2026-02-03T10:15:00Z');
  const base = { source: event.source, id: event.id, time };

  if (event.type === aggregateEventType) {
    const data = event.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return fail('data', 'required: {"metric", "owner", "service", "count"}');
    const { metric, owner, service, count } = data as Record<string, unknown>;
    if (typeof metric !== 'string' || !rules.metrics.has(metric))
      return fail(
        'data.metric',
        typeof metric === 'string' ? `unknown metric "${metric.slice(0, 80)}"` : 'required: a metric id',
      );
    if (!nonEmptyString(owner)) return fail('data.owner', 'required: the owner organisation code');
    if (service !== undefined && service !== null && !nonEmptyString(service))
      return fail('data.service', 'must be a resource id or null');
    if (typeof count !== 'number' || !Number.isInteger(count)) return fail('data.count', 'must be a whole number');
    if (count < 0) return fail('data.count', 'must not be negative');
    if (count > maxCount) return fail('data.count', 'is too large');
    const resourceId =
      typeof service === 'string'
        ? service.startsWith(resourcePrefix)
          ? service.slice(resourcePrefix.length)
          : service
        : null;
    return { ok: true, event: { ...base, metric, count, ownerCode: owner, resourceId } };
  }

  const metric = rules.eventTypes[event.type];
  if (metric === undefined || !Object.hasOwn(rules.eventTypes, event.type))
    return fail('type', `no metric is configured for event type "${event.type.slice(0, 120)}"`);
  const resource = event.resource;
  if (typeof resource !== 'string' || !resource.startsWith(resourcePrefix) || resource.length === resourcePrefix.length)
    return fail('resource', `required: ${resourcePrefix}{id}`);
  return {
    ok: true,
    event: { ...base, metric, count: 1, ownerCode: null, resourceId: resource.slice(resourcePrefix.length) },
  };
}
