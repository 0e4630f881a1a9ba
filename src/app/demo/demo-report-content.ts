import { localToInstant } from '../../platform/domain/calendar/time-zone.ts';
import type { ServiceContext } from '../../platform/services/context.ts';
import { createMeeting } from '../../modules/reports/services/create-meeting.ts';
import { createReportBlock, type CreateReportBlockInput } from '../../modules/reports/services/create-report-block.ts';
import {
  createRoadmapEntry,
  type CreateRoadmapEntryInput,
} from '../../modules/reports/services/create-roadmap-entry.ts';
import { reportZone } from '../../modules/reports/services/report-content-inputs.ts';
import { subscribeToReport } from '../../modules/reports/services/subscribe-to-report.ts';
import { demoOperator, demoOwners } from './demo-organisations.ts';

// The content of the February 2026 service report (its sections 2 "Informasjon" and 3 "Treffpunkt"), paraphrased.

/** The month whose report carries the demo blocks. */
export const demoReportMonth = '2026-02';

/** An instant from Norwegian wall time (month 1–12), so summer time is handled by the zone rules, not by hand. */
export function osloTime(year: number, month: number, day: number, hour: number, minute = 0): number {
  return localToInstant(reportZone, Date.UTC(year, month - 1, day, hour, minute));
}

const news: Omit<CreateReportBlockInput, 'month' | 'kind' | 'position'>[] = [
  {
    title: 'Altinn-kaffe',
    bodyMarkdown: [
      'Bli med på Altinn-kaffe og få informasjon om Altinn 3, status og planer, og om ulike tema.',
      '',
      '- Neste Altinn-kaffer og hvordan du deltar i de digitale møtene: [digdir.no/arrangement](https://www.digdir.no/digdir/arrangementsoversikt/692?fp=0&f%5B0%5D=gt%3A589)',
      '- Opptak fra tidligere Altinn-kaffer: [arrangementsoversikten](https://www.digdir.no/digdir/arrangementsoversikt/692)',
      '',
      'Tips gjerne andre i organisasjonen din om møtene.',
    ].join('\n'),
  },
  {
    title: 'Deaktivering av gamle skjema ved produksjonssetting av nye',
    bodyMarkdown: [
      'Husk å bestille deaktivering av gamle skjema når dere produksjonssetter nye. Noen ganger skal gamle og nye skjema kunne brukes samtidig (for eksempel flere årsversjoner), men ofte skal de nye erstatte de gamle, og da må deaktivering bestilles i selvbetjeningsportalen.',
      '',
      'Vi ser blant annet at Altinn II-skjema ikke blir deaktivert ved overgang til Altinn 3. Selv om informasjonssiden lenker til det nye skjemaet, kan brukere ha lagret lenken til det gamle – og så lenge det ikke er deaktivert, kan det tas i bruk.',
    ].join('\n'),
  },
  {
    title: 'Altinn har tatt i bruk status.digdir.no',
    bodyMarkdown: [
      '- Alle som abonnerte på driftsvarsler på altinndigital.no, er flyttet til [status.digdir.no](https://status.digdir.no/). Abonnentene har fått e-post fra noreply@varsel.digdir.no og må bekrefte adressen før de får varsler. Hos noen har bekreftelsen havnet i søppelpost.',
      '- Driftsvarsler for TT02 publiseres foreløpig fortsatt på altinndigital.no, men flyttes snart til [testmiljo.status.digdir.no](https://testmiljo.status.digdir.no/). Da kommer det bekreftelse fra testmiljo@varsel.digdir.no – sjekk søppelposten også for den.',
    ].join('\n'),
  },
  {
    title: 'Prosjektside for moderniseringen av Altinn',
    bodyMarkdown: [
      'På [prosjektsiden](https://samarbeid.digdir.no/altinn/modernisering-av-altinn/2331) finner dere informasjon om den pågående moderniseringen av Altinn.',
      '',
      'Se også [hva tjenesteeiere må gjøre før Altinn II stenger i juni 2026](https://samarbeid.digdir.no/altinn/altinn-ii-stenger-19-juni-2026-tjenester-ma-avvikles-senest-31-mai/3317): tjenestene må avvikles senest 31. mai.',
    ].join('\n'),
  },
  {
    title: 'Nyhetsbrev fra prosjektet Modernisering Altinn',
    bodyMarkdown:
      'Prosjektet sender jevnlig ut nyhetsbrev med siste nytt. [Les mer og meld deg på nyhetsbrevet](https://samarbeid.digdir.no/altinn/nyhetsbrev/2545).',
  },
];

const projectStatus: Omit<CreateReportBlockInput, 'month' | 'kind' | 'position'>[] = [
  {
    title: 'Altinn Studio',
    bodyMarkdown: [
      '**Skjema (frontend):** Brukerbetaling er levert, så tjenesteeiere kan ta betalt for tjenester der det er aktuelt. Første integrasjon er mot Nets.',
      '',
      '**Altinn Studio:**',
      '',
      '- videre arbeid med grafisk redigering av prosessen i Studio Designer',
      '- støtte for å sette opp betaling i tjenester',
      '- støtte for flere datamodeller i samme skjema',
      '- oppdatert design på skjemabyggeren',
      '',
      '**Prioriterte områder:** sikker og stabil drift, funksjonalitet på nivå med Altinn II, støtte til tjenesteeiere og utbredelse av Altinn 3, blant annet møter med tjenesteeiere om migrering.',
      '',
      'Mer i [dokumentasjonen](https://docs.altinn.studio/nb/), [veikartet](https://github.com/orgs/digdir/projects/8/views/2) og [presentasjonene fra Altinn-kaffe](https://docs.altinn.studio/nb/community/presentations/).',
    ].join('\n'),
  },
  {
    title: 'Altinn Autorisasjon',
    bodyMarkdown: [
      'Altinn Autorisasjon er nå en del av produktgruppen Tillitstjenester sammen med ID-porten, Maskinporten, eSignering og MinID, med et eget produktråd.',
      '',
      '**Modernisering:** Innen juni 2026 skal dagens løsning være modernisert og flyttet til skyen. Før det må alle tjenester på Altinn II være flyttet til Altinn 3 – se [migreringsplanen](https://docs.altinn.studio/nb/authorization/migration/servicemigrationplan/).',
      '',
      '**Planer for de neste seks månedene:**',
      '',
      '- fullmaktsløsning for innbyggere, basert på Sivilrettsforvaltningens inndeling av vergemål',
      '- ny brukerflate for tilgangsstyring for virksomheter, med delegering av enkelttjenester og tilgangspakker',
      '- kopi av registrene i Altinn 3, med direkte integrasjon mot Folkeregisteret (inkludert vergemål)',
      '- systembruker for virksomheter',
      '- tilgangsforespørsel («Be om tilgang»)',
      '- samtykke (sluttbrukerfunksjonalitet og migrering av samtykker fra Altinn II)',
      '',
      '**Tilgangspakker** erstatter rollene fra Altinn II. De kan settes på apper og ressurser i Altinn Studio; tjenesteeiere må fortelle brukerne hvilke pakker som gir tilgang. Se [oversikten over tilgangspakkene](https://docs.altinn.studio/nb/authorization/migration/new-accessgroups/) og [hele veikartet](https://github.com/orgs/digdir/projects/8/views/5).',
    ].join('\n'),
  },
];

export const demoRoadmap: CreateRoadmapEntryInput[] = [
  {
    title: 'Systembruker for virksomheter',
    period: '2025',
    status: 'in-progress',
    componentId: 'platform-apis',
    description: 'Leveres i flere trinn. Tilgangspakker kan delegeres til systembruker.',
  },
  {
    title: 'Fullmaktsløsning for innbyggere',
    period: '2025-Q4',
    status: 'in-progress',
    componentId: 'end-user-solution',
    description: 'Tar i bruk Sivilrettsforvaltningens inndeling av vergemål. Utvikling fra fjerde kvartal 2025.',
  },
  {
    title: 'Tilgangsforespørsel («Be om tilgang»)',
    period: '2025-Q4',
    status: 'in-progress',
    componentId: 'end-user-solution',
    description: 'Brukere kan be om tilgang til en tjeneste. Påbegynt fjerde kvartal 2025.',
  },
  {
    title: 'Brukerbetaling i skjema',
    period: '2026-Q1',
    status: 'done',
    componentId: 'altinn-apps',
    description: 'Tjenesteeiere kan ta betalt for tjenester; første integrasjon er mot Nets.',
  },
  {
    title: 'Ny brukerflate for tilgangsstyring for virksomheter',
    period: '2026-Q1',
    status: 'in-progress',
    componentId: 'end-user-solution',
    description:
      'Den forenklede brukerflaten er lansert; arbeidet fortsetter med delegering av enkelttjenester og tilgangspakker.',
  },
  {
    title: 'Kopi av registre i Altinn 3',
    period: '2026-Q1',
    status: 'in-progress',
    description: 'Direkte integrasjon mot Folkeregisteret, inkludert vergemål.',
  },
  {
    title: 'Samtykke',
    period: '2026-Q2',
    status: 'in-progress',
    componentId: 'platform-apis',
    description: 'Klar i test. Gjenstår: sluttbrukerfunksjonalitet og migrering av samtykker fra Altinn II.',
  },
  {
    title: 'Modernisering av Altinn Autorisasjon',
    period: '2026-06',
    status: 'in-progress',
    description: 'Dagens løsning moderniseres og flyttes til skyen innen juni 2026.',
  },
  {
    title: 'Altinn II stenges',
    period: '2026-06',
    status: 'planned',
    description: 'Altinn II stenger 19. juni 2026. Tjenestene må være avviklet senest 31. mai.',
  },
  {
    title: 'Grafisk redigering av prosessen i Studio Designer',
    period: '2026',
    status: 'in-progress',
    componentId: 'studio',
    description: '',
  },
  {
    title: 'Flere datamodeller i samme skjema',
    period: '2026',
    status: 'planned',
    componentId: 'studio',
    description: '',
  },
];

const steeringUrl = 'https://samarbeid.digdir.no/digital-postkasse/styringsradet/128';
const coffeeUrl = 'https://www.digdir.no/digdir/arrangementsoversikt/692';

/** The steering council's 2026 meetings as the report announces them; times of day are the usual ones. */
export const demoSteeringMeetings = [
  {
    startsAt: osloTime(2026, 3, 19, 10),
    endsAt: osloTime(2026, 3, 19, 13),
    format: 'digital',
    location: '',
    description: '',
  },
  {
    startsAt: osloTime(2026, 6, 3, 11, 30),
    endsAt: osloTime(2026, 6, 4, 12, 30),
    format: 'physical',
    location: 'Sted kunngjøres i innkallingen',
    description: 'Fysisk møte fra lunsj til lunsj.',
  },
  {
    startsAt: osloTime(2026, 9, 24, 10),
    endsAt: osloTime(2026, 9, 24, 13),
    format: 'digital',
    location: '',
    description: '',
  },
  {
    startsAt: osloTime(2026, 12, 3, 10),
    endsAt: osloTime(2026, 12, 3, 15),
    format: 'physical',
    location: 'Sted kunngjøres i innkallingen',
    description: '',
  },
] as const;

/** The first Thursday of a month (1–12) of 2026. */
export function firstThursday(month: number): number {
  for (let day = 1; ; day += 1) if (new Date(Date.UTC(2026, month - 1, day)).getUTCDay() === 4) return day;
}

/** Report content for the demo: February's blocks, the roadmap, 2026's meetings and a few recipients. */
export async function seedDemoReportContent(ctx: ServiceContext): Promise<void> {
  let position = 0;
  for (const block of news)
    await createReportBlock(ctx, { ...block, month: demoReportMonth, kind: 'news', position: position++ });
  for (const block of projectStatus)
    await createReportBlock(ctx, { ...block, month: demoReportMonth, kind: 'project-status', position: position++ });
  for (const entry of demoRoadmap) await createRoadmapEntry(ctx, entry);
  for (const meeting of demoSteeringMeetings) {
    await createMeeting(ctx, {
      title: 'Styringsråd for Digdirs fellesløsninger',
      series: 'Styringsråd',
      url: steeringUrl,
      ...meeting,
      description: [
        meeting.description,
        'Sakspapirer og referater ligger på [eInnsyn](https://einnsyn.no/sok?f=a5ba859a-705f-46fd-af93-e0af66f25f8d).',
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  for (let month = 1; month <= 12; month += 1) {
    const day = firstThursday(month);
    await createMeeting(ctx, {
      title: 'Altinn-kaffe',
      series: 'Altinn-kaffe',
      startsAt: osloTime(2026, month, day, 9),
      endsAt: osloTime(2026, month, day, 10),
      format: 'digital',
      location: '',
      url: coffeeUrl,
      description: 'Informasjon om Altinn 3, status, planer og ulike tema.',
    });
  }
  await subscribeToReport(ctx, { email: demoOperator.contactEmail, lang: 'nb' });
  const langs = ['nb', 'nn', 'en'] as const;
  for (const [i, owner] of demoOwners.slice(0, 3).entries())
    await subscribeToReport(ctx, { owner: owner.code, email: owner.contactEmail, lang: langs[i] ?? 'nb' });
}
