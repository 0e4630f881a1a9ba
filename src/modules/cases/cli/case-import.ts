import { parse } from 'csv-parse/sync';
import {
  type ImportColumn,
  importColumns,
  isImportColumn,
  requiredImportColumns,
  type RowValues,
} from '../services/case-import-rows.ts';
import type { ImportRow } from '../services/import-cases.ts';
import { UsageError } from '../../../platform/cli/output.ts';
import { csvDelimiter } from '../../../platform/cli/input-file.ts';

/** Contract column → the header name it has in the file, from `--map "external_id=Ticket ID,registered_at=Opened"`. */
export type ColumnMap = ReadonlyMap<ImportColumn, string>;

export function parseColumnMap(spec: string | undefined): ColumnMap {
  const map = new Map<ImportColumn, string>();
  if (spec === undefined) return map;
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    const target = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const source = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (source === '') throw new UsageError(`--map: expected column=Source Header, got ${pair.trim()}`);
    if (!isImportColumn(target))
      throw new UsageError(`--map: unknown column ${target} (known: ${importColumns.join(', ')})`);
    if (map.has(target)) throw new UsageError(`--map: ${target} is mapped twice`);
    map.set(target, source);
  }
  return map;
}

const lineBreaks = /\r\n|\r|\n/g;

function normalise(name: string): string {
  return name.trim().toLowerCase();
}

interface RawRecord {
  record: string[];
  raw: string;
}

function rawRecord(value: unknown): RawRecord {
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

export interface CsvCases {
  rows: ImportRow[];
  /** The header name a contract column has in this file, for reporting problems in the file's own terms. */
  headerOf: (column: ImportColumn) => string;
}

/**
 * The data rows of an import file keyed by contract column, each with the line it starts on (quoted fields may span
 * lines). Without the required columns the file is not one to import: one usage error names every missing column.
 */
export function csvCases(
  file: string,
  text: string,
  map: ColumnMap,
  options: { typeOptional?: boolean } = {},
): CsvCases {
  let records: RawRecord[];
  try {
    // csv-parse's types do not follow `raw: true`, so the shape is checked rather than asserted.
    const parsed: unknown[] = parse(text, {
      bom: true,
      raw: true,
      relax_column_count: true,
      delimiter: csvDelimiter(text),
    });
    records = parsed.map(rawRecord);
  } catch (error) {
    throw new UsageError(`${file}: not a CSV file (${error instanceof Error ? error.message : String(error)})`);
  }
  let line = 1;
  const located = records.map((r) => {
    const at = line;
    // Counted from the raw text, since csv-parse's own line counter drifts on CRLF inside quoted fields.
    line += r.raw.match(lineBreaks)?.length ?? 0;
    return { line: at, fields: r.record };
  });
  const nonEmpty = located.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = nonEmpty[0];
  if (!header) throw new UsageError(`${file}: not a CSV file (it is empty)`);

  const headerOf = (column: ImportColumn) => map.get(column) ?? column;
  const positions = new Map<ImportColumn, number>();
  const names = header.fields.map(normalise);
  for (const column of importColumns) {
    const index = names.indexOf(normalise(headerOf(column)));
    if (index >= 0) positions.set(column, index);
  }
  const required = requiredImportColumns.filter((c) => !(options.typeOptional && c === 'type'));
  const missing = required.filter((c) => !positions.has(c)).map((c) => (map.has(c) ? `${headerOf(c)} (${c})` : c));
  if (missing.length > 0)
    throw new UsageError(
      `${file}: not a CSV file of cases (missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')})`,
    );

  const rows = nonEmpty.slice(1).map(({ line: at, fields }): ImportRow => {
    const values: RowValues = {};
    for (const [column, index] of positions) values[column] = fields[index] ?? '';
    const extra = fields.slice(header.fields.length).filter((f) => f.trim() !== '');
    return extra.length > 0
      ? { line: at, values, malformed: `has ${fields.length} fields, the header ${header.fields.length}` }
      : { line: at, values };
  });
  return { rows, headerOf };
}
