import type { Locale } from '../../../platform/i18n/messages.ts';
import type { BillingSummary } from '../services/billing-summary.ts';
import type { BillingTable } from './billing-table.ts';
import { oreToKronerNumber } from './money.ts';

const words: Record<
  Locale,
  {
    overview: string;
    periods: string;
    owners: string;
    figure: string;
    value: string;
    period: string;
    year: string;
    quarter: string;
    statements: string;
    corrections: string;
    billed: string;
    code: string;
    owner: string;
    rows: [string, string, string, string, string];
  }
> = {
  nb: {
    overview: 'Fakturering {year} (NOK)',
    periods: 'Perioder fakturert {year}',
    owners: 'Fakturert per tjenesteeier {year}',
    figure: 'Tall',
    value: 'Verdi',
    period: 'Periode',
    year: 'Året',
    quarter: '{q}. kvartal (a konto)',
    statements: 'Fakturaer',
    corrections: 'Korreksjoner',
    billed: 'Fakturert (NOK)',
    code: 'Kode',
    owner: 'Tjenesteeier',
    rows: ['Totale kostnader', 'Sentralfinansiert', 'Tjenesteeierfinansiert', 'Fakturert', 'Dekningsgrad (%)'],
  },
  nn: {
    overview: 'Fakturering {year} (NOK)',
    periods: 'Periodar fakturerte {year}',
    owners: 'Fakturert per tenesteeigar {year}',
    figure: 'Tal',
    value: 'Verdi',
    period: 'Periode',
    year: 'Året',
    quarter: '{q}. kvartal (a konto)',
    statements: 'Fakturaer',
    corrections: 'Korreksjonar',
    billed: 'Fakturert (NOK)',
    code: 'Kode',
    owner: 'Tenesteeigar',
    rows: ['Totale kostnader', 'Sentralfinansiert', 'Tenesteeigarfinansiert', 'Fakturert', 'Dekningsgrad (%)'],
  },
  en: {
    overview: 'Billing {year} (NOK)',
    periods: 'Periods billed {year}',
    owners: 'Billed per service owner {year}',
    figure: 'Figure',
    value: 'Value',
    period: 'Period',
    year: 'The year',
    quarter: 'Quarter {q} (on account)',
    statements: 'Statements',
    corrections: 'Corrections',
    billed: 'Billed (NOK)',
    code: 'Code',
    owner: 'Service owner',
    rows: ['Total cost', 'Central funding', 'Owner funding', 'Billed', 'Coverage (%)'],
  },
};

/** A billing year's summary as the tables its exports carry: the figures, the periods billed, each owner's total. */
export function summaryTables(summary: BillingSummary, lang: Locale): BillingTable[] {
  const w = words[lang];
  const year = String(summary.year);
  return [
    {
      id: 'overview',
      caption: w.overview.replace('{year}', year),
      columns: [w.figure, w.value],
      rows: [
        [w.rows[0], oreToKronerNumber(summary.totalCostOre)],
        [w.rows[1], oreToKronerNumber(summary.centralOre)],
        [w.rows[2], oreToKronerNumber(summary.ownersOre)],
        [w.rows[3], oreToKronerNumber(summary.billedOre)],
        [w.rows[4], summary.coverageBasisPoints === null ? null : summary.coverageBasisPoints / 100],
      ],
    },
    {
      id: 'periods',
      caption: w.periods.replace('{year}', year),
      columns: [w.period, w.statements, w.corrections, w.billed],
      rows: summary.periods.map((p) => [
        p.quarter === null ? w.year : w.quarter.replace('{q}', String(p.quarter)),
        p.statements,
        p.corrections,
        oreToKronerNumber(p.totalOre),
      ]),
    },
    {
      id: 'owners',
      caption: w.owners.replace('{year}', year),
      columns: [w.code, w.owner, w.statements, w.billed],
      rows: summary.owners.map((o) => [o.code, o.name, o.statements, oreToKronerNumber(o.billedOre)]),
    },
  ];
}
