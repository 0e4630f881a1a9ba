/** The formats a report is rendered in, and their media types; light enough to load without the renderers. */
export const reportFormats = ['html', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormatName = (typeof reportFormats)[number];

export const contentTypes: Record<ReportFormatName, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
