// The scenario page's question, read from its query: the year, the extra need in MNOK and a growth per product. The
// form sends one `growth.<product>` field per product; a link may also carry the API's `growth=product=percent,…`.
// Each problem is a field error in the reader's language, so the form can show it beside the input.
import type { Translate } from '../../../platform/i18n/messages.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { FieldErrors } from '../../../platform/web/form.tsx';
import { parseGrowth } from '../services/growth-text.ts';

export interface ScenarioQuestion {
  year: number;
  extraNeedMnok?: number;
  growth: Record<string, number>;
}

export const growthPrefix = 'growth.';
const percentPattern = /^-?\d{1,4}(?:[.,]\d{1,2})?$/;
const mnokPattern = /^-?\d{1,6}(?:[.,]\d{1,2})?$/;

/** As typed, with a typographic minus (as the help text writes it) read as a hyphen. */
const typed = (text: string | undefined) => (text ?? '').trim().replace('\u2212', '-');
const decimal = (text: string) => Number(text.replace(',', '.'));
const inRange = (value: number, low: number, high: number) => value >= low && value <= high;

/**
 * What the query asks, with the values to show in the form (as typed), or the field errors that keep it from being
 * asked. `products` are the catalogue's ids: a growth for any other is an error.
 */
export function readScenarioQuery(
  query: Record<string, string>,
  products: readonly string[],
  defaultYear: number,
  t: Translate,
): { values: Record<string, string>; question: ScenarioQuestion | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: Record<string, string> = {};
  const yearText = (query.year ?? '').trim() || String(defaultYear);
  values.year = yearText;
  if (!/^\d{4}$/.test(yearText)) errors.year = t('billing.error.year');
  const needText = typed(query.extraNeedMnok);
  values.extraNeedMnok = needText;
  if (needText !== '' && !(mnokPattern.test(needText) && inRange(decimal(needText), -10_000, 100_000)))
    errors.extraNeedMnok = t('billing.error.mnok');
  const growth: Record<string, number> = {};
  try {
    for (const [product, pct] of Object.entries(parseGrowth(query.growth))) growth[product] = pct;
  } catch (error) {
    if (!isAppError(error)) throw error;
    errors.growth = t('billing.error.growthList');
  }
  for (const [key, raw] of Object.entries(query)) {
    if (!key.startsWith(growthPrefix)) continue;
    const product = key.slice(growthPrefix.length);
    const text = typed(raw);
    values[key] = text;
    if (text === '') delete growth[product];
    else if (!(percentPattern.test(text) && inRange(decimal(text), -100, 1000)))
      errors[key] = t('billing.error.percent');
    else growth[product] = decimal(text);
  }
  for (const [product, pct] of Object.entries(growth)) {
    const key = `${growthPrefix}${product}`;
    if (!products.includes(product)) errors[key] ??= t('billing.error.unknownProduct', { product });
    else if (!inRange(pct, -100, 1000)) errors[key] ??= t('billing.error.percent');
    values[key] ??= String(pct);
  }
  if (Object.keys(errors).length > 0) return { values, question: null, errors };
  return {
    values,
    question: {
      year: Number(yearText),
      ...(needText === '' ? {} : { extraNeedMnok: decimal(needText) }),
      growth,
    },
    errors,
  };
}

/** The question in the API's own query (for the export links), growths as `product=percent,…`. */
export function apiQuery(question: ScenarioQuestion): URLSearchParams {
  const params = new URLSearchParams({ year: String(question.year) });
  if (question.extraNeedMnok !== undefined) params.set('extraNeedMnok', String(question.extraNeedMnok));
  const growth = Object.entries(question.growth)
    .filter(([, pct]) => pct !== 0)
    .map(([product, pct]) => `${product}=${pct}`)
    .join(',');
  if (growth !== '') params.set('growth', growth);
  return params;
}
