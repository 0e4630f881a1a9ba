import { intlLocale, type Locale, type Translate } from '../i18n/messages.ts';
import { instantToLocal } from '../domain/calendar/time-zone.ts';

const cache = new Map<string, Intl.DateTimeFormat>();

/** Instants are shown in Europe/Oslo, whatever the server's own time zone. */
export function formatInstant(ms: number | null, locale: Locale): string {
  if (ms === null) return '–';
  let f = cache.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone: 'Europe/Oslo',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    cache.set(locale, f);
  }
  return f.format(ms);
}

const dayMs = 86_400_000;
const deadlineFormats = new Map<string, Intl.DateTimeFormat>();

function deadlineFormat(locale: Locale, withTime: boolean, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}:${withYear}`;
  let f = deadlineFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone: 'Europe/Oslo',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    deadlineFormats.set(key, f);
  }
  return f;
}

/**
 * A deadline as people say it: "3. desember kl. 15:45"; one at midnight is the end of the day before ("innen
 * utgangen av 3. desember"), which is what a business-day deadline means. The year is named when it is not the
 * year of `now`.
 */
export function formatDeadline(ms: number, locale: Locale, t: Translate, now: number): string {
  const local = instantToLocal('Europe/Oslo', ms);
  const year = (instant: number) => new Date(instantToLocal('Europe/Oslo', instant)).getUTCFullYear();
  if (local % dayMs === 0) {
    const dayBefore = ms - 1;
    const date = deadlineFormat(locale, false, year(dayBefore) !== year(now)).format(dayBefore);
    return t('deadline.endOfDay', { date });
  }
  return deadlineFormat(locale, true, year(ms) !== year(now)).format(ms);
}

export function formatPercent(basisPoints: number, locale: Locale): string {
  return (
    new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(
      basisPoints / 100,
    ) + ' %'
  );
}

/** `2026-03` as "mars 2026" / "March 2026". */
export function monthName(month: string, locale: Locale): string {
  const [year = '0', m = '1'] = month.split('-');
  return new Intl.DateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(year), Number(m) - 1, 1),
  );
}
