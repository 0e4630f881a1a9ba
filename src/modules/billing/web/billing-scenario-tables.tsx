// The scenario comparison's tables: the alternatives beside seed 003's published figures, every owner's amount under
// each alternative with its change against today's model (alternative 0), and each product's split.
import { Table } from '@digdir/designsystemet-react';
import type { Locale } from '../../../platform/i18n/messages.ts';
import type { PageContext } from '../../../platform/web/layout.tsx';
import { ScrollTable } from './billing-display.tsx';
import { formatMnok, formatOre, formatOreChange } from './billing-money.ts';
import type { AlternativeView, ComparisonView } from './billing-view-model.ts';

/** A published figure: "360" or, where seed 003 gives a range, "340–380". */
function publishedText([from, to]: [number, number], locale: Locale): string {
  const f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 });
  return from === to ? f.format(from) : `${f.format(from)}–${f.format(to)}`;
}

export function AlternativesTable({ page, alternatives }: { page: PageContext; alternatives: AlternativeView[] }) {
  const { t, locale } = page;
  const caption = t('billing.scenarios.alternativesCaption');
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-alternatives">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('billing.scenarios.alternative')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.scenarios.totalMnok')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.scenarios.centralMnok')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.scenarios.publishedCentral')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.scenarios.ownersMnok')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.scenarios.publishedOwners')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {alternatives.map((a) => (
            <Table.Row key={a.number} data-alternative={a.number}>
              <Table.HeaderCell scope="row">{`${a.number}. ${a.name}`}</Table.HeaderCell>
              <Table.Cell className="niva-num">{formatMnok(a.totalOre, locale)}</Table.Cell>
              <Table.Cell className="niva-num">{formatMnok(a.centralOre, locale)}</Table.Cell>
              <Table.Cell className="niva-num">{publishedText(a.published.central, locale)}</Table.Cell>
              <Table.Cell className="niva-num">{formatMnok(a.ownersOre, locale)}</Table.Cell>
              <Table.Cell className="niva-num">{publishedText(a.published.owners, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}

/** Two header rows: each alternative over its columns, then the names of those columns. */
function GroupedHeader({
  first,
  alternatives,
  columns,
}: {
  first: string;
  alternatives: AlternativeView[];
  columns: (a: AlternativeView) => string[];
}) {
  return (
    <Table.Head>
      <Table.Row>
        <Table.HeaderCell scope="col" rowSpan={2}>
          {first}
        </Table.HeaderCell>
        {alternatives.map((a) => (
          <Table.HeaderCell key={a.number} scope="colgroup" colSpan={columns(a).length}>
            {a.name}
          </Table.HeaderCell>
        ))}
      </Table.Row>
      <Table.Row>
        {alternatives.flatMap((a) =>
          columns(a).map((label) => (
            <Table.HeaderCell key={`${a.number}-${label}`} scope="col" className="niva-num">
              {label}
            </Table.HeaderCell>
          )),
        )}
      </Table.Row>
    </Table.Head>
  );
}

export function OwnersTable({ page, comparison }: { page: PageContext; comparison: ComparisonView }) {
  const { t, locale } = page;
  const caption = t('billing.scenarios.ownersCaption');
  const amount = t('billing.scenarios.amount');
  const change = t('billing.scenarios.change');
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-scenario-owners">
        <caption>{caption}</caption>
        <GroupedHeader
          first={t('billing.owner')}
          alternatives={comparison.alternatives}
          columns={(a) => (a.number === 0 ? [amount] : [amount, change])}
        />
        <Table.Body>
          {comparison.owners.map((o) => (
            <Table.Row key={o.code} data-owner={o.code}>
              <Table.HeaderCell scope="row">{o.name}</Table.HeaderCell>
              {o.amounts.flatMap((x, i) => {
                const number = comparison.alternatives[i]?.number ?? i;
                const cells = [
                  <Table.Cell key={`${number}-amount`} className="niva-num">
                    {formatOre(x.ore, locale)}
                  </Table.Cell>,
                ];
                if (number !== 0)
                  cells.push(
                    <Table.Cell key={`${number}-change`} className="niva-num">
                      {formatOreChange(x.changeOre, locale)}
                    </Table.Cell>,
                  );
                return cells;
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}

export function ProductsTable({ page, comparison }: { page: PageContext; comparison: ComparisonView }) {
  const { t, locale } = page;
  const caption = t('billing.scenarios.productsCaption');
  const central = t('billing.scenarios.central');
  const owners = t('billing.scenarios.owners');
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-scenario-products">
        <caption>{caption}</caption>
        <GroupedHeader
          first={t('billing.statement.product')}
          alternatives={comparison.alternatives}
          columns={() => [central, owners]}
        />
        <Table.Body>
          {comparison.products.map((p) => (
            <Table.Row key={p.id} data-product={p.id}>
              <Table.HeaderCell scope="row">{`${p.name} (${formatMnok(p.totalOre, locale)})`}</Table.HeaderCell>
              {p.parts.flatMap((x, i) => [
                <Table.Cell key={`${i}-central`} className="niva-num">
                  {formatMnok(x.centralOre, locale)}
                </Table.Cell>,
                <Table.Cell key={`${i}-owners`} className="niva-num">
                  {formatMnok(x.ownersOre, locale)}
                </Table.Cell>,
              ])}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}
