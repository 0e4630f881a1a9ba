/**
 * A table of the billing module's pages (a scenario comparison, a run summary) as its exports read it: texts final in
 * the reader's language, cells raw (a number stays a number, so a spreadsheet can add it up; null is an empty cell).
 */
export interface BillingTable {
  /** Stable across languages: names the sheet and the file, e.g. `scenario-comparison`. */
  id: string;
  caption: string;
  columns: string[];
  rows: (string | number | null)[][];
}
