import type { ReportDocument, ReportTable } from './report-document.ts';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Text cells carry what people wrote (roadmap items, change titles); one that starts like a formula would run as one
 * in a spreadsheet, so it is prefixed with an apostrophe, which spreadsheets show as text. Numbers stay numbers.
 */
function rawText(value: number | string | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One report table as CSV (RFC 4180, CRLF, a byte-order mark so spreadsheet programs read æøå as UTF-8): the column
 * headings, then each row's raw values. The delimiter is a comma, as in the usage statistics export, so the two
 * downloads read alike; raw figures use a decimal point (99.96), so a comma never occurs inside a number.
 */
export function renderTableCsv(table: ReportTable): string {
  const lines = [
    table.columns,
    ...table.rows.map((row) => table.columns.map((_, c) => rawText(row[c]?.value ?? null))),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The table with this id anywhere in the report. */
export function findTable(doc: ReportDocument, id: string): ReportTable | undefined {
  for (const section of doc.sections) {
    for (const node of section.nodes) if (node.kind === 'table' && node.table.id === id) return node.table;
  }
  return undefined;
}
