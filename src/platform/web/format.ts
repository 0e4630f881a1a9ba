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
