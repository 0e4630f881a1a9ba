// The agreement names the holidays exactly (1 Jan, Maundy Thursday, Good Friday, Easter Sunday and Monday, 1 May,
// Ascension Day, 17 May, Whit Sunday and Monday, 25 and 26 Dec), so they are computed here from Easter rather than
// loaded from a general holiday library, which costs a command line a quarter of a second to start.
// test/domain/holidays.test.ts checks every year 1900–2200 against the date-holidays package.

const cache = new Map<number, ReadonlySet<string>>();

const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm), as a UTC midnight. */
export function easterSunday(year: number): Date {
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
  return new Date(Date.UTC(year, month - 1, day));
}

/** Easter-relative holidays, in days from Easter Sunday. */
const easterOffsets = [-3, -2, 0, 1, 39, 49, 50];
const fixedDates = ['01-01', '05-01', '05-17', '12-25', '12-26'];

/**
 * Norway's public holidays of a year as local dates (YYYY-MM-DD): the offentlige høytidsdager plus 1 and 17 May.
 * Pure computation, cached per year.
 */
export function norwegianPublicHolidays(year: number): ReadonlySet<string> {
  let set = cache.get(year);
  if (!set) {
    const easter = easterSunday(year).getTime();
    set = new Set([
      ...fixedDates.map((monthDay) => `${String(year).padStart(4, '0')}-${monthDay}`),
      ...easterOffsets.map((days) => iso(new Date(easter + days * 86_400_000))),
    ]);
    cache.set(year, set);
  }
  return set;
}
