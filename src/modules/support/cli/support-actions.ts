import { parse } from 'csv-parse/sync';
import { supportLines } from '../domain/support-kpis.ts';
import type { SupportPeriodKpis } from '../domain/support-targets.ts';
import { AppError, isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { importSupportCalls } from '../services/import-support-calls.ts';
import { importSupportEmails } from '../services/import-support-emails.ts';
import type { SupportImportReport } from '../services/import-support-log.ts';
import { supportKpis } from '../services/support-kpis.ts';
import { callColumns, type Column, emailColumns } from './support-columns.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { monthArg } from '../../../platform/cli/args.ts';
import { csvDelimiter, readCsvText } from '../../../platform/cli/input-file.ts';

const flagWords: Record<string, boolean | 0 | 1> = {
  '0': 0,
  '1': 1,
  true: true,
  false: false,
  ja: true,
  nei: false,
  yes: true,
  no: false,
};

/** A cell as the operation expects it: empty optional instants are null, flags are 0/1, anything else stays text for it to judge. */
function cellValue(column: Column, cell: string): unknown {
  const text = cell.trim();
  if (column.kind === 'instant') return text === '' && column.optional ? null : text;
  if (column.kind === 'flag') return text === '' ? undefined : (flagWords[text.toLowerCase()] ?? text);
  return text;
}

interface CsvRecords {
  records: Record<string, unknown>[];
  /** The file line each record starts on (the header is line 1). */
  lines: number[];
}

function withInfo(value: unknown): { record: string[]; info: { lines: number } } {
  if (
    typeof value === 'object' &&
    value !== null &&
    'record' in value &&
    'info' in value &&
    Array.isArray(value.record) &&
    typeof value.info === 'object' &&
    value.info !== null &&
    'lines' in value.info
  ) {
    return { record: value.record.map(String), info: { lines: Number(value.info.lines) } };
  }
  throw new Error('unexpected record shape from the CSV parser');
}

export function readSupportCsv(file: string, text: string, columns: readonly Column[]): CsvRecords {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not follow `info: true`, so the shape is checked rather than asserted.
    const parsed: unknown[] = parse(text, {
      bom: true,
      delimiter: csvDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    rows = parsed.map(withInfo);
  } catch (error) {
    throw new UsageError(`${file}: not a CSV file (${error instanceof Error ? error.message : String(error)})`);
  }
  const [header, ...data] = rows;
  if (!header) throw new UsageError(`${file}: not a CSV file (it is empty)`);
  const names = header.record.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !columns.some((c) => c.csv === n));
  if (unknown.length > 0)
    throw new UsageError(
      `${file}: unknown column ${unknown.join(', ')} (known: ${columns.map((c) => c.csv).join(', ')})`,
    );
  const missing = columns.filter((c) => !c.optional && !names.includes(c.csv)).map((c) => c.csv);
  if (missing.length > 0)
    throw new UsageError(`${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for (const row of data) {
    if (row.record.length > names.length)
      throw new UsageError(`row ${row.info.lines}: has ${row.record.length} fields, the header ${names.length}`);
    const record: Record<string, unknown> = {};
    for (const column of columns) {
      const index = names.indexOf(column.csv);
      if (index < 0) continue;
      const value = cellValue(column, row.record[index] ?? '');
      if (value !== undefined) record[column.field] = value;
    }
    records.push(record);
    lines.push(row.info.lines);
  }
  return { records, lines };
}

/** `3.answeredAt: is before queuedAt` → `row 5, column answered_at: is before queuedAt`, in the file's own terms. */
export function csvProblem(error: AppError, lines: readonly number[], columns: readonly Column[]): AppError {
  const problems = error.fields.map((f) => {
    const [index = '', field = ''] = f.field.split('.');
    const line = /^\d+$/.test(index) ? lines[Number(index)] : undefined;
    if (line === undefined) return f.message;
    const column = columns.find((c) => c.field === field)?.csv ?? field;
    // The operation names fields by their JSON names; in a file they are the columns.
    const message = columns.reduce((m, c) => m.replaceAll(c.field, c.csv), f.message);
    return `row ${line}, column ${column}: ${message}`;
  });
  const more = error.fields.length > 1 ? ` (and ${error.fields.length - 1} more)` : '';
  return new AppError(error.code, `${problems[0] ?? error.message}${more}`, { fields: error.fields });
}

type Importer = (
  ctx: ServiceContext,
  records: readonly unknown[],
  options: { dryRun?: boolean; source?: string },
) => Promise<SupportImportReport>;

async function importFile(
  run: CliRun,
  file: string,
  opts: { dryRun?: boolean; json?: boolean },
  columns: readonly Column[],
  importer: Importer,
  what: string,
): Promise<void> {
  const { records, lines } = readSupportCsv(file, readCsvText(file), columns);
  let report: SupportImportReport;
  try {
    report = await run.withStore(async (store) =>
      importer(await run.context(store), records, { dryRun: !!opts.dryRun, source: file }),
    );
  } catch (error) {
    throw isAppError(error) && error.code === 'validation' ? csvProblem(error, lines, columns) : error;
  }
  const verb = report.dryRun ? 'would import' : 'imported';
  run.print(
    !!opts.json,
    { ...report },
    `${verb} ${report.inserted} ${what}; ${report.skipped} already imported${report.dryRun ? ' (dry run: nothing written)' : ''}`,
  );
}

function kpiLines(p: SupportPeriodKpis): string {
  const cells = p.kpis.map(
    (k) =>
      `${k.id} ${k.shown === null ? '—' : k.shown}${k.unit === 'seconds' ? ' s' : k.unit === 'percent' ? ' %' : ''}${k.met === null ? '' : k.met ? ' (met)' : ' (not met)'}`,
  );
  return `${p.period.key} ${p.line}: ${cells.join(', ')}`;
}

export function importCalls(run: CliRun, file: string, opts: { dryRun?: boolean; json?: boolean }): Promise<void> {
  return importFile(run, file, opts, callColumns, importSupportCalls, 'calls');
}

export function importEmails(run: CliRun, file: string, opts: { dryRun?: boolean; json?: boolean }): Promise<void> {
  return importFile(run, file, opts, emailColumns, importSupportEmails, 'e-mails');
}

export async function kpis(
  run: CliRun,
  opts: { month: string; line: string; weeks?: boolean; json?: boolean },
): Promise<void> {
  monthArg('--month', opts.month);
  if (!(supportLines as readonly string[]).includes(opts.line))
    throw new UsageError(`--line: expected one of ${supportLines.join(', ')}: ${opts.line}`);
  const periods = await run.withStore(async (store) =>
    supportKpis(await run.context(store), {
      period: opts.weeks ? 'week' : 'month',
      from: opts.month,
      line: opts.line as (typeof supportLines)[number],
    }),
  );
  const items = periods.map((p) => ({
    period: p.period.key,
    line: p.line,
    kpis: p.kpis.map((k) => ({ id: k.id, value: k.value, shown: k.shown, met: k.met, target: k.target })),
    phone: {
      offered: p.phone.offered,
      answeredDirectly: p.phone.answeredDirectly,
      callbacks: p.phone.callbacks,
      abandoned: p.phone.abandoned,
    },
    email: { count: p.email.count, inTime: p.email.inTime, late: p.email.late, pending: p.email.pending },
    selfService: {
      count: p.selfService.count,
      inTime: p.selfService.inTime,
      late: p.selfService.late,
      pending: p.selfService.pending,
    },
  }));
  run.print(!!opts.json, { items }, periods.map(kpiLines).join('\n'));
}
