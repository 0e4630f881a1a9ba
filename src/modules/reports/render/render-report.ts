import { AppError } from '../../../platform/services/app-error.ts';
import type { ReportDocument } from './report-document.ts';
import { findTable, renderTableCsv } from './render-report-csv.ts';
import { renderReportHtml } from './render-report-html.tsx';
import { contentTypes, type ReportFormatName } from './report-formats.ts';

export { contentTypes, reportFormats, type ReportFormatName } from './report-formats.ts';

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * One document in one format. CSV holds one table, named by `table`; the workbook holds them all. `baseName` is the
 * file name without extension, e.g. `servicerapport-2026-02-plattform`.
 */
export async function renderReport(
  doc: ReportDocument,
  format: ReportFormatName,
  baseName: string,
  tableId?: string,
): Promise<RenderedReport> {
  switch (format) {
    case 'html':
      return { body: Buffer.from(renderReportHtml(doc)), contentType: contentTypes.html, fileName: `${baseName}.html` };
    case 'pdf':
      // The PDF and workbook libraries load only when such a file is asked for: they cost every process a third of a
      // second to start.
      return {
        body: await (await import('./render-report-pdf.ts')).renderReportPdf(doc),
        contentType: contentTypes.pdf,
        fileName: `${baseName}.pdf`,
      };
    case 'xlsx':
      return {
        body: await (await import('./render-report-xlsx.ts')).renderReportXlsx(doc),
        contentType: contentTypes.xlsx,
        fileName: `${baseName}.xlsx`,
      };
    case 'csv': {
      const ids = doc.sections.flatMap((s) => s.nodes.flatMap((n) => (n.kind === 'table' ? [n.table.id] : [])));
      if (!tableId) throw AppError.field('table', `required for CSV: one of ${ids.join(', ')}`);
      const table = findTable(doc, tableId);
      if (!table) throw AppError.field('table', `no such table; one of ${ids.join(', ')}`);
      return {
        body: Buffer.from(renderTableCsv(table)),
        contentType: contentTypes.csv,
        fileName: `${baseName}-${table.id}.csv`,
      };
    }
  }
}

/** `servicerapport-2026-02-plattform`, `servicerapport-2026-02-skatt-v2`: safe in a header and a file system. */
export function reportBaseName(month: string, ownerCode: string | null, version?: number): string {
  const who = (ownerCode ?? 'plattform').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return `servicerapport-${month}-${who}${version === undefined ? '' : `-v${version}`}`;
}
