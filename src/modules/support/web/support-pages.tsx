import { Hono } from 'hono';
import { supportLines, type SupportLine } from '../domain/support-kpis.ts';
import { monthOf } from '../domain/support-periods.ts';
import { parseMonthKey } from '../../../platform/domain/month-key.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { supportKpis } from '../services/support-kpis.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { SupportPage } from './support-views.tsx';
import { requireLogin, serviceContext } from '../../../platform/web/web-kit.ts';

/** Years the year picker offers: this one and three before it, like the API's limit of 36 months per question. */
const yearsBack = 3;
const pad = (n: number) => String(n).padStart(2, '0');

function isLine(value: string): value is SupportLine {
  return (supportLines as readonly string[]).includes(value);
}

export const supportPages = new Hono<AppEnv>().use('/support', requireLogin).get('/support', async (c) => {
  const ctx = serviceContext(c);
  const { t } = pageContext(c);
  const today = parseMonthKey(monthOf(ctx.clock.now()).key) ?? { year: 2026, month: 1 };
  const years = Array.from({ length: yearsBack + 1 }, (_, i) => today.year - i);
  const line = c.req.query('line') ?? 'brukerservice';
  if (!isLine(line)) throw AppError.field('line', `one of ${supportLines.join(', ')}`);
  const yearText = c.req.query('year') ?? String(today.year);
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || !years.includes(year)) throw AppError.field('year', t('support.error.year'));
  const lastMonth = year === today.year ? today.month : 12;
  const weeksOf = c.req.query('weeksOf') ?? `${year}-${pad(lastMonth)}`;
  const chosen = parseMonthKey(weeksOf);
  if (!chosen || chosen.year !== year || chosen.month > lastMonth)
    throw AppError.field('weeksOf', t('support.error.weeksOf'));
  const [months, weeks] = await Promise.all([
    supportKpis(ctx, { period: 'month', from: `${year}-01`, to: `${year}-${pad(lastMonth)}`, line }),
    supportKpis(ctx, { period: 'week', from: weeksOf, line }),
  ]);
  return render(
    c,
    <SupportPage
      page={pageContext(c)}
      line={line}
      year={year}
      years={years}
      months={months}
      weeksOf={weeksOf}
      weeks={weeks}
    />,
  );
});
