/**
 * CSV as the billing downloads write it: RFC 4180 with a comma, CRLF line ends and a byte-order mark (so spreadsheet
 * programs read æøå as UTF-8), like the service report's tables. Figures use a decimal point, so a comma never occurs
 * inside one.
 */

/** A figure Nivå wrote itself (e.g. kroner "-0.05"), written as is: it is a number to a spreadsheet, not a formula. */
export interface CsvFigure {
  figure: string;
}

export type CsvValue = string | number | null | CsvFigure;

const figure = /^-?\d+(?:\.\d+)?$/;

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number as plain decimal text: JavaScript writes very large and very small ones with an exponent. */
function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (value === 0) return '0';
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * One cell's text. Text carries names others wrote (products, owners, scenarios); one that starts like a formula
 * would run as one in a spreadsheet, so it gets an apostrophe in front, which spreadsheets show as text.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'object') {
    if (!figure.test(value.figure)) throw new Error(`not a figure: ${value.figure}`);
    return value.figure;
  }
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((cells) => cells.map((cell) => field(csvCell(cell))).join(',')).join('\r\n')}\r\n`;
}
