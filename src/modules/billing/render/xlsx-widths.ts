import type ExcelJS from 'exceljs';

/** Each column as wide as its longest shown text (Excel's widths are in characters), within reason. */
export function fitColumnWidths(sheet: ExcelJS.Worksheet, texts: readonly (readonly string[])[]): void {
  const columns = Math.max(0, ...texts.map((row) => row.length));
  for (let c = 0; c < columns; c += 1) {
    const longest = Math.max(0, ...texts.map((row) => (row[c] ?? '').length));
    sheet.getColumn(c + 1).width = Math.min(60, Math.max(8, longest + 2));
  }
}
