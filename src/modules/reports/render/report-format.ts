import { intlLocale, type Locale } from '../../../platform/i18n/messages.ts';

/** Numbers, percentages, months and instants as a reader of the language expects them; Europe/Oslo for times. */
export interface ReportFormat {
  number(value: number): string;
  /** A short axis figure, e.g. "12 mill.". */
  compact(value: number): string;
  /** A percentage with the given decimals, e.g. "99,90 %". */
  percent(value: number, decimals: number): string;
  /** A rounded decimal string from the engine ("99.96") in the language's notation ("99,96 %"). */
  roundedPercent(rounded: string): string;
  /** "februar 2026". */
  monthName(month: string): string;
  /** "feb. 26", for axes and long tables. */
  monthShort(month: string): string;
  /** The twelve month abbreviations, January first. */
  monthAbbreviations(): string[];
  date(ms: number): string;
  dateTime(ms: number): string;
}

const cache = new Map<Locale, ReportFormat>();

export function reportFormat(lang: Locale): ReportFormat {
  const cached = cache.get(lang);
  if (cached) return cached;
  const locale = intlLocale[lang];
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 });
  const decimals = [0, 1, 2].map(
    (d) => new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }),
  );
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthShortYear = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const monthOnly = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Oslo' });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  });
  const utcOf = (month: string) => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  const decimalSeparator = decimals[1]?.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
  const format: ReportFormat = {
    number: (value) => whole.format(value),
    compact: (value) => compact.format(value),
    percent: (value, d) => `${(decimals[d] ?? whole).format(value)} %`,
    roundedPercent: (rounded) => `${rounded.replace('.', decimalSeparator)} %`,
    monthName: (month) => monthYear.format(utcOf(month)),
    monthShort: (month) => monthShortYear.format(utcOf(month)),
    monthAbbreviations: () => Array.from({ length: 12 }, (_, i) => monthOnly.format(Date.UTC(2026, i, 1))),
    date: (ms) => date.format(ms),
    dateTime: (ms) => dateTime.format(ms),
  };
  cache.set(lang, format);
  return format;
}
