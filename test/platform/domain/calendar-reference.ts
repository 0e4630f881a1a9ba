/**
 * A deliberately naive reference for the business calendars of the service agreement, written from the contract
 * rules alone and sharing no code with src/domain/calendar: its own Easter computus, its own holiday list, its own
 * opening rules, and Europe/Oslo wall time read from Intl.
 *
 * Time is a grid of whole minutes. Every minute from REFERENCE_FROM to REFERENCE_TO is converted to Oslo wall time
 * once, and the rules decide per calendar whether that minute is open. Questions are then answered by walking the
 * grid minute by minute (or local date by local date), which is slow but leaves little room for mistakes.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const referenceCalendarIds = [
  'always',
  'business-days',
  'servicedesk',
  'brukerservice',
  'studio-hours',
] as const;
export type ReferenceCalendarId = (typeof referenceCalendarIds)[number];

/** The grid covers these instants (whole local days inside it can be asked about). */
export const REFERENCE_FROM = Date.UTC(2019, 9, 1);
export const REFERENCE_TO = Date.UTC(2031, 5, 1);

// ---------------------------------------------------------------------------------------------------------------
// Dates and holidays

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isoOf(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Days since 1970-01-01 of a civil date, and back. */
export function dayNumberOf(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY;
}

export function civilDateOf(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function parseIsoDate(iso: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/**
 * Norway's public holidays of a year (YYYY-MM-DD): 1 January, Maundy Thursday, Good Friday, Easter Sunday,
 * Easter Monday, 1 May, Ascension Day, 17 May, Whit Sunday, Whit Monday, 25 and 26 December.
 * Two of them can fall on the same date (Ascension Day on 1 May in 2008, Whit Monday on 17 May in 2027).
 */
export function referenceHolidays(year: number): Set<string> {
  const easter = dayNumberOf(easterSunday(year));
  const fromEaster = (offset: number) => isoOf(civilDateOf(easter + offset));
  return new Set([
    isoOf({ year, month: 1, day: 1 }),
    fromEaster(-3), // Maundy Thursday
    fromEaster(-2), // Good Friday
    fromEaster(0), // Easter Sunday
    fromEaster(1), // Easter Monday
    isoOf({ year, month: 5, day: 1 }),
    fromEaster(39), // Ascension Day
    isoOf({ year, month: 5, day: 17 }),
    fromEaster(49), // Whit Sunday
    fromEaster(50), // Whit Monday
    isoOf({ year, month: 12, day: 25 }),
    isoOf({ year, month: 12, day: 26 }),
  ]);
}

const holidayCache = new Map<number, Set<string>>();
function isHoliday(date: CivilDate): boolean {
  let set = holidayCache.get(date.year);
  if (!set) {
    set = referenceHolidays(date.year);
    holidayCache.set(date.year, set);
  }
  return set.has(isoOf(date));
}

// ---------------------------------------------------------------------------------------------------------------
// The contract rules: opening ranges of a local date, in wall-clock minutes after local midnight, [from, to)

/** 15 May – 15 September, both included. */
function isSummer(date: CivilDate): boolean {
  const md = date.month * 100 + date.day;
  return md >= 515 && md <= 915;
}

export function referenceOpenRanges(id: ReferenceCalendarId, date: CivilDate): [number, number][] {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay(); // 0 = Sunday
  const mondayToFriday = weekday >= 1 && weekday <= 5;
  const businessDay = mondayToFriday && !isHoliday(date);
  switch (id) {
    case 'always':
      return [[0, 24 * 60]];
    case 'business-days':
      return businessDay ? [[0, 24 * 60]] : [];
    case 'servicedesk':
      return businessDay ? [[8 * 60, isSummer(date) ? 15 * 60 : 15 * 60 + 45]] : [];
    case 'brukerservice':
      return businessDay ? [[8 * 60, isSummer(date) ? 15 * 60 : 15 * 60 + 30]] : [];
    case 'studio-hours':
      return mondayToFriday ? [[7 * 60, 20 * 60]] : [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Oslo wall time from Intl

const oslo = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** Oslo wall-clock time of an instant, as milliseconds of a UTC-based clock (read it with getUTC*). */
function intlWallClock(instant: number): number {
  const parts = oslo.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new Error(`Intl gave no ${type}`);
    return Number(part.value);
  };
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
}

// ---------------------------------------------------------------------------------------------------------------
// The minute grid

interface Grid {
  /** Per minute of the grid: bit c is set when calendar referenceCalendarIds[c] is open during that minute. */
  open: Uint8Array;
  /** Oslo UTC offset in minutes per minute of the grid. */
  offset: Int16Array;
  /** Local date (days since 1970-01-01) of the first whole local day in the grid. */
  firstDay: number;
  /** Grid index of the first minute of each whole local day; one more entry marks the end of the last. */
  dayStart: number[];
}

let grid: Grid | null = null;

function buildGrid(): Grid {
  const minutes = (REFERENCE_TO - REFERENCE_FROM) / MINUTE;
  const offset = new Int16Array(minutes);
  // Ask Intl at the top of every hour; where two consecutive answers differ, ask again for every minute of that hour.
  // (Only an offset that changed and changed back within one hour would go unseen; Oslo changes twice a year.)
  const hours = minutes / 60;
  const hourly: number[] = [];
  for (let h = 0; h <= hours; h++) {
    const t = REFERENCE_FROM + h * HOUR;
    hourly.push((intlWallClock(t) - t) / MINUTE);
  }
  for (let h = 0; h < hours; h++) {
    const here = hourly[h] as number;
    const same = here === hourly[h + 1];
    for (let m = 0; m < 60; m++) {
      const t = REFERENCE_FROM + h * HOUR + m * MINUTE;
      offset[h * 60 + m] = same ? here : (intlWallClock(t) - t) / MINUTE;
    }
  }

  const open = new Uint8Array(minutes);
  const dayStart: number[] = [];
  let firstDay = Number.NaN;
  let currentDay = Number.NaN;
  let ranges: [number, number][][] = [];
  for (let i = 0; i < minutes; i++) {
    const wall = REFERENCE_FROM + i * MINUTE + (offset[i] as number) * MINUTE;
    const localDay = Math.floor(wall / DAY);
    if (localDay !== currentDay) {
      if (localDay < currentDay) throw new Error('local dates must not run backwards');
      if (!Number.isNaN(currentDay)) {
        if (Number.isNaN(firstDay)) firstDay = localDay;
        dayStart.push(i);
      }
      currentDay = localDay;
      const date = civilDateOf(localDay);
      ranges = referenceCalendarIds.map((id) => referenceOpenRanges(id, date));
    }
    const minuteOfDay = (wall - localDay * DAY) / MINUTE;
    let bits = 0;
    for (let c = 0; c < ranges.length; c++) {
      for (const [from, to] of ranges[c] ?? []) if (minuteOfDay >= from && minuteOfDay < to) bits |= 1 << c;
    }
    open[i] = bits;
  }
  // The last local day is cut off by the end of the grid: its start only closes the one before.
  return { open, offset, firstDay, dayStart };
}

function theGrid(): Grid {
  grid ??= buildGrid();
  return grid;
}

function indexOf(instant: number): number {
  if (!Number.isInteger(instant) || instant % MINUTE !== 0)
    throw new RangeError(`the reference works on whole minutes: ${instant}`);
  if (instant < REFERENCE_FROM || instant >= REFERENCE_TO)
    throw new RangeError(`outside the reference grid: ${new Date(instant).toISOString()}`);
  return (instant - REFERENCE_FROM) / MINUTE;
}

const instantOf = (index: number): number => REFERENCE_FROM + index * MINUTE;

function bitOf(id: ReferenceCalendarId): number {
  return 1 << referenceCalendarIds.indexOf(id);
}

/** Grid index range [first, end) of a whole local day. */
function dayRange(g: Grid, localDay: number): [number, number] {
  const k = localDay - g.firstDay;
  const first = g.dayStart[k];
  const end = g.dayStart[k + 1];
  if (k < 0 || first === undefined || end === undefined)
    throw new RangeError(`local day ${isoOf(civilDateOf(localDay))} is outside the reference grid`);
  return [first, end];
}

// ---------------------------------------------------------------------------------------------------------------
// Questions

/** Local date (days since 1970-01-01) of an instant in Oslo. */
export function localDayOf(instant: number): number {
  const g = theGrid();
  const wall = instant + (g.offset[indexOf(instant)] as number) * MINUTE;
  return Math.floor(wall / DAY);
}

/** The instant at which a local date begins (its first minute). */
export function startOfLocalDay(localDay: number): number {
  return instantOf(dayRange(theGrid(), localDay)[0]);
}

/** `2026-03-29T03:30+02:00`: Oslo wall time of an instant, for messages. */
export function osloText(instant: number): string {
  if (!Number.isFinite(instant)) return String(instant);
  const offsetMinutes = (intlWallClock(instant) - Math.floor(instant / MINUTE) * MINUTE) / MINUTE;
  const wall = new Date(intlWallClock(instant)).toISOString().slice(0, 16);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function isOpen(id: ReferenceCalendarId, instant: number): boolean {
  const g = theGrid();
  return ((g.open[indexOf(instant)] as number) & bitOf(id)) !== 0;
}

/** The instant itself when open, otherwise the start of the next open minute. */
export function nextOpening(id: ReferenceCalendarId, instant: number): number {
  const g = theGrid();
  const bit = bitOf(id);
  for (let i = indexOf(instant); i < g.open.length; i++) if (((g.open[i] as number) & bit) !== 0) return instantOf(i);
  throw new RangeError('no opening inside the reference grid');
}

/** Open milliseconds between two instants: open minutes in [from, to), negative when `to` is before `from`. */
export function openTimeBetween(id: ReferenceCalendarId, from: number, to: number): number {
  if (to < from) return -openTimeBetween(id, to, from);
  const g = theGrid();
  const bit = bitOf(id);
  const end = indexOf(to);
  let count = 0;
  for (let i = indexOf(from); i < end; i++) if (((g.open[i] as number) & bit) !== 0) count += 1;
  return count * MINUTE;
}

/**
 * The instant at which `openMs` (whole minutes) of open time has passed after `start`: walk minute by minute from
 * `start`, counting open minutes; the answer is the end of the minute in which the Nth open minute completes — so a
 * target that ends exactly at a closing gives that closing. Zero open time is the next opening.
 */
export function addOpenTime(id: ReferenceCalendarId, start: number, openMs: number): number {
  if (openMs < 0 || openMs % MINUTE !== 0) throw new RangeError(`whole minutes only: ${openMs}`);
  if (openMs === 0) return nextOpening(id, start);
  const g = theGrid();
  const bit = bitOf(id);
  const wanted = openMs / MINUTE;
  let count = 0;
  for (let i = indexOf(start); i < g.open.length; i++) {
    if (((g.open[i] as number) & bit) !== 0) count += 1;
    if (count === wanted) return instantOf(i + 1);
  }
  throw new RangeError('the open time runs past the reference grid');
}

/** The end of the last open minute of a local date, NaN when the calendar is closed all that day. */
export function closingOf(id: ReferenceCalendarId, localDay: number): number {
  const g = theGrid();
  const bit = bitOf(id);
  const [first, end] = dayRange(g, localDay);
  for (let i = end - 1; i >= first; i--) if (((g.open[i] as number) & bit) !== 0) return instantOf(i + 1);
  return Number.NaN;
}

/**
 * The closing of the Nth open day after the local date of `start` (that date not counted). With n = 0 it is the
 * closing of the date of receipt itself, or of the next open day when that day is closed.
 */
export function businessDaysAfter(id: ReferenceCalendarId, start: number, n: number): number {
  const receipt = localDayOf(start);
  if (n === 0) {
    // Zero days: the closing of the day of receipt, or of the next day that opens when that day is closed.
    for (let d = receipt; ; d++) {
      const close = closingOf(id, d);
      if (!Number.isNaN(close)) return close;
    }
  }
  let seen = 0;
  for (let d = receipt + 1; ; d++) {
    const close = closingOf(id, d);
    if (!Number.isNaN(close)) seen += 1;
    if (seen === n) return close;
  }
}

/** The closing of the Nth open day before the local date of `date` (that date not counted). */
export function businessDaysBefore(id: ReferenceCalendarId, date: number, n: number): number {
  if (n < 1) throw new RangeError('n ≥ 1');
  let seen = 0;
  for (let d = localDayOf(date) - 1; ; d--) {
    const close = closingOf(id, d);
    if (!Number.isNaN(close)) seen += 1;
    if (seen === n) return close;
  }
}
