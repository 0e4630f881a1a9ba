import { localToInstant } from './time-zone.ts';

/** A calendar month in Oslo as the instants where it starts and where the next one starts. */
export function monthBounds(year: number, month: number): { start: number; end: number } {
  return {
    start: localToInstant('Europe/Oslo', Date.UTC(year, month - 1, 1)),
    end: localToInstant('Europe/Oslo', Date.UTC(year, month, 1)),
  };
}
