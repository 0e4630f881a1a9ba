import { intlLocale, type Locale } from '../../../platform/i18n/messages.ts';
import type { Party, StatementDocument } from '../domain/statement-document.ts';
import { formatNok, oreToDecimal, sumOre } from './money.ts';
import { type StatementTexts, statementTexts } from './statement-texts.ts';

/**
 * A statement in one language, laid out once for the PDF, CSV and XLSX renderers so they cannot disagree about a text
 * or a figure. Each fact keeps its text for people and its raw value (ISO dates, codes) for spreadsheets.
 */
export interface StatementLayout {
  lang: Locale;
  texts: StatementTexts;
  /** "Faktura", "Foreløpig kreditnota", … */
  kindText: string;
  /** "Faktura 2026-00012". */
  title: string;
  /** The period, and the statement it corrects if any. */
  subtitle: string;
  seller: LayoutParty;
  buyer: LayoutParty;
  /** Number, kind, dates, period, the buyer's reference and, for a correction, what it corrects. */
  facts: LayoutFact[];
  lines: LayoutLine[];
  total: { ore: number; decimal: string; text: string };
  /** "Korrigerer nr. 2026-00011", or null for an original. */
  correctsText: string | null;
  /** What the statement was rated from. */
  provenance: LayoutFact[];
}

export interface LayoutFact {
  label: string;
  text: string;
  value: string;
}

export interface LayoutParty {
  label: string;
  name: string;
  orgNumber: string;
  email: string;
}

export interface LayoutLine {
  number: number;
  productCode: string;
  productName: string;
  metricCode: string;
  metricName: string;
  weightedTransactions: number;
  weightedText: string;
  ore: number;
  /** Kroner for machines, "123.45". */
  decimal: string;
  /** Kroner for people, "1 234,50". */
  text: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoMonth = /^\d{4}-\d{2}$/;

/**
 * Refuses a statement whose parts disagree, rather than render a document whose figures do not add up: the lines must
 * sum to the total exactly, the kind must match the total's sign, and a correction must name what it corrects. The
 * statement is built by the billing services; a failure here is a bug there, never the reader's input.
 */
export function checkStatement(doc: StatementDocument): void {
  const sum = sumOre(doc.lines.map((line) => line.ore));
  if (sum !== BigInt(doc.totalOre))
    throw new Error(`statement ${doc.number}: its lines sum to ${sum} øre, its total is ${doc.totalOre}`);
  if (doc.kind === 'invoice' && doc.totalOre < 0) throw new Error(`statement ${doc.number}: an invoice owes nothing`);
  if (doc.kind === 'credit-note' && doc.totalOre > 0)
    throw new Error(`statement ${doc.number}: a credit note with a positive total`);
  if ((doc.purpose === 'correction') !== (doc.correctsNumber !== null))
    throw new Error(`statement ${doc.number}: a correction, and only a correction, names the statement it corrects`);
  for (const [what, date] of Object.entries({
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    'period.start': doc.period.start,
    'period.end': doc.period.end,
  }))
    if (!isoDate.test(date)) throw new Error(`statement ${doc.number}: ${what} is not YYYY-MM-DD: ${date}`);
  if (doc.period.start > doc.period.end) throw new Error(`statement ${doc.number}: its period ends before it starts`);
  if (!isoMonth.test(doc.provenance.usageThrough))
    throw new Error(`statement ${doc.number}: usageThrough is not YYYY-MM: ${doc.provenance.usageThrough}`);
  doc.lines.forEach((line, i) => {
    if (!Number.isFinite(line.weightedTransactions))
      throw new Error(`statement ${doc.number}: line ${i + 1} has no finite weighted transactions`);
  });
}

/** Calendar dates are read as UTC midnights so no time zone moves them to the day before. */
function utcOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function dateFormats(lang: Locale) {
  const locale = intlLocale[lang];
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weighted = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return {
    date: (date: string) => day.format(utcOf(date)),
    month: (key: string) => month.format(utcOf(`${key}-01`)),
    weighted: (value: number) => weighted.format(value),
  };
}

function party(label: string, value: Party): LayoutParty {
  return { label, name: value.name, orgNumber: value.orgNumber, email: value.email };
}

export function layoutStatement(doc: StatementDocument, lang: Locale): StatementLayout {
  checkStatement(doc);
  const texts = statementTexts[lang];
  const format = dateFormats(lang);
  const kind = doc.kind === 'invoice' ? texts.invoice : texts.creditNote;
  const kindText = doc.provisional ? texts.provisional(kind) : kind;
  const periodName =
    doc.period.quarter === null ? texts.year(doc.period.year) : texts.quarter(doc.period.quarter, doc.period.year);
  const periodText = `${periodName}: ${format.date(doc.period.start)} – ${format.date(doc.period.end)}`;
  const correctsText = doc.correctsNumber === null ? null : texts.correctsStatement(doc.correctsNumber);
  const fact = (label: string, text: string, value: string = text): LayoutFact => ({ label, text, value });
  const facts = [
    fact(texts.number, doc.number),
    fact(texts.kind, doc.purpose === 'correction' ? `${kindText} (${texts.correction.toLowerCase()})` : kindText),
    fact(texts.issueDate, format.date(doc.issueDate), doc.issueDate),
    fact(texts.dueDate, format.date(doc.dueDate), doc.dueDate),
    fact(texts.period, periodText, `${doc.period.start}/${doc.period.end}`),
    fact(texts.buyerReference, doc.buyerReference),
  ];
  if (doc.correctsNumber !== null) facts.push(fact(texts.corrects, doc.correctsNumber));
  return {
    lang,
    texts,
    kindText,
    title: `${kindText} ${doc.number}`,
    subtitle: correctsText === null ? periodName : `${periodName} · ${correctsText}`,
    seller: party(texts.seller, doc.seller),
    buyer: party(texts.buyer, doc.buyer),
    facts,
    lines: doc.lines.map((line, i) => ({
      number: i + 1,
      productCode: line.product,
      productName: line.productName,
      metricCode: line.metric,
      metricName: line.metricName,
      weightedTransactions: line.weightedTransactions,
      weightedText: format.weighted(line.weightedTransactions),
      ore: line.ore,
      decimal: oreToDecimal(line.ore),
      text: formatNok(line.ore, lang),
    })),
    total: { ore: doc.totalOre, decimal: oreToDecimal(doc.totalOre), text: formatNok(doc.totalOre, lang) },
    correctsText,
    provenance: [
      fact(texts.priceList, doc.provenance.priceListId),
      fact(texts.priceListDigest, doc.provenance.priceListDigest),
      fact(texts.usageThrough, format.month(doc.provenance.usageThrough), doc.provenance.usageThrough),
      fact(texts.snapshotDigest, doc.provenance.snapshotDigest),
    ],
  };
}
