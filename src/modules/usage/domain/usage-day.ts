import { createHash } from 'node:crypto';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';

const dayMs = 86_400_000;
const zone = 'Europe/Oslo';

const hourMs = 3_600_000;
// Oslo's offset only changes on a whole UTC hour, so every instant of a UTC hour falls on the same local day. A batch
// of events mostly shares a handful of hours; remembering them skips the zone lookup per event.
const dayOfHour = new Map<number, number>();

/** The Europe/Oslo calendar day an instant falls on, as days since 1970-01-01 (local). */
export function osloEpochDay(instant: number): number {
  const hour = Math.floor(instant / hourMs);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    if (dayOfHour.size >= 100_000) dayOfHour.clear();
    day = Math.floor(instantToLocal(zone, hour * hourMs) / dayMs);
    dayOfHour.set(hour, day);
  }
  return day;
}

/** `YYYY-MM-DD` of an epoch day. */
export function epochDayDate(epochDay: number): string {
  return new Date(epochDay * dayMs).toISOString().slice(0, 10);
}

/** `YYYY-MM` of an epoch day: the month a count belongs to. */
export function epochDayMonth(epochDay: number): string {
  return new Date(epochDay * dayMs).toISOString().slice(0, 7);
}

/**
 * The dedupe key of an event: 96 bits of SHA-256 over its source and id (CloudEvents' identity), as 16
 * base64url characters. At 300 million live keys the chance of any collision is below 10⁻¹¹, and the short key
 * keeps the key store near 40 bytes an event.
 */
export function usageEventKey(source: string, id: string): string {
  // One update of the joined text is twice as fast as three updates; a newline cannot occur in a source URI.
  return createHash('sha256').update(`${source}\n${id}`).digest('base64url').slice(0, 16);
}
