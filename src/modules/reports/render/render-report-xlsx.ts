import ExcelJS from 'exceljs';
import type { Locale } from '../../../platform/i18n/messages.ts';
import { sheetName } from '../../../platform/render/sheet-name.ts';
import type { ReportDocument, ReportSection, ReportTable } from './report-document.ts';

const contentsWords: Record<Locale, { sheet: string; section: string; table: string; sheetName: string }> = {
  nb: { sheet: 'Innhold', section: 'Del', table: 'Tabell', sheetName: 'Ark' },
  nn: { sheet: 'Innhald', section: 'Del', table: 'Tabell', sheetName: 'Ark' },
  en: { sheet: 'Contents', section: 'Section', table: 'Table', sheetName: 'Sheet' },
};

function tablesOf(doc: ReportDocument): { section: ReportSection; table: ReportTable }[] {
  return doc.sections.flatMap((section) =>
    section.nodes.flatMap((node) => (node.kind === 'table' ? [{ section, table: node.table }] : [])),
  );
}

/** A column as wide as its longest shown text (Excel's widths are in characters), within reason. */
function fitWidths(sheet: ExcelJS.Worksheet, texts: string[][]): void {
  const columns = Math.max(0, ...texts.map((row) => row.length));
  for (let c = 0; c < columns; c += 1) {
    const longest = Math.max(0, ...texts.map((row) => (row[c] ?? '').length));
    sheet.getColumn(c + 1).width = Math.min(60, Math.max(8, longest + 2));
  }
}

function addTableSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: table.rowHeaders ? 1 : 0, ySplit: 2 }],
  });
  sheet.addRow([table.caption]).font = { bold: true };
  sheet.addRow(table.columns).font = { bold: true };
  for (const cells of table.rows) {
    const row = sheet.addRow(table.columns.map((_, c) => cells[c]?.value ?? null));
    table.columns.forEach((_, c) => {
      const cell = cells[c];
      const target = row.getCell(c + 1);
      if (typeof cell?.value === 'number' && Number.isInteger(cell.value)) target.numFmt = '#,##0';
      if (cell?.tone === 'missed') target.font = { color: { argb: 'FFC01B1B' } };
    });
    if (table.rowHeaders) row.getCell(1).font = { bold: true };
  }
  // The caption is left out: it spans the row and would make the first column as wide as the sentence.
  fitWidths(sheet, [table.columns, ...table.rows.map((row) => row.map((cell) => cell.text))]);
}

/**
 * The report's tables as a workbook: a contents sheet listing each table with its section and sheet, then one sheet
 * per table with the caption in row 1, the frozen column headings in row 2 and raw values (numbers as numbers).
 */
export async function renderReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = doc.title;
  workbook.subject = doc.subtitle;
  workbook.creator = 'Nivå';
  const words = contentsWords[doc.lang];
  const taken = new Set<string>();
  const contentsName = sheetName(words.sheet, taken);
  const contents = workbook.addWorksheet(contentsName, { views: [{ state: 'frozen', ySplit: 2 }] });
  contents.addRow([`${doc.title} – ${doc.subtitle}`]).font = { bold: true };
  contents.addRow([words.section, words.table, words.sheetName]).font = { bold: true };
  const listed: string[][] = [[words.section, words.table, words.sheetName]];
  for (const { section, table } of tablesOf(doc)) {
    const name = sheetName(table.id, taken);
    addTableSheet(workbook, table, name);
    const row = contents.addRow([section.title, table.caption, name]);
    row.getCell(3).value = { text: name, hyperlink: `#'${name.replace(/'/g, "''")}'!A1` };
    listed.push([section.title, table.caption, name]);
  }
  fitWidths(contents, listed);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
