import { intlLocale, type Locale } from '../../../platform/i18n/messages.ts';

/**
 * Øre as money text. Amounts are integer øre everywhere in billing; they become kroner only as text, through integer
 * arithmetic on BigInt, so 12345 øre is "123.45" however large it is (dividing by 100 in floating point can land a
 * hair off, and a statement's sums must come out exact).
 */

/** Refuses what is not a whole number of øre within the range a double holds exactly. */
export function checkedOre(ore: number, what = 'amount'): bigint {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`${what} is not a whole number of øre: ${ore}`);
  return BigInt(ore);
}

function split(ore: number): { negative: boolean; kroner: bigint; cents: string } {
  const value = checkedOre(ore);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return { negative, kroner: abs / 100n, cents: (abs % 100n).toString().padStart(2, '0') };
}

/** Kroner with a decimal point and exactly two decimals, for machines: 12345 → "123.45", -5 → "-0.05". */
export function oreToDecimal(ore: number): string {
  const { negative, kroner, cents } = split(ore);
  return `${negative ? '-' : ''}${kroner.toString()}.${cents}`;
}

/**
 * Kroner as a number for a spreadsheet cell: the double nearest the exact decimal (read from its text, so the value is
 * the one a person would type). Sums stay exact in the øre column beside it.
 */
export function oreToKronerNumber(ore: number): number {
  return Number(oreToDecimal(ore));
}

/** The øre of several lines added exactly. */
export function sumOre(amounts: readonly number[]): bigint {
  return amounts.reduce((sum, ore, i) => sum + checkedOre(ore, `line ${i + 1}`), 0n);
}

interface NokFormat {
  whole: Intl.NumberFormat;
  decimal: string;
  minus: string;
}

const formats = new Map<Locale, NokFormat>();

function nokFormat(lang: Locale): NokFormat {
  let format = formats.get(lang);
  if (format === undefined) {
    const locale = intlLocale[lang];
    const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(-1.5);
    format = {
      whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? ',',
      minus: parts.find((p) => p.type === 'minusSign')?.value ?? '-',
    };
    formats.set(lang, format);
  }
  return format;
}

/**
 * Kroner for people, with the language's grouping and decimal sign and exactly two decimals: "1 234,50" in bokmål and
 * nynorsk (no-break spaces, as Intl writes them), "1,234.50" in English. The whole kroner are formatted as a BigInt,
 * which Intl formats exactly.
 */
export function formatNok(ore: number, lang: Locale): string {
  const { negative, kroner, cents } = split(ore);
  const format = nokFormat(lang);
  return `${negative ? format.minus : ''}${format.whole.format(kroner)}${format.decimal}${cents}`;
}
