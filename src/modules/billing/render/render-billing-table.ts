import ExcelJS from 'exceljs';
import { sheetName } from '../../../platform/render/sheet-name.ts';
import type { BillingTable } from './billing-table.ts';
import { csvDocument } from './csv.ts';
import { fitColumnWidths } from './xlsx-widths.ts';

/** The table's rows, each as wide as its columns; a row wider than the heading is a bug in whoever built the table. */
function rowsOf(table: BillingTable): (string | number | null)[][] {
  return table.rows.map((row, r) => {
    if (row.length > table.columns.length)
      throw new Error(`table ${table.id}: row ${r + 1} has ${row.length} cells for ${table.columns.length} columns`);
    return table.columns.map((_, c) => row[c] ?? null);
  });
}

/** One table as CSV: the column headings, then the raw cells (numbers as numbers, text made formula-safe). */
export function renderBillingTableCsv(table: BillingTable): string {
  return csvDocument([table.columns, ...rowsOf(table)]);
}

/**
 * Tables as a workbook, one sheet per table named by its id: the caption in row 1, the column headings in row 2
 * (frozen), then the raw cells, so figures stay numbers a spreadsheet can sum.
 */
export async function renderBillingTablesXlsx(tables: readonly BillingTable[]): Promise<Buffer> {
  // A workbook without sheets is one Excel refuses to open.
  if (tables.length === 0) throw new Error('a workbook needs at least one table');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nivå';
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.id, taken), { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow([table.caption]).font = { bold: true };
    sheet.addRow(table.columns).font = { bold: true };
    const rows = rowsOf(table);
    for (const row of rows) sheet.addRow(row);
    // The caption is left out: it spans the row and would make the first column as wide as the sentence.
    fitColumnWidths(sheet, [
      table.columns,
      ...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
