/**
 * UTC offsets of an IANA zone, read from the platform's tz database (Intl) and cached as transition lists,
 * so that converting between local wall time and instants is arithmetic after the first use.
 */
const minute = 60_000;
const hour = 60 * minute;

interface ZoneTable {
  /** Instants at which a new offset starts, ascending; offsets[i] applies from starts[i]. */
  starts: number[];
  offsets: number[];
  fromYear: number;
  toYear: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const tables = new Map<string, ZoneTable>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset (ms, local − UTC) in force at an instant, straight from Intl. */
export function intlOffset(zone: string, instant: number): number {
  const parts = formatter(zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function buildTable(zone: string, fromYear: number, toYear: number): ZoneTable {
  const starts: number[] = [Date.UTC(fromYear, 0, 1) - 14 * hour];
  const offsets: number[] = [intlOffset(zone, starts[0] ?? 0)];
  // Offsets change at most a few times a year and never twice within a day; probe daily and bisect each change to the
  // minute. Each probe asks Intl, which is slow (~20 µs), so a finer grid makes the first use of a zone cost far more.
  const step = 24 * hour;
  const end = Date.UTC(toYear + 1, 0, 1) + 14 * hour;
  for (let t = (starts[0] ?? 0) + step; t <= end; t += step) {
    const offset = intlOffset(zone, t);
    if (offset === offsets[offsets.length - 1]) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > minute) {
      const mid = lo + Math.floor((hi - lo) / 2 / minute) * minute;
      if (intlOffset(zone, mid) === offset) hi = mid;
      else lo = mid;
    }
    starts.push(hi);
    offsets.push(offset);
  }
  return { starts, offsets, fromYear, toYear };
}

function table(zone: string, year: number): ZoneTable {
  let t = tables.get(zone);
  if (!t || year < t.fromYear || year > t.toYear) {
    // A year each side at first; then grow the short side by at least the current span, so a walk across the years
    // rebuilds the table a logarithmic number of times, not once per year.
    const span = t ? t.toYear - t.fromYear + 1 : 1;
    const from = t && year >= t.fromYear ? t.fromYear : Math.min(t?.fromYear ?? year, year - span);
    const to = t && year <= t.toYear ? t.toYear : Math.max(t?.toYear ?? year, year + span);
    t = buildTable(zone, from, to);
    tables.set(zone, t);
  }
  return t;
}

/** Offset (ms) in force at a UTC instant. */
export function offsetAt(zone: string, instant: number): number {
  const t = table(zone, new Date(instant).getUTCFullYear());
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((t.starts[mid] ?? 0) <= instant) lo = mid;
    else hi = mid - 1;
  }
  return t.offsets[lo] ?? 0;
}

/**
 * The instant of a local wall time, given as milliseconds of a UTC-based "local epoch".
 * Ambiguous times (the repeated hour in autumn) resolve to the earlier instant; times in the spring gap
 * move forward by the gap, like a clock that is set ahead (RFC 9557 / Temporal "compatible").
 */
export function localToInstant(zone: string, localMs: number): number {
  const before = offsetAt(zone, localMs - 14 * hour);
  const after = offsetAt(zone, localMs + 14 * hour);
  if (before === after) return localMs - before;
  const earlier = localMs - before;
  const later = localMs - after;
  const earlierValid = offsetAt(zone, earlier) === before;
  const laterValid = offsetAt(zone, later) === after;
  if (earlierValid && laterValid) return Math.min(earlier, later);
  if (earlierValid) return earlier;
  if (laterValid) return later;
  // In the gap: keep the wall-clock distance from the transition, measured with the old offset.
  return localMs - before;
}

/** Local wall time of an instant as a UTC-based "local epoch" (read its parts with getUTC*). */
export function instantToLocal(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}
