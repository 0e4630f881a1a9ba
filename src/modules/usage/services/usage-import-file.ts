import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { SheetRow, UsageSheet } from '../domain/usage-aggregate-rows.ts';
import { AppError } from '../../../platform/services/app-error.ts';

export type UsageFileKind = 'csv' | 'xlsx';

/** The media types the import accepts, for the API's documentation and content checks. */
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function isZip(content: Uint8Array): boolean {
  return content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04;
}

/** Names the file rather than the field, so the one line a person reads starts with what they gave. */
function notImportable(fileName: string, why: string): AppError {
  const message = `${fileName}: ${why}`;
  return new AppError('validation', message, { fields: [{ field: 'file', message }] });
}

/**
 * Which reader a file needs: the extension decides for .csv and .xlsx, content decides for a name without one
 * (an upload may have none). Anything else is refused before it is read.
 */
export function usageFileKind(fileName: string, content: Uint8Array): UsageFileKind {
  const extension = extensionOf(fileName);
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv') return 'csv';
  if (extension === '') return isZip(content) ? 'xlsx' : 'csv';
  throw notImportable(fileName, 'neither a CSV nor an XLSX file (.csv or .xlsx)');
}

// A CSV line count that follows the raw text: quoted fields may span lines, and the file's own numbering is what a
// person looks up.
const lineBreaks = /\r\n|\r|\n/g;

function rawRecord(value: unknown): { record: string[]; raw: string } {
  if (
    typeof value === 'object' &&
    value !== null &&
    'record' in value &&
    'raw' in value &&
    Array.isArray(value.record) &&
    typeof value.raw === 'string'
  ) {
    return { record: value.record.map(String), raw: value.raw };
  }
  throw new Error('unexpected record shape from the CSV parser');
}

/** The rows of a CSV file (comma or, as spreadsheets in a Norwegian locale write it, semicolon separated). */
export function readUsageCsv(fileName: string, content: Uint8Array): UsageSheet {
  if (content.includes(0))
    throw notImportable(fileName, 'not a CSV file (binary content; save the sheet as CSV UTF-8 or .xlsx)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw notImportable(fileName, 'not a CSV file (not UTF-8 text; save it as CSV UTF-8)');
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  let records: { record: string[]; raw: string }[];
  try {
    // csv-parse's types do not follow `raw: true`, so the shape is checked rather than asserted.
    const parsed: unknown[] = parse(text, { bom: true, raw: true, relax_column_count: true, delimiter });
    records = parsed.map(rawRecord);
  } catch (error) {
    throw notImportable(fileName, `not a CSV file (${error instanceof Error ? error.message : String(error)})`);
  }
  let line = 1;
  const rows: SheetRow[] = records.map((r) => {
    const at = line;
    line += r.raw.match(lineBreaks)?.length ?? 0;
    return { line: at, cells: r.record };
  });
  return { name: null, rows };
}

/** A cell as the text a person sees in it: numbers without grouping, formulas by their cached result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** Every sheet of a workbook with its rows; row numbers are the sheet's own. */
export async function readUsageWorkbook(fileName: string, content: Uint8Array): Promise<UsageSheet[]> {
  if (!isZip(content)) throw notImportable(fileName, 'not an XLSX file (save the workbook as .xlsx)');
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs declares its own Buffer interface; a Node Buffer over the same bytes satisfies it at run time.
    await workbook.xlsx.load(Buffer.from(content) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw notImportable(
      fileName,
      `not an XLSX file (${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'})`,
    );
  }
  const sheets: UsageSheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // row.values is 1-based: index 0 is always empty.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push({ line: rowNumber, cells: Array.from(values, (v) => cellText(v)) });
    });
    if (rows.length > 0) sheets.push({ name: worksheet.name, rows });
  });
  return sheets;
}

/** The tables of an import file, as sheets; a CSV file is one sheet without a name. */
export async function readUsageFile(
  fileName: string,
  content: Uint8Array,
): Promise<{ kind: UsageFileKind; sheets: UsageSheet[] }> {
  const kind = usageFileKind(fileName, content);
  if (kind === 'xlsx') return { kind, sheets: await readUsageWorkbook(fileName, content) };
  return { kind, sheets: [readUsageCsv(fileName, content)] };
}
