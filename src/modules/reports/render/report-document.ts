import type { Locale } from '../../../platform/i18n/messages.ts';
import type { ChartPicture } from '../../../platform/web/charts/chart-picture.ts';

/**
 * A service report laid out for reading, independent of the format: the web page, the PDF and the spreadsheet
 * exports are each a thin renderer of this tree, so they cannot disagree about a figure. Every text is final
 * (translated and formatted); tables also keep each cell's raw value for CSV and XLSX.
 */
export interface ReportDocument {
  lang: Locale;
  /** e.g. "Servicerapport februar 2026". */
  title: string;
  /** "Plattformen" for the platform report, the owner's name for an owner's. */
  subtitle: string;
  /** e.g. "Generert 2. mars 2026 kl. 07.00 · versjon 2". */
  colophon: string;
  sections: ReportSection[];
}

export interface ReportSection {
  id: 'platform' | 'information' | 'meetings' | 'compliance';
  /** e.g. "1. Plattformen". */
  title: string;
  nodes: ReportNode[];
}

export type ReportNode =
  /** A sub-heading inside a section. */
  | { kind: 'heading'; text: string; id: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Editable content as written; renderers treat raw HTML as text and allow only http(s) and mailto links. */
  | { kind: 'markdown'; markdown: string }
  | { kind: 'table'; table: ReportTable }
  /** A chart of the table `tableId`, which follows it and carries the same numbers for screen readers. */
  | { kind: 'chart'; chart: ChartPicture; tableId: string };

export interface ReportTable {
  /** Stable across languages and versions: `statistics-messages_sent`, `availability-enduser`, `compliance`, … */
  id: string;
  caption: string;
  columns: string[];
  rows: ReportCell[][];
  /** Whether each row's first cell names the row (rendered as a row header). */
  rowHeaders: boolean;
}

export interface ReportCell {
  /** As shown, e.g. "6 397 333", "99,96", "87 %". */
  text: string;
  /** The raw figure for spreadsheets: a number where the cell is one (a percentage as 87, not 0.87), else the text. */
  value: number | string | null;
  /** Whether a figure meets its target, for colour and a text cue; absent when there is no target. */
  tone?: 'met' | 'missed';
}
