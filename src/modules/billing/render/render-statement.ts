import type { Locale } from '../../../platform/i18n/messages.ts';
import type { StatementDocument } from '../domain/statement-document.ts';

export const statementFormats = ['pdf', 'csv', 'xlsx', 'ehf'] as const;
export type StatementFormat = (typeof statementFormats)[number];

export const statementMediaTypes: Record<StatementFormat, { type: string; extension: string }> = {
  pdf: { type: 'application/pdf', extension: 'pdf' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  ehf: { type: 'application/xml; charset=utf-8', extension: 'xml' },
};

export function isStatementFormat(value: string): value is StatementFormat {
  return (statementFormats as readonly string[]).includes(value);
}

/**
 * A statement in one of its document formats. The renderers are imported when asked for, so a command or a request
 * that does not render loads neither PDFKit nor ExcelJS.
 */
export async function renderStatement(doc: StatementDocument, format: StatementFormat, lang: Locale): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return (await import('./render-statement-pdf.ts')).renderStatementPdf(doc, lang);
    case 'xlsx':
      return (await import('./render-statement-xlsx.ts')).renderStatementXlsx(doc, lang);
    case 'csv':
      return Buffer.from((await import('./render-statement-csv.ts')).renderStatementCsv(doc, lang), 'utf8');
    case 'ehf':
      return Buffer.from((await import('./render-statement-ehf.ts')).renderStatementEhf(doc), 'utf8');
  }
}

/** `2026-00012-skd.pdf`: number and owner code, nothing that needs quoting. */
export function statementFileName(doc: StatementDocument, format: StatementFormat): string {
  const owner = doc.buyer.code.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${doc.number}-${owner}.${statementMediaTypes[format].extension}`;
}
