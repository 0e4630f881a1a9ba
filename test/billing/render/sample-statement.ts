import type { StatementDocument, StatementLine } from '../../../src/modules/billing/domain/statement-document.ts';

/** Organisation numbers with a valid check digit (modulus 11), as Peppol requires. */
export const sellerOrgNumber = '987654325';
export const buyerOrgNumber = '123456785';

export const sampleLines: StatementLine[] = [
  {
    product: 'meldingstjeneste',
    productName: 'Meldingstjenesten',
    metric: 'messages_sent',
    metricName: 'Sendte meldinger',
    weightedTransactions: 6397333,
    ore: 12345678,
  },
  {
    product: 'meldingstjeneste',
    productName: 'Meldingstjenesten',
    metric: 'lookups',
    metricName: 'Oppslag',
    weightedTransactions: 1250.5,
    ore: 99,
  },
  {
    product: 'varsling',
    productName: 'Varsling',
    metric: 'sms',
    metricName: 'SMS',
    weightedTransactions: -42,
    // A provisional quarter may credit a line while the statement as a whole still bills.
    ore: -5,
  },
];

/** An invoice for the year 2026 of 123 457,72 kr (12 345 772 øre) in three lines, one of them a credit. */
export function sampleStatement(overrides: Partial<StatementDocument> = {}): StatementDocument {
  const lines = overrides.lines ?? sampleLines;
  return {
    number: '2026-00012',
    kind: 'invoice',
    purpose: 'original',
    provisional: false,
    issuedAt: Date.UTC(2027, 0, 15, 7),
    issueDate: '2027-01-15',
    dueDate: '2027-02-14',
    period: { year: 2026, quarter: null, start: '2026-01-01', end: '2026-12-31' },
    correctsNumber: null,
    seller: { name: 'Plattformdriften', orgNumber: sellerOrgNumber, email: 'faktura@plattform.example' },
    buyer: { name: 'Etaten for tester', orgNumber: buyerOrgNumber, email: 'post@etaten.example', code: 'ETATEN' },
    buyerReference: 'ETATEN',
    totalOre: lines.reduce((sum, line) => sum + line.ore, 0),
    provenance: {
      priceListId: 'prisliste-2026',
      priceListDigest: 'sha256:4f2c0a',
      usageThrough: '2026-12',
      snapshotDigest: 'sha256:9b1e77',
    },
    ...overrides,
    lines,
  };
}

/** A correction that credits: the original billed too much, so the statement is a credit note. */
export function sampleCreditNote(): StatementDocument {
  return sampleStatement({
    number: '2027-00003',
    kind: 'credit-note',
    purpose: 'correction',
    correctsNumber: '2026-00012',
    lines: [
      { ...sampleLines[0]!, weightedTransactions: -1000, ore: -250000 },
      { ...sampleLines[1]!, weightedTransactions: 10, ore: 1 },
    ],
  });
}
