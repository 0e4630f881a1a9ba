// One owner's billing year: weighted transactions per month and product, the year to date and its forecast, the size
// category it lands in and how far the next one is, and its statements.
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { FactList } from '../../../platform/web/fact-list.tsx';
import { monthName } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { categoryText, ScrollTable, StatementsTable, YearPicker } from './billing-display.tsx';
import { formatCount } from './billing-money.ts';
import type { OverviewView } from './billing-view-model.ts';

export interface OwnerOverviewView {
  page: PageContext;
  overview: OverviewView;
  /** The year asked for; the figures are of `overview.year`, the latest year begun, when it is later. */
  year: number;
  years: number[];
  /** The operator side comes back to the year's summary. */
  backToSummary: boolean;
}

function MonthsTable({ page, overview }: { page: PageContext; overview: OverviewView }) {
  const { t, locale } = page;
  const caption = t('billing.overview.tableCaption', { owner: overview.owner.name, year: overview.year });
  if (overview.months.length === 0) return <Paragraph>{t('billing.overview.noMonths')}</Paragraph>;
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-months">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('billing.overview.month')}</Table.HeaderCell>
            {overview.products.map((p) => (
              <Table.HeaderCell key={p.id} scope="col" className="niva-num">
                {p.name}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.total')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {overview.months.map((m) => (
            <Table.Row key={m.month} data-month={m.month}>
              <Table.HeaderCell scope="row">{monthName(m.month, locale)}</Table.HeaderCell>
              {m.values.map((v, i) => (
                <Table.Cell key={overview.products[i]?.id ?? i} className="niva-num">
                  {formatCount(v, locale)}
                </Table.Cell>
              ))}
              <Table.Cell className="niva-num">{formatCount(m.total, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row data-month="total">
            <Table.HeaderCell scope="row">{t('billing.overview.yearToDate')}</Table.HeaderCell>
            {overview.productTotals.map((v, i) => (
              <Table.Cell key={overview.products[i]?.id ?? i} className="niva-num">
                {formatCount(v, locale)}
              </Table.Cell>
            ))}
            <Table.Cell className="niva-num">{formatCount(overview.yearToDate, locale)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </ScrollTable>
  );
}

export function OwnerOverviewPage({ view }: { view: OwnerOverviewView }) {
  const { page, overview } = view;
  const { t, locale } = page;
  const title = t('billing.overview.title', { owner: overview.owner.name });
  const counted = t('billing.overview.monthsCounted', { count: overview.monthsCounted, year: overview.year });
  return (
    <Layout page={page} title={title}>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {view.backToSummary && (
        <Paragraph>
          <Link href={`/billing?year=${view.year}`}>{t('billing.backToSummary')}</Link>
        </Paragraph>
      )}
      <Paragraph>{t('billing.overview.intro')}</Paragraph>
      <YearPicker
        page={page}
        action={`/billing/owners/${encodeURIComponent(overview.owner.code)}`}
        years={view.years}
        year={view.year}
      />
      {view.year !== overview.year && (
        <Paragraph>{t('billing.overview.basisYear', { year: view.year, basis: overview.year })}</Paragraph>
      )}
      <section aria-labelledby="billing-category-heading">
        <Heading level={2} data-size="sm" id="billing-category-heading">
          {t('billing.overview.categoryHeading')}
        </Heading>
        <div className="niva-billing-facts">
          <FactList
            facts={[
              [t('billing.overview.yearToDate'), `${formatCount(overview.yearToDate, locale)} (${counted})`],
              [t('billing.overview.forecast'), formatCount(overview.forecast, locale)],
              [t('billing.overview.category'), categoryText(t, overview.category)],
              [
                t('billing.overview.next'),
                overview.next === null
                  ? t('billing.overview.largest')
                  : t('billing.overview.distance', {
                      count: formatCount(overview.next.transactions, locale),
                      category: categoryText(t, overview.next.category),
                    }),
              ],
              [t('billing.overview.priceList'), overview.priceListName ?? t('billing.overview.publicModel')],
            ]}
          />
        </div>
      </section>
      <Heading level={2} data-size="sm">
        {t('billing.overview.monthsHeading')}
      </Heading>
      <MonthsTable page={page} overview={overview} />
      <Heading level={2} data-size="sm">
        {t('billing.overview.statementsHeading')}
      </Heading>
      <StatementsTable
        page={page}
        caption={t('billing.overview.statementsCaption', { owner: overview.owner.name })}
        statements={overview.statements}
        showOwner={false}
      />
    </Layout>
  );
}
