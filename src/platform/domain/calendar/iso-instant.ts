import { instantToLocal, localToInstant, offsetAt } from './time-zone.ts';

const withOffset = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO 8601 instant. With `Z` or an offset it is exact; a local date-time without one is read in `zone`
 * (the repeated autumn hour resolves to its first occurrence, a spring-gap time moves forward); a date alone is
 * local midnight. Returns null when the text is not such an instant or names an impossible date.
 */
export function parseInstant(text: string, zone = 'Europe/Oslo'): number | null {
  const m = withOffset.exec(text.trim()) ?? dateOnly.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', ms = '0', offset] = m;
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(ms.padEnd(3, '0')),
  );
  const check = new Date(local);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) return null;
  if (offset === undefined) return localToInstant(zone, local);
  if (offset === 'Z') return local;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return local - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/** `2026-03-30T08:45:00+02:00`: local wall time in `zone` with its offset, to the second. */
export function formatInstant(instant: number, zone = 'Europe/Oslo'): string {
  const local = new Date(instantToLocal(zone, instant)).toISOString().slice(0, 19);
  const offsetMinutes = Math.round(offsetAt(zone, instant) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
