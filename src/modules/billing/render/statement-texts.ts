import type { Locale } from '../../../platform/i18n/messages.ts';

/**
 * The words of the statement renderers (PDF, CSV, XLSX) in each language. They live here rather than in the module's
 * UI catalogues because a statement is a document with its own layout, rendered outside any request, and the three
 * formats must name things alike.
 */
export interface StatementTexts {
  invoice: string;
  creditNote: string;
  /** A provisional quarter's kind, e.g. "Foreløpig faktura". */
  provisional: (kind: string) => string;
  correction: string;
  number: string;
  kind: string;
  issueDate: string;
  dueDate: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  year: (year: number) => string;
  /** A provisional quarter bills the year to date. */
  quarter: (quarter: number, year: number) => string;
  seller: string;
  buyer: string;
  name: string;
  orgNumber: string;
  email: string;
  buyerReference: string;
  corrects: string;
  correctsStatement: (number: string) => string;
  line: string;
  productCode: string;
  product: string;
  metricCode: string;
  metric: string;
  weightedTransactions: string;
  amountOre: string;
  amountNok: string;
  total: string;
  lines: string;
  /** Why no VAT is charged, as on the EHF document. */
  vatNote: string;
  provenance: string;
  priceList: string;
  priceListDigest: string;
  usageThrough: string;
  snapshotDigest: string;
  page: (page: number, pages: number) => string;
}

export const statementTexts: Record<Locale, StatementTexts> = {
  nb: {
    invoice: 'Faktura',
    creditNote: 'Kreditnota',
    provisional: (kind) => `Foreløpig ${kind.toLowerCase()}`,
    correction: 'Korrigering',
    number: 'Nummer',
    kind: 'Type',
    issueDate: 'Dato',
    dueDate: 'Forfallsdato',
    period: 'Periode',
    periodStart: 'Periode fra',
    periodEnd: 'Periode til',
    year: (year) => `Året ${year}`,
    quarter: (quarter, year) => `${quarter}. kvartal ${year} (året hittil, a konto)`,
    seller: 'Selger',
    buyer: 'Kjøper',
    name: 'Navn',
    orgNumber: 'Org.nr.',
    email: 'E-post',
    buyerReference: 'Deres referanse',
    corrects: 'Korrigerer',
    correctsStatement: (number) => `Korrigerer nr. ${number}`,
    line: 'Linje',
    productCode: 'Produktkode',
    product: 'Produkt',
    metricCode: 'Tallkode',
    metric: 'Tall',
    weightedTransactions: 'Vektede transaksjoner',
    amountOre: 'Beløp (øre)',
    amountNok: 'Beløp (NOK)',
    total: 'Sum',
    lines: 'Linjer',
    vatNote: 'Ikke merverdiavgiftspliktig: tjenesten er utenfor merverdiavgiftsområdet.',
    provenance: 'Grunnlag',
    priceList: 'Prisliste',
    priceListDigest: 'Sjekksum for prislisten',
    usageThrough: 'Bruk til og med',
    snapshotDigest: 'Sjekksum for bruksgrunnlaget',
    page: (page, pages) => `Side ${page} av ${pages}`,
  },
  nn: {
    invoice: 'Faktura',
    creditNote: 'Kreditnota',
    provisional: (kind) => `Førebels ${kind.toLowerCase()}`,
    correction: 'Korrigering',
    number: 'Nummer',
    kind: 'Type',
    issueDate: 'Dato',
    dueDate: 'Forfallsdato',
    period: 'Periode',
    periodStart: 'Periode frå',
    periodEnd: 'Periode til',
    year: (year) => `Året ${year}`,
    quarter: (quarter, year) => `${quarter}. kvartal ${year} (året så langt, a konto)`,
    seller: 'Seljar',
    buyer: 'Kjøpar',
    name: 'Namn',
    orgNumber: 'Org.nr.',
    email: 'E-post',
    buyerReference: 'Dykkar referanse',
    corrects: 'Korrigerer',
    correctsStatement: (number) => `Korrigerer nr. ${number}`,
    line: 'Linje',
    productCode: 'Produktkode',
    product: 'Produkt',
    metricCode: 'Talkode',
    metric: 'Tal',
    weightedTransactions: 'Vekta transaksjonar',
    amountOre: 'Beløp (øre)',
    amountNok: 'Beløp (NOK)',
    total: 'Sum',
    lines: 'Linjer',
    vatNote: 'Ikkje meirverdiavgiftspliktig: tenesta er utanfor meirverdiavgiftsområdet.',
    provenance: 'Grunnlag',
    priceList: 'Prisliste',
    priceListDigest: 'Sjekksum for prislista',
    usageThrough: 'Bruk til og med',
    snapshotDigest: 'Sjekksum for bruksgrunnlaget',
    page: (page, pages) => `Side ${page} av ${pages}`,
  },
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    provisional: (kind) => `Provisional ${kind.toLowerCase()}`,
    correction: 'Correction',
    number: 'Number',
    kind: 'Type',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    period: 'Period',
    periodStart: 'Period start',
    periodEnd: 'Period end',
    year: (year) => `The year ${year}`,
    quarter: (quarter, year) => `Q${quarter} ${year} (year to date, on account)`,
    seller: 'Seller',
    buyer: 'Buyer',
    name: 'Name',
    orgNumber: 'Org. no.',
    email: 'Email',
    buyerReference: 'Your reference',
    corrects: 'Corrects',
    correctsStatement: (number) => `Corrects statement ${number}`,
    line: 'Line',
    productCode: 'Product code',
    product: 'Product',
    metricCode: 'Metric code',
    metric: 'Metric',
    weightedTransactions: 'Weighted transactions',
    amountOre: 'Amount (øre)',
    amountNok: 'Amount (NOK)',
    total: 'Total',
    lines: 'Lines',
    vatNote: 'Not subject to VAT: the service is outside the scope of VAT.',
    provenance: 'Basis',
    priceList: 'Price list',
    priceListDigest: 'Price list digest',
    usageThrough: 'Usage through',
    snapshotDigest: 'Usage snapshot digest',
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
};
