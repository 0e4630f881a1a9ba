/**
 * Reading monthly usage figures from a table (a CSV file or one sheet of a workbook), before owners and services
 * are looked up. Two shapes are understood, told apart by the header:
 * - wide, the shape of the service report's tables: `year` and one column per month, for one metric;
 * - long: `metric,year,month,count` with optional `owner` and `service` columns.
 * Every problem names the row as numbered in the file (1 = the header) and the column by its header.
 */

export interface SheetRow {
  /** Row (line) number in the file; the header is row 1 when it is the first line. */
  line: number;
  cells: readonly string[];
}

export interface UsageSheet {
  /** The workbook sheet's name; null for a CSV file. */
  name: string | null;
  rows: readonly SheetRow[];
}

export type AggregateShape = 'wide' | 'long';

/** One monthly figure as the file states it. */
export interface AggregateFigure {
  metric: string;
  /** `YYYY-MM`. */
  month: string;
  count: number;
  /** Organisation code, or null for a platform-wide figure. */
  ownerCode: string | null;
  /** Service resource id, or null when the figure is not for one service. */
  resourceId: string | null;
  sheet: string | null;
  line: number;
  /** The header of the cell holding the count, for problems found later (owner, closed month). */
  column: string;
  /** Header of the owner / service cell, when the row had one. */
  ownerColumn: string | null;
  serviceColumn: string | null;
}

export interface AggregateProblem {
  sheet: string | null;
  row: number;
  column: string | null;
  problem: string;
}

export interface SheetOptions {
  /** The metric of a wide table, when not named by the sheet. */
  metric: string | null;
  /** The owner of every figure of a wide table, and of long rows that name none. */
  ownerCode: string | null;
  metrics: ReadonlySet<string>;
}

export interface SheetReading {
  shape: AggregateShape | null;
  /** Data rows read (the header and blank rows not counted). */
  rows: number;
  figures: AggregateFigure[];
  problems: AggregateProblem[];
}

const monthNames: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  januar: 1,
  feb: 2,
  february: 2,
  februar: 2,
  mar: 3,
  march: 3,
  mars: 3,
  apr: 4,
  april: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juni: 6,
  jul: 7,
  july: 7,
  juli: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  des: 12,
  desember: 12,
};

const yearHeaders = new Set(['year', 'år', 'aar']);
const totalHeaders = new Set(['total', 'sum', 'totalt']);
const longColumns = ['metric', 'year', 'month', 'count'] as const;
const optionalLongColumns = ['owner', 'service'] as const;
export const minYear = 2000;
export const maxYear = 2100;

function normalise(header: string): string {
  // Spreadsheets often leave a trailing period on abbreviations ("jan.", "sept.").
  return header.trim().toLowerCase().replace(/\.$/, '');
}

/** The month (1–12) a wide table's column header names, in English or Norwegian, full or abbreviated; else null. */
export function monthOfHeader(header: string): number | null {
  return monthNames[normalise(header)] ?? null;
}

export type CountReading = { ok: true; value: number } | { ok: false; reason: string };

// Digits, optionally in groups separated by one space (also no-break and narrow no-break spaces, as spreadsheets
// print them): "6397333", "6 397 333", "6397 333". Every group after the first has three digits.
const spacedInteger = /^\d+(?:[ \u00a0\u202f]\d{3})*$/;

/** A count as printed in a report: a whole, non-negative number, possibly with spaces between thousands. */
export function parseCount(text: string): CountReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'a count is required' };
  if (/^[-−]\s*\d/.test(trimmed)) return { ok: false, reason: `${trimmed} is negative; counts are 0 or more` };
  if (!spacedInteger.test(trimmed)) return { ok: false, reason: `${trimmed} is not a whole number` };
  const value = Number(trimmed.replace(/[ \u00a0\u202f]/g, ''));
  if (!Number.isSafeInteger(value)) return { ok: false, reason: `${trimmed} is too large` };
  return { ok: true, value };
}

function parseYear(text: string): CountReading {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed))
    return { ok: false, reason: trimmed === '' ? 'a year is required' : `${trimmed} is not a year` };
  const year = Number(trimmed);
  if (year < minYear || year > maxYear) return { ok: false, reason: `${year} is outside ${minYear}–${maxYear}` };
  return { ok: true, value: year };
}

function parseMonthCell(text: string): CountReading {
  const trimmed = text.trim();
  const named = monthOfHeader(trimmed);
  if (named !== null) return { ok: true, value: named };
  if (!/^\d{1,2}$/.test(trimmed))
    return { ok: false, reason: trimmed === '' ? 'a month is required' : `${trimmed} is not a month (1–12)` };
  const month = Number(trimmed);
  if (month < 1 || month > 12) return { ok: false, reason: `${month} is outside 1–12` };
  return { ok: true, value: month };
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The shape a header announces, or null when it is neither. */
export function shapeOf(header: readonly string[]): AggregateShape | null {
  const names = header.map(normalise);
  if (longColumns.every((c) => names.includes(c))) return 'long';
  if (names.some((n) => yearHeaders.has(n)) && names.some((n) => monthOfHeader(n) !== null)) return 'wide';
  return null;
}

function isBlank(row: SheetRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

function unknownMetric(metric: string, metrics: ReadonlySet<string>): string {
  return `unknown metric ${metric} (known: ${[...metrics].join(', ')})`;
}

function readWide(
  sheet: UsageSheet,
  header: SheetRow,
  body: readonly SheetRow[],
  options: SheetOptions,
  reading: SheetReading,
): void {
  const problem = (row: number, column: string | null, text: string) =>
    reading.problems.push({ sheet: sheet.name, row, column, problem: text });
  let metric = options.metric;
  if (metric === null && sheet.name !== null) metric = sheet.name.trim();
  if (metric === null)
    problem(
      header.line,
      null,
      'a table of months is for one metric: name it (the metric option, or the sheet name in a workbook)',
    );
  else if (!options.metrics.has(metric)) {
    problem(header.line, null, unknownMetric(metric, options.metrics));
    metric = null;
  }

  const months = new Map<number, number>(); // cell index → month
  let yearAt = -1;
  let totalAt = -1;
  header.cells.forEach((raw, index) => {
    const name = normalise(raw);
    if (name === '') return;
    const month = monthOfHeader(name);
    if (yearHeaders.has(name)) {
      if (yearAt >= 0) problem(header.line, raw.trim(), 'the year column appears twice');
      else yearAt = index;
    } else if (totalHeaders.has(name)) {
      if (totalAt >= 0) problem(header.line, raw.trim(), 'a total column appears twice');
      else totalAt = index;
    } else if (month !== null) {
      if ([...months.values()].includes(month)) problem(header.line, raw.trim(), `month ${month} has two columns`);
      else months.set(index, month);
    } else {
      problem(
        header.line,
        raw.trim(),
        'unknown column; expected year, the months (jan … dec or januar … desember) and optionally total',
      );
    }
  });
  const columnName = (index: number) => (header.cells[index] ?? '').trim();

  for (const row of body) {
    const cell = (index: number) => row.cells[index] ?? '';
    const extra = row.cells.findIndex((c, i) => i >= header.cells.length && c.trim() !== '');
    if (extra >= 0) problem(row.line, null, `has a value beyond the header's ${header.cells.length} columns`);
    const year = parseYear(cell(yearAt));
    if (!year.ok) problem(row.line, columnName(yearAt), year.reason);
    let sum = 0;
    let monthsOk = true;
    for (const [index, month] of months) {
      const text = cell(index);
      if (text.trim() === '') continue;
      const count = parseCount(text);
      if (!count.ok) {
        monthsOk = false;
        problem(row.line, columnName(index), count.reason);
        continue;
      }
      sum += count.value;
      if (year.ok && metric !== null) {
        reading.figures.push({
          metric,
          month: monthKey(year.value, month),
          count: count.value,
          ownerCode: options.ownerCode,
          resourceId: null,
          sheet: sheet.name,
          line: row.line,
          column: columnName(index),
          ownerColumn: null,
          serviceColumn: null,
        });
      }
    }
    if (totalAt >= 0 && cell(totalAt).trim() !== '') {
      const total = parseCount(cell(totalAt));
      if (!total.ok) problem(row.line, columnName(totalAt), total.reason);
      else if (monthsOk && total.value !== sum)
        problem(row.line, columnName(totalAt), `${cell(totalAt).trim()} is not the sum of the months (${sum})`);
    }
  }
}

function readLong(
  sheet: UsageSheet,
  header: SheetRow,
  body: readonly SheetRow[],
  options: SheetOptions,
  reading: SheetReading,
): void {
  const problem = (row: number, column: string | null, text: string) =>
    reading.problems.push({ sheet: sheet.name, row, column, problem: text });
  if (options.metric !== null)
    problem(header.line, 'metric', 'this file names the metric on each row; leave out the metric option');
  const at = new Map<string, number>();
  header.cells.forEach((raw, index) => {
    const name = normalise(raw);
    if (name === '') return;
    if (
      !(longColumns as readonly string[]).includes(name) &&
      !(optionalLongColumns as readonly string[]).includes(name)
    ) {
      problem(
        header.line,
        raw.trim(),
        'unknown column; expected metric, year, month, count and optionally owner and service',
      );
    } else if (at.has(name)) {
      problem(header.line, raw.trim(), 'the column appears twice');
    } else {
      at.set(name, index);
    }
  });
  const columnName = (name: string) => (header.cells[at.get(name) ?? -1] ?? name).trim();

  for (const row of body) {
    const cell = (name: string) => {
      const index = at.get(name);
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const extra = row.cells.findIndex((c, i) => i >= header.cells.length && c.trim() !== '');
    if (extra >= 0) problem(row.line, null, `has a value beyond the header's ${header.cells.length} columns`);
    const metric = cell('metric');
    let metricOk = true;
    if (metric === '') {
      metricOk = false;
      problem(row.line, columnName('metric'), 'a metric is required');
    } else if (!options.metrics.has(metric)) {
      metricOk = false;
      problem(row.line, columnName('metric'), unknownMetric(metric, options.metrics));
    }
    const year = parseYear(cell('year'));
    if (!year.ok) problem(row.line, columnName('year'), year.reason);
    const month = parseMonthCell(cell('month'));
    if (!month.ok) problem(row.line, columnName('month'), month.reason);
    const countText = cell('count');
    // As in the wide shape, an empty count is no data for that month, not zero.
    const count = countText === '' ? null : parseCount(countText);
    if (count && !count.ok) problem(row.line, columnName('count'), count.reason);
    const rowOwner = cell('owner');
    if (rowOwner !== '' && options.ownerCode !== null && rowOwner !== options.ownerCode)
      problem(row.line, columnName('owner'), `${rowOwner} differs from the owner option ${options.ownerCode}`);
    const service = cell('service');
    if (metricOk && year.ok && month.ok && count?.ok) {
      const ownerCode = rowOwner === '' ? options.ownerCode : rowOwner;
      reading.figures.push({
        metric,
        month: monthKey(year.value, month.value),
        count: count.value,
        ownerCode,
        resourceId: service === '' ? null : service,
        sheet: sheet.name,
        line: row.line,
        column: columnName('count'),
        ownerColumn: at.has('owner') && rowOwner !== '' ? columnName('owner') : null,
        serviceColumn: service === '' ? null : columnName('service'),
      });
    }
  }
}

/** The figures of one table and the problems found in it; a table without a header row yields nothing. */
export function readAggregateSheet(sheet: UsageSheet, options: SheetOptions): SheetReading {
  const nonBlank = sheet.rows.filter((r) => !isBlank(r));
  const reading: SheetReading = { shape: null, rows: Math.max(0, nonBlank.length - 1), figures: [], problems: [] };
  const [header, ...body] = nonBlank;
  if (!header) return reading;
  reading.shape = shapeOf(header.cells);
  if (reading.shape === 'wide') readWide(sheet, header, body, options, reading);
  else if (reading.shape === 'long') readLong(sheet, header, body, options, reading);
  else
    reading.problems.push({
      sheet: sheet.name,
      row: header.line,
      column: null,
      problem: 'the header is neither year,jan,…,dec (one metric by month) nor metric,year,month,count',
    });
  return reading;
}

/** A figure whose key (metric, month, owner, service) an earlier figure of the same import already has. */
export function duplicateFigures(figures: readonly AggregateFigure[]): AggregateProblem[] {
  const seen = new Map<string, AggregateFigure>();
  const problems: AggregateProblem[] = [];
  for (const f of figures) {
    const key = [f.metric, f.month, f.ownerCode ?? '', f.resourceId ?? ''].join('\u0000');
    const first = seen.get(key);
    if (first) {
      const where =
        first.sheet !== f.sheet && first.sheet !== null
          ? `sheet ${first.sheet}, row ${first.line}`
          : `row ${first.line}`;
      problems.push({
        sheet: f.sheet,
        row: f.line,
        column: f.column,
        problem: `${f.metric} ${f.month} is already given in ${where}`,
      });
    } else {
      seen.set(key, f);
    }
  }
  return problems;
}

/** Where a problem is, as a person finds it: `sheet S, row N, column C`. */
export function problemPlace(p: Pick<AggregateProblem, 'sheet' | 'row' | 'column'>): string {
  return [p.sheet === null ? null : `sheet ${p.sheet}`, `row ${p.row}`, p.column === null ? null : `column ${p.column}`]
    .filter((s) => s !== null)
    .join(', ');
}
