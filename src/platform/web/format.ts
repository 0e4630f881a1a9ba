import { intlLocale, type Locale } from '../i18n/messages.ts';

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
