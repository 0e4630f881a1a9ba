// The mix of bench:cases: how the generated cases divide over kinds, incident categories and channels, the words in
// them, and the draws from these lists.
import type { CaseChannel, CaseKind } from '../src/modules/cases/domain/case-types.ts';
import type { IncidentCategory } from '../src/platform/domain/sla/policies.ts';

/** Share of each kind, and of each kind's cases left open (open ones are mostly recent). */
export const kinds: readonly { kind: CaseKind; share: number; open: number }[] = [
  { kind: 'support-request', share: 0.6, open: 0.15 },
  { kind: 'incident', share: 0.25, open: 0.08 },
  { kind: 'change-request', share: 0.1, open: 0.35 },
  { kind: 'deletion-request', share: 0.03, open: 0.15 },
  { kind: 'deactivation-order', share: 0.02, open: 0.15 },
];
export const categories: readonly { category: IncidentCategory; share: number }[] = [
  { category: 'A', share: 0.03 },
  { category: 'B', share: 0.3 },
  { category: 'C', share: 0.67 },
];
export const channels: readonly { channel: CaseChannel; share: number }[] = [
  { channel: 'web', share: 0.45 },
  { channel: 'api', share: 0.2 },
  { channel: 'email', share: 0.2 },
  { channel: 'phone', share: 0.15 },
];

export const titles: Record<CaseKind, readonly string[]> = {
  'support-request': [
    'Spørsmål om tilgangsstyring for ny tjeneste',
    'Hvordan publiserer vi en ny versjon?',
    'Feil i oversettelse på kvitteringssiden',
    'Behov for testdata i TT02',
    'Hjelp med oppsett av Maskinporten-klient',
    'Skjema viser feil dato for frist',
    'Ønsker veiledning om samtykke',
    'Varsling på e-post kommer ikke fram',
  ],
  incident: [
    'Innsending feiler med feilkode 500',
    'Treg respons i meldingsboksen',
    'Innlogging via ID-porten henger',
    'Vedlegg forsvinner ved innsending',
    'Tjenesten utilgjengelig for enkelte brukere',
    'Kvittering genereres ikke',
    'Tidsavbrudd mot Folkeregisteret',
    'Feil i visning av skjema på mobil',
  ],
  'change-request': [
    'Ønske om nytt felt i API for innsending',
    'Utvidet logging av hendelser',
    'Støtte for flere språk i kvittering',
    'Endring av oppbevaringstid for meldinger',
    'Ny rolle for delegering',
  ],
  'deletion-request': [
    'Sletting av testdata i produksjon',
    'Sletting av feilsendte meldinger',
    'Sletting av utgått skjemaversjon',
  ],
  'deactivation-order': [
    'Deaktivering av gammel tjenesteversjon',
    'Avvikling av Altinn 2-tjeneste',
    'Deaktivering av utgått skjema',
  ],
};
export const comments = [
  'Vi ser på saken.',
  'Har bedt om logger fra tjenesteeier.',
  'Reprodusert i TT02.',
  'Venter på tilbakemelding fra leverandør.',
  'Sendt videre til drift.',
  'Kunden bekrefter at feilen fortsatt oppstår.',
  'Midlertidig løsning er beskrevet i svaret.',
  'Følges opp i neste driftsmøte.',
];
export const firstNames = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Nora',
  'Jonas',
  'Sofie',
  'Emil',
  'Hanne',
  'Per',
  'Silje',
  'Magnus',
];
export const lastNames = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Berg',
  'Haugen',
  'Dahl',
];

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function weighted<T extends { share: number }>(random: () => number, items: readonly T[]): T {
  let r = random() * items.reduce((s, i) => s + i.share, 0);
  for (const item of items) {
    r -= item.share;
    if (r < 0) return item;
  }
  return items[items.length - 1] as T;
}
