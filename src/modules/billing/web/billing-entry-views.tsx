// The entry of billing: the operator side's year (what it costs, who funds it, what is billed), its statements and
// owners, and the admin's run form; an owner-side reader with several owners chooses one.
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { FailedForm } from '../../../platform/web/form.tsx';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { ownerHref, periodText, ScrollTable, StatementsTable, YearPicker } from './billing-display.tsx';
import { formatBasisPoints, formatOre } from './billing-money.ts';
import { RunForm, RunResult } from './billing-run-form.tsx';
import type { OwnerRow, RunResultView, StatementRow, SummaryView } from './billing-view-model.ts';

export interface BillingEntryView {
  page: PageContext;
  year: number;
  /** Years with a budget, oldest first. */
  years: number[];
  /** Null when the year has no budget. */
  summary: SummaryView | null;
  statements: StatementRow[];
  owners: OwnerRow[];
  canRun: boolean;
  failed?: FailedForm | undefined;
  result?: RunResultView | undefined;
}

function Figure({ label, value, name }: { label: string; value: string; name: string }) {
  return (
    <div className="niva-panel" data-figure={name}>
      <Paragraph data-size="sm">{label}</Paragraph>
      <p className="niva-figure__value niva-billing-amount">{value}</p>
    </div>
  );
}

function SummaryFigures({ page, summary }: { page: PageContext; summary: SummaryView }) {
  const { t, locale } = page;
  return (
    <section aria-labelledby="billing-summary-heading">
      <Heading level={2} data-size="sm" id="billing-summary-heading">
        {t('billing.summary.heading', { year: summary.year })}
      </Heading>
      <Paragraph data-size="sm">
        {t('billing.summary.alternative', { number: summary.alternative.number, name: summary.alternative.name })}
        {' · '}
        {summary.priceListName === null
          ? t('billing.summary.noPriceList')
          : t('billing.summary.priceList', { name: summary.priceListName })}
      </Paragraph>
      <div className="niva-figures niva-billing-figures">
        <Figure name="total" label={t('billing.summary.total')} value={formatOre(summary.totalCostOre, locale)} />
        <Figure name="central" label={t('billing.summary.central')} value={formatOre(summary.centralOre, locale)} />
        <Figure name="owners" label={t('billing.summary.owners')} value={formatOre(summary.ownersOre, locale)} />
        <Figure name="billed" label={t('billing.summary.billed')} value={formatOre(summary.billedOre, locale)} />
        <Figure
          name="coverage"
          label={t('billing.summary.coverage')}
          value={
            summary.coverageBasisPoints === null
              ? t('billing.summary.noOwnersPart')
              : formatBasisPoints(summary.coverageBasisPoints, locale)
          }
        />
      </div>
    </section>
  );
}

function PeriodsTable({ page, summary }: { page: PageContext; summary: SummaryView }) {
  const { t, locale } = page;
  const caption = t('billing.periods.caption', { year: summary.year });
  if (summary.periods.length === 0) return <Paragraph>{t('billing.periods.none')}</Paragraph>;
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-periods">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('billing.statement.period')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.periods.statements')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.periods.corrections')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.statement.total')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {summary.periods.map((p) => (
            <Table.Row key={p.quarter ?? 'year'} data-period={p.quarter ?? 'year'}>
              <Table.HeaderCell scope="row">{periodText(t, summary.year, p.quarter)}</Table.HeaderCell>
              <Table.Cell className="niva-num">{p.statements}</Table.Cell>
              <Table.Cell className="niva-num">{p.corrections}</Table.Cell>
              <Table.Cell className="niva-num">{formatOre(p.totalOre, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}

function OwnersTable({ page, year, owners }: { page: PageContext; year: number; owners: readonly OwnerRow[] }) {
  const { t, locale } = page;
  const caption = t('billing.owners.caption', { year });
  if (owners.length === 0) return <Paragraph>{t('billing.owners.none')}</Paragraph>;
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-owners">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('billing.owner')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.owners.statements')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.owners.billed')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {owners.map((o) => (
            <Table.Row key={o.code} data-owner={o.code}>
              <Table.HeaderCell scope="row">
                <Link href={ownerHref(o.code, year)}>{o.name}</Link>
              </Table.HeaderCell>
              <Table.Cell className="niva-num">{o.statements}</Table.Cell>
              <Table.Cell className="niva-num">{formatOre(o.billedOre, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}

export function BillingEntryPage({ view }: { view: BillingEntryView }) {
  const { page, year, years, summary } = view;
  const { t } = page;
  return (
    <Layout page={page} title={t('billing.title')}>
      <Heading level={1} data-size="lg">
        {t('billing.title')}
      </Heading>
      <Paragraph>{t('billing.intro')}</Paragraph>
      {years.length === 0 ? (
        <Paragraph>{t('billing.noBudgets')}</Paragraph>
      ) : (
        <YearPicker page={page} action="/billing" years={years} year={year} />
      )}
      <Paragraph>
        <Link href={`/billing/scenarios?year=${year}`}>{t('billing.scenarios.link')}</Link>
      </Paragraph>
      {view.result && <RunResult page={page} result={view.result} />}
      {summary === null ? (
        years.length > 0 && <Paragraph>{t('billing.noBudgetFor', { year })}</Paragraph>
      ) : (
        <>
          <SummaryFigures page={page} summary={summary} />
          <Heading level={2} data-size="sm">
            {t('billing.periods.heading')}
          </Heading>
          <PeriodsTable page={page} summary={summary} />
        </>
      )}
      <Heading level={2} data-size="sm">
        {t('billing.statements.heading', { year })}
      </Heading>
      <StatementsTable
        page={page}
        caption={t('billing.statements.caption', { year })}
        statements={view.statements}
        showOwner
      />
      <Heading level={2} data-size="sm">
        {t('billing.owners.heading')}
      </Heading>
      <OwnersTable page={page} year={year} owners={view.owners} />
      {view.canRun && <RunForm page={page} years={years} year={year} failed={view.failed} />}
    </Layout>
  );
}

/** An owner-side reader of several owners (or none) chooses whose billing to see. */
export function OwnerChoicePage({
  page,
  owners,
}: {
  page: PageContext;
  owners: readonly { code: string; name: string }[];
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('billing.title')}>
      <Heading level={1} data-size="lg">
        {t('billing.title')}
      </Heading>
      {owners.length === 0 ? (
        <Paragraph>{t('billing.owners.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('billing.owners.choose')}</Paragraph>
          <ul>
            {owners.map((o) => (
              <li key={o.code}>
                <Link href={ownerHref(o.code)}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
