// The billing operations explain a refusal in English for the API and the command line; the pages say it in the
// reader's language. The refusals a form can meet are recognised here by what they say; anything else is shown as the
// operation worded it, never as an error page, as long as it names a field.
import type { Translate } from '../../../platform/i18n/messages.ts';
import type { AppError } from '../../../platform/services/app-error.ts';
import type { FieldErrors } from '../../../platform/web/form.tsx';

type Reword = (match: RegExpExecArray, t: Translate) => string;

const refusals: readonly [RegExp, Reword][] = [
  [/usage months? (.+) (?:is|are) not closed/, (m, t) => t('billing.error.unclosed', { months: m[1] ?? '' })],
  [
    /is billed through (?:the year|quarter (\d))/,
    (m, t) =>
      m[1] === undefined
        ? t('billing.error.billedThroughYear')
        : t('billing.error.billedThroughQuarter', { quarter: m[1] }),
  ],
  [/no budget for (\d{4})/, (m, t) => t('billing.error.noBudget', { year: m[1] ?? '' })],
  [/no price list is valid for (\d{4})/, (m, t) => t('billing.error.noPriceList', { year: m[1] ?? '' })],
  [/catalogue has no products/, (_m, t) => t('billing.error.noProducts')],
  [/at the same moment/, (_m, t) => t('billing.error.concurrent')],
  [/total need would be below zero/, (_m, t) => t('billing.error.needBelowZero')],
];

export function rewordRefusal(message: string, t: Translate): string {
  for (const [pattern, reword] of refusals) {
    const match = pattern.exec(message);
    if (match) return reword(match, t);
  }
  return message;
}

/** The field errors of a refused operation, each in the reader's language where it is recognised. */
export function refusalErrors(error: AppError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of error.fields) errors[problem.field] ??= rewordRefusal(problem.message, t);
  return errors;
}
