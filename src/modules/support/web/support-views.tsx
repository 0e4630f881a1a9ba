import { monthName } from '../../../platform/web/format.ts';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Locale, MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { intlLocale } from '../../../platform/i18n/messages.ts';
import { type SupportLine, supportLines } from '../domain/support-kpis.ts';
import {
  type KpiValue,
  supportKpiIds,
  targetsFor,
  type SupportKpiId,
  type SupportPeriodKpis,
} from '../domain/support-targets.ts';
import { SelectField } from '../../../platform/web/form.tsx';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';

export interface SupportPageView {
  page: PageContext;
  line: SupportLine;
  year: number;
  years: number[];
  months: SupportPeriodKpis[];
  weeksOf: string;
  weeks: SupportPeriodKpis[];
}

const requirementKey: Partial<Record<SupportKpiId, MessageKey>> = {
  'phone-wait': 'support.req.phone-wait',
  'phone-answer-rate': 'support.req.phone-answer-rate',
  'email-reply': 'support.req.email-reply',
  'self-service-reply': 'support.req.self-service-reply',
};

function valueText(kpi: KpiValue, locale: Locale, t: Translate): string {
  if (kpi.shown === null) return t('support.noFigure');
  const number = new Intl.NumberFormat(intlLocale[locale]).format(kpi.shown);
  return kpi.unit === 'seconds'
    ? t('support.seconds', { value: number })
    : kpi.unit === 'percent'
      ? `${number} %`
      : number;
}

function pendingOf(period: SupportPeriodKpis, id: SupportKpiId): number {
  return id === 'email-reply' ? period.email.pending : id === 'self-service-reply' ? period.selfService.pending : 0;
}

/** The figure, and whether the requirement is met in words (the colour only repeats it). */
function KpiCell({
  period,
  id,
  locale,
  t,
}: {
  period: SupportPeriodKpis;
  id: SupportKpiId;
  locale: Locale;
  t: Translate;
}) {
  const kpi = period.kpis.find((k) => k.id === id);
  if (!kpi) return <Table.Cell>–</Table.Cell>;
  const pending = pendingOf(period, id);
  return (
    <Table.Cell
      data-kpi={id}
      data-period={period.period.key}
      data-met={kpi.met === null ? undefined : kpi.met ? 'yes' : 'no'}
    >
      <span data-figure>{valueText(kpi, locale, t)}</span>
      {kpi.met !== null && (
        <>
          {' '}
          <Tag data-color={kpi.met ? 'success' : 'danger'} data-size="sm">
            {kpi.met ? t('support.met') : t('support.notMet')}
          </Tag>
        </>
      )}
      {pending > 0 && (
        <>
          <br />
          <small>{t('support.pending', { count: pending })}</small>
        </>
      )}
    </Table.Cell>
  );
}

function KpiTable({
  caption,
  periods,
  heading,
  line,
  page,
}: {
  caption: string;
  periods: SupportPeriodKpis[];
  heading: (p: SupportPeriodKpis) => string;
  line: SupportLine;
  page: PageContext;
}) {
  const { t, locale } = page;
  const targets = targetsFor(line);
  return (
    // A year of months is wider than a phone; the region scrolls on its own and can be reached by keyboard.
    <div className="niva-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table data-size="sm" zebra border>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('support.goal')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('support.requirement')}</Table.HeaderCell>
            {periods.map((p) => (
              <Table.HeaderCell key={p.period.key} scope="col">
                {heading(p)}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {supportKpiIds.map((id) => {
            const requirement = requirementKey[id];
            return (
              <Table.Row key={id} data-kpi-row={id}>
                <Table.HeaderCell scope="row">{t(`support.kpi.${id}`)}</Table.HeaderCell>
                <Table.Cell>{requirement && targets[id] ? t(requirement) : t('support.req.none')}</Table.Cell>
                {periods.map((p) => (
                  <KpiCell key={p.period.key} period={p} id={id} locale={locale} t={t} />
                ))}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

function monthShortName(key: string, locale: Locale): string {
  const [year = '0', m = '1'] = key.split('-');
  return new Intl.DateTimeFormat(intlLocale[locale], { month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(Number(year), Number(m) - 1, 1),
  );
}

export function SupportPage({ page, line, year, years, months, weeksOf, weeks }: SupportPageView) {
  const { t, locale } = page;
  const lineName = t(`support.line.${line}`);
  return (
    <Layout page={page} title={t('support.title', { line: lineName })}>
      <Heading level={1} data-size="lg">
        {t('support.title', { line: lineName })}
      </Heading>
      <Paragraph>{t('support.intro')}</Paragraph>
      <form method="get" action="/support" className="niva-filters" aria-label={t('support.filter')}>
        <SelectField
          name="line"
          label={t('support.filter.line')}
          value={line}
          options={supportLines.map((l) => ({ value: l, label: t(`support.line.${l}`) }))}
        />
        <SelectField
          name="year"
          label={t('support.filter.year')}
          value={String(year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SelectField
          name="weeksOf"
          label={t('support.filter.weeksOf')}
          value={weeksOf}
          options={months.map((m) => ({ value: m.period.key, label: monthName(m.period.key, locale) }))}
        />
        <Button type="submit" variant="secondary">
          {t('support.filter.submit')}
        </Button>
      </form>
      <KpiTable
        caption={t('support.caption.months', { year })}
        periods={months}
        heading={(p) => monthShortName(p.period.key, locale)}
        line={line}
        page={page}
      />
      <Heading level={2} data-size="md">
        {t('support.caption.weeks', { month: monthName(weeksOf, locale) })}
      </Heading>
      <KpiTable
        caption={t('support.caption.weeks', { month: monthName(weeksOf, locale) })}
        periods={weeks}
        heading={(p) => t('support.week', { week: p.period.key.slice(6) })}
        line={line}
        page={page}
      />
    </Layout>
  );
}
