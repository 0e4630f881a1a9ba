import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { MetricDefinition } from '../domain/metric-catalogue.ts';
import { intlLocale, type Locale } from '../../../platform/i18n/messages.ts';
import type { UsageOwner } from '../services/usage-figures.ts';
import type { MetricYearRow, MetricYearTable } from '../services/usage-statistics.ts';
import { SelectField } from '../../../platform/web/form.tsx';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { monthLabels, scopeLabel } from '../api/usage-statistics-export.ts';
import { UsageChart } from './usage-chart.tsx';

export interface StatisticsPageView {
  page: PageContext;
  metrics: readonly MetricDefinition[];
  table: MetricYearTable;
  /** Owners to choose between; null when the reader sees only its own figures (no choice). */
  owners: UsageOwner[] | null;
  /** The query string (metric, years, owner) the download links repeat. */
  downloadQuery: string;
}

/** Whole numbers as the reader writes them: `1 234 567` in Norwegian (a no-break space between groups). */
export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 0 }).format(value);
}

/** A percent change with its sign, e.g. `+12,3 %`; a no-break space keeps the sign with its number. */
export function formatChange(value: number, locale: Locale): string {
  return `${new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value)}\u00a0%`;
}

function NoFigure({ text }: { text: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="ds-sr-only">{text}</span>
    </>
  );
}

function Value({ value, format, none }: { value: number | null; format: (v: number) => string; none: string }) {
  return <Table.Cell className="niva-num">{value === null ? <NoFigure text={none} /> : format(value)}</Table.Cell>;
}

function YearTable({ page, caption, rows }: { page: PageContext; caption: string; rows: readonly MetricYearRow[] }) {
  const { t, locale } = page;
  const months = monthLabels(t);
  // Fourteen columns do not fit a narrow screen: the table scrolls on its own, reachable by keyboard.
  return (
    <div className="niva-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table data-size="sm" zebra className="niva-usage-table">
        <caption>{caption}</caption>
        <Table.Head>
          <YearMonthsHeader t={t} months={months} />
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.year} data-year={row.year}>
              <Table.HeaderCell scope="row">{row.year}</Table.HeaderCell>
              {row.months.map((value, i) => (
                <Value key={i} value={value} format={(v) => formatCount(v, locale)} none={t('usage.noData')} />
              ))}
              <Value value={row.total} format={(v) => formatCount(v, locale)} none={t('usage.noData')} />
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** Year, the twelve months and the total: the header of every table in the report's shape. */
function YearMonthsHeader({ t, months }: { t: PageContext['t']; months: readonly string[] }) {
  return (
    <Table.Row>
      <Table.HeaderCell scope="col">{t('usage.year')}</Table.HeaderCell>
      {months.map((m) => (
        <Table.HeaderCell key={m} scope="col" className="niva-num">
          {m}
        </Table.HeaderCell>
      ))}
      <Table.HeaderCell scope="col" className="niva-num">
        {t('usage.total')}
      </Table.HeaderCell>
    </Table.Row>
  );
}

function ChangeTable({ page, row }: { page: PageContext; row: MetricYearRow }) {
  const { t, locale } = page;
  const previous = row.year - 1;
  // No wrapping section: as a flex item of the page it would widen to the table instead of letting it scroll.
  return (
    <>
      <Heading level={2} data-size="sm" id="usage-change">
        {t('usage.change.heading', { previous, year: row.year })}
      </Heading>
      <Paragraph data-size="sm">{t('usage.change.intro')}</Paragraph>
      <div
        className="niva-table-scroll"
        role="region"
        aria-label={t('usage.change.caption', { previous, year: row.year })}
        tabIndex={0}
      >
        <Table data-size="sm" className="niva-usage-change">
          <caption className="ds-sr-only">{t('usage.change.caption', { previous, year: row.year })}</caption>
          <Table.Head>
            <YearMonthsHeader t={t} months={monthLabels(t)} />
          </Table.Head>
          <Table.Body>
            <Table.Row data-year={row.year}>
              <Table.HeaderCell scope="row">{row.year}</Table.HeaderCell>
              {row.change.map((value, i) => (
                <Value key={i} value={value} format={(v) => formatChange(v, locale)} none={t('usage.noData')} />
              ))}
              <Value value={row.totalChange} format={(v) => formatChange(v, locale)} none={t('usage.noData')} />
            </Table.Row>
          </Table.Body>
        </Table>
      </div>
    </>
  );
}

export function StatisticsPage({ page, metrics, table, owners, downloadQuery }: StatisticsPageView) {
  const { t, locale } = page;
  const metricName = table.metric.names[locale];
  const scope = scopeLabel(table, t);
  const latest = table.rows[table.rows.length - 1];
  const compact = new Intl.NumberFormat(intlLocale[locale], { notation: 'compact', maximumFractionDigits: 1 });
  const withLang = `${downloadQuery}&lang=${locale}`;
  return (
    <Layout page={page} title={t('usage.title')}>
      <Heading level={1} data-size="lg">
        {t('usage.title')}
      </Heading>
      <Paragraph>{t('usage.intro')}</Paragraph>
      <form method="get" action="/statistics" className="niva-filters" aria-label={t('usage.choose')}>
        <SelectField
          name="metric"
          label={t('usage.metric')}
          value={table.metric.id}
          options={metrics.map((m) => ({ value: m.id, label: m.names[locale] }))}
        />
        {owners !== null && (
          <SelectField
            name="owner"
            label={t('usage.owner')}
            value={table.owner?.code ?? ''}
            options={[
              { value: '', label: t('usage.platform') },
              ...owners.map((o) => ({ value: o.code, label: o.name })),
            ]}
          />
        )}
        <Button type="submit" variant="secondary" className="niva-filters__submit">
          {t('usage.show')}
        </Button>
      </form>
      {owners === null && table.owner !== null && (
        <Paragraph>{t('usage.ownerFixed', { owner: table.owner.name })}</Paragraph>
      )}
      <Heading level={2} data-size="md">
        {metricName} – {scope}
      </Heading>
      <UsageChart
        rows={table.rows}
        text={{
          title: t('usage.chart.title', { metric: metricName, scope }),
          description: t('usage.chart.description', { years: table.rows.map((r) => r.year).join(', ') }),
          monthLabels: monthLabels(t),
          axisNumber: (v) => compact.format(v),
        }}
      />
      <Heading level={2} data-size="sm" id="usage-table">
        {t('usage.table.heading')}
      </Heading>
      <YearTable page={page} caption={t('usage.table.caption', { metric: metricName, scope })} rows={table.rows} />
      <Paragraph data-size="sm">
        {t('usage.download')}:{' '}
        <Link href={`/api/v1/usage/statistics.csv?${withLang}`} download>
          {t('usage.download.csv')}
        </Link>
        {' · '}
        <Link href={`/api/v1/usage/statistics.xlsx?${withLang}`} download>
          {t('usage.download.xlsx')}
        </Link>
      </Paragraph>
      {latest && <ChangeTable page={page} row={latest} />}
    </Layout>
  );
}
