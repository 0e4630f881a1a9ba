/**
 * A statement as its renderers see it (web page, PDF, CSV, XLSX, EHF / Peppol BIS Billing 3.0): everything laid out
 * is here, already looked up and named, so a renderer reads no database and makes no decision about money. Amounts
 * are integer øre; the sign of `totalOre` is the statement's direction (a credit note carries a negative total and
 * negative lines, and renderers that need positive amounts, as UBL credit notes do, negate them).
 */
export interface StatementDocument {
  /** Unique statement number, e.g. `2026-00012`. */
  number: string;
  /** `invoice` when the owner owes (total ≥ 0), `credit-note` when it is owed. */
  kind: 'invoice' | 'credit-note';
  /** What the statement is: the first one for its period, or a correction of it. */
  purpose: 'original' | 'correction';
  /** A provisional quarter is billed on account of the year. */
  provisional: boolean;
  /** Instant of issue (epoch ms) and its date in Europe/Oslo, `YYYY-MM-DD`. */
  issuedAt: number;
  issueDate: string;
  /** `YYYY-MM-DD`: the date payment is due (issue date + the payment terms). */
  dueDate: string;
  period: {
    year: number;
    /** 1–4 for a provisional quarter (billing the year to date), null for the year. */
    quarter: number | null;
    /** First and last day of the period billed, `YYYY-MM-DD` (a quarter's start is 1 January: it bills the year to date). */
    start: string;
    end: string;
  };
  /** The number of the statement this one corrects, or null. */
  correctsNumber: string | null;
  seller: Party;
  buyer: Party & { code: string };
  /** The buyer's reference (EHF's BuyerReference), by default the owner's code. */
  buyerReference: string;
  lines: StatementLine[];
  /** Sum of the lines' øre, signed. */
  totalOre: number;
  /** What the statement was rated from, so it can be rated again and shown to match. */
  provenance: {
    priceListId: string;
    priceListDigest: string;
    /** The last closed usage month counted, `YYYY-MM`. */
    usageThrough: string;
    snapshotDigest: string;
  };
}

export interface Party {
  name: string;
  /** Norwegian organisation number, 9 digits. */
  orgNumber: string;
  email: string;
}

export interface StatementLine {
  product: string;
  productName: string;
  metric: string;
  metricName: string;
  /** Weighted transactions billed by this line (for a correction or a quarter: the change over what was billed). */
  weightedTransactions: number;
  /** Signed øre. */
  ore: number;
}
