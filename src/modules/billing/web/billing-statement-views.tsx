// One statement: what it is, its lines and total, what it was rated from, whether rating it again gives the same,
// and its documents.
import { Alert, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Translate } from '../../../platform/i18n/messages.ts';
import { FactList } from '../../../platform/web/fact-list.tsx';
import { formatInstant, monthName } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { kindText, ownerHref, periodText, purposeText, ScrollTable, statementHref } from './billing-display.tsx';
import { formatCount, formatOre } from './billing-money.ts';
import type { StatementView } from './billing-view-model.ts';

export const documentFormats = ['pdf', 'csv', 'xlsx', 'ehf'] as const;

function LinesTable({ page, statement }: { page: PageContext; statement: StatementView }) {
  const { t, locale } = page;
  const caption = t('billing.statement.linesCaption', { number: statement.number });
  return (
    <ScrollTable label={caption}>
      <Table data-size="sm" zebra className="niva-billing-lines">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('billing.statement.product')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('billing.statement.metric')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.statement.weighted')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="niva-num">
              {t('billing.statement.amount')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {statement.lines.map((l, i) => (
            <Table.Row key={i} data-line={i}>
              <Table.Cell>{l.productName}</Table.Cell>
              <Table.Cell>{l.metricName}</Table.Cell>
              <Table.Cell className="niva-num">{formatCount(l.weightedTransactions, locale)}</Table.Cell>
              <Table.Cell className="niva-num">{formatOre(l.ore, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row data-line="total">
            <Table.HeaderCell scope="row" colSpan={3}>
              {t('billing.total')}
            </Table.HeaderCell>
            <Table.Cell className="niva-num">{formatOre(statement.totalOre, locale)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </ScrollTable>
  );
}

/** Which of the checks failed, in words; the page says so beside the figures it is about. */
function failedChecks(t: Translate, v: StatementView['verification']): string {
  return [
    v.snapshotIntact ? null : t('billing.verify.snapshot'),
    v.priceListIntact ? null : t('billing.verify.priceList'),
    v.linesMatch ? null : t('billing.verify.lines'),
    v.recordedInAudit ? null : t('billing.verify.audit'),
  ]
    .filter((x): x is string => x !== null)
    .join(' ');
}

function Digest({ value }: { value: string }) {
  return <code className="niva-billing-digest">{value}</code>;
}

export function StatementPage({ page, statement }: { page: PageContext; statement: StatementView }) {
  const { t, locale } = page;
  const kind = kindText(t, statement.kind);
  const title = t('billing.statement.title', { kind, number: statement.number });
  const base = `/api/v1/billing/statements/${encodeURIComponent(statement.number)}/document?format=`;
  const { verification } = statement;
  return (
    <Layout page={page} title={title}>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {verification.matches ? (
        <Alert data-color="success" data-verified="yes">
          {t('billing.verify.matches')}
        </Alert>
      ) : (
        <Alert data-color="danger" data-verified="no">
          {`${t('billing.verify.differs')} ${failedChecks(t, verification)}`}
        </Alert>
      )}
      <div className="niva-billing-facts">
        <FactList
          facts={[
            // Whoever reads a statement may read its owner's overview: both are read through the same tenant scope.
            [
              t('billing.owner'),
              <Link href={ownerHref(statement.owner.code, statement.year)}>{statement.owner.name}</Link>,
            ],
            [t('billing.statement.kind'), kind],
            [
              t('billing.statement.purpose'),
              statement.purpose === 'correction' && statement.correctsNumber !== null ? (
                <>
                  {`${purposeText(t, statement.purpose)} ${t('billing.statement.correctsPrefix')} `}
                  <Link href={statementHref(statement.correctsNumber)}>{statement.correctsNumber}</Link>
                </>
              ) : (
                purposeText(t, statement.purpose)
              ),
            ],
            [t('billing.statement.period'), periodText(t, statement.year, statement.quarter)],
            [t('billing.statement.issued'), formatInstant(statement.issuedAt, locale)],
            [t('billing.statement.due'), statement.dueDate],
            [t('billing.statement.total'), formatOre(statement.totalOre, locale)],
          ]}
        />
      </div>
      <Heading level={2} data-size="sm">
        {t('billing.statement.linesHeading')}
      </Heading>
      <LinesTable page={page} statement={statement} />
      <section aria-labelledby="billing-provenance-heading">
        <Heading level={2} data-size="sm" id="billing-provenance-heading">
          {t('billing.provenance.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('billing.provenance.intro')}</Paragraph>
        <div className="niva-billing-facts">
          <FactList
            facts={[
              [t('billing.provenance.priceList'), <Digest key="id" value={statement.provenance.priceListId} />],
              [
                t('billing.provenance.priceListDigest'),
                <Digest key="digest" value={statement.provenance.priceListDigest} />,
              ],
              [t('billing.provenance.usageThrough'), monthName(statement.provenance.usageThrough, locale)],
              [
                t('billing.provenance.snapshotDigest'),
                <Digest key="snapshot" value={statement.provenance.snapshotDigest} />,
              ],
            ]}
          />
        </div>
      </section>
      <section aria-labelledby="billing-documents-heading">
        <Heading level={2} data-size="sm" id="billing-documents-heading">
          {t('billing.documents.heading')}
        </Heading>
        <ul className="niva-billing-documents">
          {documentFormats.map((format) => (
            <li key={format}>
              <Link href={`${base}${format}&lang=${locale}`} download>
                {t(`billing.documents.${format}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
