// Money and counts on the billing pages. Amounts are integer øre end to end, so they are written out by integer
// arithmetic: a float on the way (as Intl.NumberFormat would take) could round a large amount by an øre. The output is
// what Intl writes for the same number: "1 030 000,00 kr" in Norwegian (no-break spaces, a real minus sign) and
// "NOK 1,030,000.00" in English.
import type { Locale } from '../../../platform/i18n/messages.ts';
import { formatNok } from '../render/money.ts';

const nbsp = '\u00a0';
const minusSign = '\u2212';

interface NumberStyle {
  group: string;
  decimal: string;
  minus: string;
}

function styleOf(locale: Locale): NumberStyle {
  return locale === 'en' ? { group: ',', decimal: '.', minus: '-' } : { group: nbsp, decimal: ',', minus: minusSign };
}

function assertWhole(value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number within ±2^53: ${value}`);
}

/** A non-negative whole number with its thousands grouped: 1030000 → "1 030 000". */
function grouped(value: number, group: string): string {
  const digits = String(value);
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits[i];
  }
  return out;
}

/** Whole units and the remainder of `abs` divided by `unit`, both exact. */
function divide(abs: number, unit: number): [number, number] {
  const rest = abs % unit;
  return [(abs - rest) / unit, rest];
}

/** `abs` divided by `unit`, rounded half up (callers divide the absolute value, so half away from zero). */
function roundedDivide(abs: number, unit: number): number {
  const [quotient, rest] = divide(abs, unit);
  return rest * 2 >= unit ? quotient + 1 : quotient;
}

/** Øre as kroner: "1 030 000,00 kr", "−5,50 kr"; in English "NOK 1,030,000.00", "-NOK 5.50". */
export function formatOre(ore: number, locale: Locale): string {
  assertWhole(ore);
  const amount = formatNok(Math.abs(ore), locale);
  const sign = ore < 0 ? styleOf(locale).minus : '';
  return locale === 'en' ? `${sign}NOK${nbsp}${amount}` : `${sign}${amount}${nbsp}kr`;
}

/** A change in øre with its sign, "+12 000,00 kr" or "−5,50 kr"; no change is "0,00 kr". */
export function formatOreChange(ore: number, locale: Locale): string {
  return ore > 0 ? `+${formatOre(ore, locale)}` : formatOre(ore, locale);
}

const orePerTenthMnok = 10_000_000;

/** Øre as millions of kroner with one decimal, half away from zero: 36_004_999_999 → "360,0" ("360.0"). */
export function formatMnok(ore: number, locale: Locale): string {
  assertWhole(ore);
  const style = styleOf(locale);
  const tenths = roundedDivide(Math.abs(ore), orePerTenthMnok);
  const [whole, decimal] = divide(tenths, 10);
  const sign = ore < 0 && tenths > 0 ? style.minus : '';
  return `${sign}${grouped(whole, style.group)}${style.decimal}${decimal}`;
}

/** A whole count (weighted transactions) with its thousands grouped: "12 345 678", "12,345,678". */
export function formatCount(value: number, locale: Locale): string {
  assertWhole(value);
  const style = styleOf(locale);
  return `${value < 0 ? style.minus : ''}${grouped(Math.abs(value), style.group)}`;
}

/** Basis points as a percentage with one decimal: 9_876 → "98,8 %" ("98.8 %"). */
export function formatBasisPoints(basisPoints: number, locale: Locale): string {
  assertWhole(basisPoints);
  const style = styleOf(locale);
  const tenths = roundedDivide(Math.abs(basisPoints), 10);
  const [whole, decimal] = divide(tenths, 10);
  const sign = basisPoints < 0 && tenths > 0 ? style.minus : '';
  return `${sign}${grouped(whole, style.group)}${style.decimal}${decimal}${nbsp}%`;
}
