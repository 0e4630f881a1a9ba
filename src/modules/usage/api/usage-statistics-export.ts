import type { Locale, MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import type { MetricYearTable } from '../services/usage-statistics.ts';

/** Jan..Dec as the reader's language abbreviates them. */
export function monthLabels(t: Translate): string[] {
  return Array.from({ length: 12 }, (_, i) => t(`usage.month.${i + 1}` as MessageKey));
}

/** What the figures cover, e.g. "Hele plattformen" or the owner's name. */
export function scopeLabel(table: MetricYearTable, t: Translate): string {
  return table.owner === null ? t('usage.platform') : table.owner.name;
}

/** The table's title: the metric's name in the reader's language and whose figures they are. */
export function exportTitle(table: MetricYearTable, t: Translate, locale: Locale): string {
  return `${table.metric.names[locale]} – ${scopeLabel(table, t)}`;
}

/** A file name that needs no quoting: metric, owner code or "platform", and the years. */
export function exportFileName(table: MetricYearTable, extension: 'csv' | 'xlsx'): string {
  const years = table.rows.map((r) => r.year);
  const span = years.length === 1 ? String(years[0]) : `${String(years[0])}-${String(years[years.length - 1])}`;
  const who = (table.owner?.code ?? 'platform').replace(/[^A-Za-z0-9_-]/g, '_');
  return `${table.metric.id}-${who}-${span}.${extension}`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The report's table as CSV (RFC 4180, comma-separated, CRLF): the title in the top-left cell, then Jan..Dec and the
 * total as columns, one row per year. Numbers are plain integers; a month without figures is an empty cell. A
 * byte-order mark lets spreadsheet programs read the Norwegian letters as UTF-8.
 */
export function statisticsCsv(table: MetricYearTable, t: Translate, locale: Locale): string {
  const header = [exportTitle(table, t, locale), ...monthLabels(t), t('usage.total')];
  const lines = [
    header,
    ...table.rows.map((r) => [
      String(r.year),
      ...r.months.map((m) => (m === null ? '' : String(m))),
      r.total === null ? '' : String(r.total),
    ]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * The same table as an XLSX workbook: the title in row 1, the column headings in row 2 and one row per year, with
 * numbers as numbers (shown with thousands separators) and empty cells where a month has no figures.
 */
export async function statisticsXlsx(table: MetricYearTable, t: Translate, locale: Locale): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(table.metric.id.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
  });
  const title = sheet.addRow([exportTitle(table, t, locale)]);
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, 14);
  const header = sheet.addRow([t('usage.year'), ...monthLabels(t), t('usage.total')]);
  header.font = { bold: true };
  for (const r of table.rows) sheet.addRow([r.year, ...r.months, r.total]);
  sheet.getColumn(1).width = 8;
  for (let column = 2; column <= 14; column += 1) {
    sheet.getColumn(column).width = column === 14 ? 16 : 13;
    sheet.getColumn(column).numFmt = '#,##0';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
