import ExcelJS from 'exceljs';
import type { Locale } from '../../../platform/i18n/messages.ts';
import { sheetName } from '../../../platform/render/sheet-name.ts';
import type { StatementDocument } from '../domain/statement-document.ts';
import { type LayoutFact, layoutStatement } from './layout-statement.ts';
import { oreToKronerNumber } from './money.ts';
import { fitColumnWidths } from './xlsx-widths.ts';

const oreFormat = '#,##0';
const nokFormat = '#,##0.00';

/**
 * A statement as a one-sheet workbook, read from the top like the PDF: title, the parties, the facts, the lines with
 * their total, the VAT note and the provenance. Amounts are numbers: øre exact as integers, kroner as the double
 * nearest the two-decimal amount, formatted with grouping and two decimals (Excel shows the reader's separators).
 */
export async function renderStatementXlsx(doc: StatementDocument, lang: Locale): Promise<Buffer> {
  const layout = layoutStatement(doc, lang);
  const t = layout.texts;
  const workbook = new ExcelJS.Workbook();
  workbook.title = layout.title;
  workbook.subject = layout.subtitle;
  workbook.creator = 'Nivå';
  const sheet = workbook.addWorksheet(sheetName(layout.title, new Set()));
  const widthTexts: string[][] = [];
  const addFacts = (facts: readonly LayoutFact[]) => {
    for (const fact of facts) {
      sheet.addRow([fact.label, fact.text]).getCell(1).font = { bold: true };
      widthTexts.push([fact.label]);
    }
  };

  sheet.addRow([layout.title]).font = { bold: true, size: 14 };
  sheet.addRow([layout.subtitle]);
  sheet.addRow([]);
  sheet.addRow(['', t.name, t.orgNumber, t.email]).font = { bold: true };
  for (const party of [layout.seller, layout.buyer]) {
    sheet.addRow([party.label, party.name, party.orgNumber, party.email]).getCell(1).font = { bold: true };
    widthTexts.push([party.label]);
  }
  sheet.addRow([]);
  addFacts(layout.facts);
  sheet.addRow([]);

  const header = [
    t.line,
    t.productCode,
    t.product,
    t.metricCode,
    t.metric,
    t.weightedTransactions,
    t.amountOre,
    t.amountNok,
  ];
  sheet.addRow(header).font = { bold: true };
  widthTexts.push(header);
  for (const line of layout.lines) {
    const row = sheet.addRow([
      line.number,
      line.productCode,
      line.productName,
      line.metricCode,
      line.metricName,
      line.weightedTransactions,
      line.ore,
      oreToKronerNumber(line.ore),
    ]);
    if (Number.isInteger(line.weightedTransactions)) row.getCell(6).numFmt = oreFormat;
    row.getCell(7).numFmt = oreFormat;
    row.getCell(8).numFmt = nokFormat;
    widthTexts.push([
      String(line.number),
      line.productCode,
      line.productName,
      line.metricCode,
      line.metricName,
      line.weightedText,
      String(line.ore),
      line.text,
    ]);
  }
  const total = sheet.addRow([
    t.total,
    null,
    null,
    null,
    null,
    null,
    layout.total.ore,
    oreToKronerNumber(layout.total.ore),
  ]);
  total.font = { bold: true };
  total.getCell(7).numFmt = oreFormat;
  total.getCell(8).numFmt = nokFormat;
  widthTexts.push([t.total, '', '', '', '', '', String(layout.total.ore), layout.total.text]);

  sheet.addRow([]);
  sheet.addRow([t.vatNote]);
  sheet.addRow([]);
  sheet.addRow([t.provenance]).font = { bold: true };
  addFacts(layout.provenance);
  // Widths follow the lines table and the labels; the title, the note and long fact texts may run over.
  fitColumnWidths(sheet, widthTexts);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
