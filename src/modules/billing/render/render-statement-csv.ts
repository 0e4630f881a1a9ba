import type { Locale } from '../../../platform/i18n/messages.ts';
import type { StatementDocument } from '../domain/statement-document.ts';
import { type CsvValue, csvDocument } from './csv.ts';
import { layoutStatement } from './layout-statement.ts';

/**
 * A statement as one rectangular CSV table, one row per line and a last row with the total (its line column says
 * "Sum"). What belongs to the whole statement (number, kind, period, what it corrects, and the provenance: price list
 * and digest, usage through, snapshot digest) is repeated on every row, so each row stands alone when files are
 * concatenated or filtered. Amounts are signed, as in the statement: øre as integers, and kroner with a decimal point
 * and exactly two decimals.
 */
export function renderStatementCsv(doc: StatementDocument, lang: Locale): string {
  const layout = layoutStatement(doc, lang);
  const t = layout.texts;
  const header = [
    t.number,
    t.kind,
    t.periodStart,
    t.periodEnd,
    t.corrects,
    t.line,
    t.productCode,
    t.product,
    t.metricCode,
    t.metric,
    t.weightedTransactions,
    t.amountOre,
    t.amountNok,
    t.priceList,
    t.priceListDigest,
    t.usageThrough,
    t.snapshotDigest,
  ];
  const statement: CsvValue[] = [doc.number, layout.kindText, doc.period.start, doc.period.end, doc.correctsNumber];
  const provenance: CsvValue[] = [
    doc.provenance.priceListId,
    doc.provenance.priceListDigest,
    doc.provenance.usageThrough,
    doc.provenance.snapshotDigest,
  ];
  const rows: CsvValue[][] = layout.lines.map((line) => [
    ...statement,
    line.number,
    line.productCode,
    line.productName,
    line.metricCode,
    line.metricName,
    line.weightedTransactions,
    line.ore,
    { figure: line.decimal },
    ...provenance,
  ]);
  rows.push([
    ...statement,
    t.total,
    null,
    null,
    null,
    null,
    null,
    layout.total.ore,
    { figure: layout.total.decimal },
    ...provenance,
  ]);
  return csvDocument([header, ...rows]);
}
