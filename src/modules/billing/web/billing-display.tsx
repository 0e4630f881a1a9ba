// Pieces every billing page shares: how a period, a kind and a size category read, the scrolling table box, the
// year picker and the list of statements.
import type { ReactNode } from 'react';
import { Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Translate } from '../../../platform/i18n/messages.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import { SelectField } from '../../../platform/web/form.tsx';
import type { PageContext } from '../../../platform/web/layout.tsx';
import type { SizeCategory } from '../domain/billing-model.ts';
import { formatOre } from './billing-money.ts';
import type { StatementRow } from './billing-view-model.ts';

/** "2025 (the year)" or "Quarter 1 2026 (provisional)". */
export function periodText(t: Translate, year: number, quarter: number | null): string {
  return quarter === null ? t('billing.period.year', { year }) : t('billing.period.quarter', { year, quarter });
}

export function kindText(t: Translate, kind: 'invoice' | 'credit-note'): string {
  return kind === 'invoice' ? t('billing.kind.invoice') : t('billing.kind.creditNote');
}

export function purposeText(t: Translate, purpose: 'original' | 'correction'): string {
  return purpose === 'original' ? t('billing.purpose.original') : t('billing.purpose.correction');
}

export function categoryText(t: Translate, category: SizeCategory): string {
  return t(`billing.category.${category}`);
}

export function statementHref(number: string): string {
  return `/billing/statements/${encodeURIComponent(number)}`;
}

export function ownerHref(code: string, year?: number): string {
  return `/billing/owners/${encodeURIComponent(code)}${year === undefined ? '' : `?year=${year}`}`;
}

/**
 * A table that scrolls sideways in its own box on a narrow screen instead of widening the page; the box is a named
 * region reachable by keyboard, so it can be scrolled without a mouse.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="niva-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A GET form choosing the year a page shows. */
export function YearPicker({
  page,
  action,
  years,
  year,
}: {
  page: PageContext;
  action: string;
  years: readonly number[];
  year: number;
}) {
  const { t } = page;
  return (
    <form method="get" action={action} className="niva-filters" aria-label={t('billing.chooseYear')}>
      <SelectField
        name="year"
        label={t('billing.year')}
        value={String(year)}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <Button type="submit" variant="secondary" className="niva-filters__submit">
        {t('billing.show')}
      </Button>
    </form>
  );
}

/** Statements, newest first: number (linked), owner when the list has several, period, kind, total and issue time. */
export function StatementsTable({
  page,
  caption,
  statements,
  showOwner,
}: {
  page: PageContext;
  caption: string;
  statements: readonly StatementRow[];
  showOwner: boolean;
}) {
  const { t, locale } = page;
  if (statements.length === 0) return <Paragraph>{t('billing.statements.none')}</Paragraph>;
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-statements">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('billing.statement.number')}</Table.HeaderCell>
            {showOwner && <Table.HeaderCell scope="col">{t('billing.owner')}</Table.HeaderCell>}
            <Table.HeaderCell scope="col">{t('billing.statement.period')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('billing.statement.kind')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.statement.total')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('billing.statement.issued')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {statements.map((s) => (
            <Table.Row key={s.number} data-statement={s.number}>
              <Table.HeaderCell scope="row" className="niva-billing-nowrap">
                <Link href={statementHref(s.number)}>{s.number}</Link>
              </Table.HeaderCell>
              {showOwner && <Table.Cell>{s.owner.name}</Table.Cell>}
              <Table.Cell>{periodText(t, s.year, s.quarter)}</Table.Cell>
              <Table.Cell>
                {kindText(t, s.kind)}
                {s.purpose === 'correction' && s.correctsNumber !== null && (
                  <> {t('billing.statement.correctsShort', { number: s.correctsNumber })}</>
                )}
              </Table.Cell>
              <Table.Cell className="niva-num">{formatOre(s.totalOre, locale)}</Table.Cell>
              <Table.Cell>{formatInstant(s.issuedAt, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}
