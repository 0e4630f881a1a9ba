import { AppError } from '../../../platform/services/app-error.ts';

/** `digital-post=5,data-exchange=-2.5` → {digital-post: 5, data-exchange: -2.5}; a malformed pair names `growth`. */
export function parseGrowth(text: string | undefined): Record<string, number> {
  if (text === undefined || text.trim() === '') return {};
  const growth: Record<string, number> = {};
  for (const pair of text.split(',')) {
    const match = /^\s*([a-z][a-z0-9-]{1,62})\s*=\s*(-?\d+(?:\.\d{1,2})?)\s*%?\s*$/.exec(pair);
    if (!match?.[1] || match[2] === undefined)
      throw AppError.field('growth', `"${pair.trim()}" is not product=percent (e.g. digital-post=5)`);
    growth[match[1]] = Number(match[2]);
  }
  return growth;
}
