import type { Locale } from '../../../platform/i18n/messages.ts';
import type { ScenarioComparison } from '../services/financing-scenarios.ts';
import type { BillingTable } from './billing-table.ts';
import { oreToKronerNumber } from './money.ts';

const words: Record<
  Locale,
  {
    alternatives: string;
    owners: string;
    products: string;
    alternative: string;
    name: string;
    total: string;
    central: string;
    ownersPart: string;
    seedCentral: string;
    seedOwners: string;
    owner: string;
    code: string;
    product: string;
    change: string;
  }
> = {
  nb: {
    alternatives: 'Finansieringsalternativer {year} (NOK)',
    owners: 'Per tjenesteeier {year} (NOK, endring mot alternativ 0)',
    products: 'Per produkt {year} (NOK)',
    alternative: 'Alternativ',
    name: 'Navn',
    total: 'Totalt',
    central: 'Sentralfinansiert',
    ownersPart: 'Tjenesteeierfinansiert',
    seedCentral: 'Sentral i utredningen (MNOK)',
    seedOwners: 'Tjenesteeiere i utredningen (MNOK)',
    owner: 'Tjenesteeier',
    code: 'Kode',
    product: 'Produkt',
    change: 'endring',
  },
  nn: {
    alternatives: 'Finansieringsalternativ {year} (NOK)',
    owners: 'Per tenesteeigar {year} (NOK, endring mot alternativ 0)',
    products: 'Per produkt {year} (NOK)',
    alternative: 'Alternativ',
    name: 'Namn',
    total: 'Totalt',
    central: 'Sentralfinansiert',
    ownersPart: 'Tenesteeigarfinansiert',
    seedCentral: 'Sentral i utgreiinga (MNOK)',
    seedOwners: 'Tenesteeigarar i utgreiinga (MNOK)',
    owner: 'Tenesteeigar',
    code: 'Kode',
    product: 'Produkt',
    change: 'endring',
  },
  en: {
    alternatives: 'Financing alternatives {year} (NOK)',
    owners: 'Per service owner {year} (NOK, change against alternative 0)',
    products: 'Per product {year} (NOK)',
    alternative: 'Alternative',
    name: 'Name',
    total: 'Total',
    central: 'Central funding',
    ownersPart: 'Owner funding',
    seedCentral: 'Central in the study (MNOK)',
    seedOwners: 'Owners in the study (MNOK)',
    owner: 'Service owner',
    code: 'Code',
    product: 'Product',
    change: 'change',
  },
};

const range = (min: number, max: number) => (min === max ? String(min) : `${min}–${max}`);

/**
 * A scenario comparison as the tables its exports carry: the alternatives side by side (with the study's published
 * figures), per owner (each alternative and its change against today's model) and per product. Amounts are kroner as
 * numbers with two decimals, so a spreadsheet can add them up.
 */
export function scenarioTables(comparison: ScenarioComparison, lang: Locale): BillingTable[] {
  const w = words[lang];
  const year = String(comparison.year);
  const alternatives = comparison.alternatives;
  const productName = (id: string) => comparison.products.find((p) => p.id === id)?.names[lang] ?? id;
  const owners = alternatives[0]?.owners ?? [];
  return [
    {
      id: 'alternatives',
      caption: w.alternatives.replace('{year}', year),
      columns: [w.alternative, w.name, w.total, w.central, w.ownersPart, w.seedCentral, w.seedOwners],
      rows: alternatives.map((a) => [
        a.alternative,
        a.names[lang],
        oreToKronerNumber(a.totalOre),
        oreToKronerNumber(a.centralOre),
        oreToKronerNumber(a.ownersOre),
        range(a.published[0], a.published[1]),
        range(a.published[2], a.published[3]),
      ]),
    },
    {
      id: 'owners',
      caption: w.owners.replace('{year}', year),
      columns: [
        w.code,
        w.owner,
        ...alternatives.flatMap((a) =>
          a.alternative === 0
            ? [`${w.alternative} 0`]
            : [`${w.alternative} ${a.alternative}`, `${w.alternative} ${a.alternative} ${w.change}`],
        ),
      ],
      rows: owners.map((o, index) => [
        o.owner,
        o.name,
        ...alternatives.flatMap((a) => {
          const part = a.owners[index];
          if (!part) return a.alternative === 0 ? [null] : [null, null];
          return a.alternative === 0
            ? [oreToKronerNumber(part.ore)]
            : [oreToKronerNumber(part.ore), oreToKronerNumber(part.changeOre)];
        }),
      ]),
    },
    {
      id: 'products',
      caption: w.products.replace('{year}', year),
      columns: [w.alternative, w.product, w.total, w.central, w.ownersPart],
      rows: alternatives.flatMap((a) =>
        a.products.map((p) => [
          a.alternative,
          productName(p.product),
          oreToKronerNumber(p.totalOre),
          oreToKronerNumber(p.centralOre),
          oreToKronerNumber(p.ownersOre),
        ]),
      ),
    },
  ];
}
