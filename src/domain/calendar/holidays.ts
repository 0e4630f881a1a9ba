import Holidays from 'date-holidays';

const cache = new Map<string, ReadonlySet<string>>();
let norway: Holidays | null = null;

/**
 * Norway's public holidays of a year as local dates (YYYY-MM-DD): the offentlige høytidsdager plus 1 and 17 May,
 * which is exactly the library's "public" type for NO. Pure computation, cached per year.
 */
export function norwegianPublicHolidays(year: number): ReadonlySet<string> {
  const key = `NO:${year}`;
  let set = cache.get(key);
  if (!set) {
    norway ??= new Holidays('NO');
    set = new Set(
      norway
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    cache.set(key, set);
  }
  return set;
}
