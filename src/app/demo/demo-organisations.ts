/** Service owners of the demo: real agencies with their public organisation numbers, and plausible services. */
export interface DemoOwner {
  code: string;
  name: string;
  orgNumber: string;
  contactEmail: string;
  services: {
    name: string;
    platform: 'altinn2' | 'altinn3';
    resourceId: string;
    status?: 'active' | 'planned' | 'migrating' | 'retired';
  }[];
}

export const demoOperator = {
  code: 'digdir',
  name: 'Altinn sentralforvaltning (Digitaliseringsdirektoratet)',
  orgNumber: '991825827',
  contactEmail: 'servicedesk@asf.demo.niva.no',
};

/** A party: a municipality that receives and sends confidential mail, neither operator nor service owner. */
export const demoParty = {
  code: 'bergen',
  name: 'Bergen kommune',
  orgNumber: '964338531',
  contactEmail: 'postmottak@bergen.demo.niva.no',
};

export const demoOwners: DemoOwner[] = [
  {
    code: 'skd',
    name: 'Skatteetaten',
    orgNumber: '974761076',
    contactEmail: 'altinn@skatteetaten.demo.niva.no',
    services: [
      { name: 'Skattemelding for personlige skattytere', platform: 'altinn3', resourceId: 'skd-skattemelding' },
      { name: 'MVA-melding', platform: 'altinn3', resourceId: 'skd-mva-melding' },
      { name: 'A-melding', platform: 'altinn2', resourceId: 'skd-a-melding', status: 'migrating' },
      { name: 'Forskuddsskatt for næringsdrivende', platform: 'altinn2', resourceId: 'skd-forskuddsskatt' },
    ],
  },
  {
    code: 'nav',
    name: 'Arbeids- og velferdsetaten (NAV)',
    orgNumber: '889640782',
    contactEmail: 'altinn@nav.demo.niva.no',
    services: [
      { name: 'Inntektsmelding', platform: 'altinn3', resourceId: 'nav-inntektsmelding' },
      { name: 'Sykmelding til arbeidsgiver', platform: 'altinn2', resourceId: 'nav-sykmelding', status: 'migrating' },
      { name: 'Refusjonskrav for sykepenger', platform: 'altinn2', resourceId: 'nav-refusjonskrav' },
    ],
  },
  {
    code: 'brg',
    name: 'Brønnøysundregistrene',
    orgNumber: '974760673',
    contactEmail: 'altinn@brreg.demo.niva.no',
    services: [
      {
        name: 'Samordnet registermelding',
        platform: 'altinn2',
        resourceId: 'brg-samordnet-registermelding',
        status: 'migrating',
      },
      { name: 'Årsregnskap', platform: 'altinn3', resourceId: 'brg-aarsregnskap' },
      { name: 'Melding om reelle rettighetshavere', platform: 'altinn3', resourceId: 'brg-reelle-rettighetshavere' },
    ],
  },
  {
    code: 'ssb',
    name: 'Statistisk sentralbyrå',
    orgNumber: '971526920',
    contactEmail: 'altinn@ssb.demo.niva.no',
    services: [
      { name: 'Varehandelsstatistikk', platform: 'altinn2', resourceId: 'ssb-varehandel' },
      { name: 'Lønnsstatistikk', platform: 'altinn3', resourceId: 'ssb-lonnsstatistikk' },
      { name: 'Byggearealstatistikk', platform: 'altinn2', resourceId: 'ssb-byggeareal', status: 'planned' },
    ],
  },
  {
    code: 'lanekassen',
    name: 'Statens lånekasse for utdanning',
    orgNumber: '960885406',
    contactEmail: 'altinn@lanekassen.demo.niva.no',
    services: [
      { name: 'Bekreftelse av studieprogresjon', platform: 'altinn3', resourceId: 'lanekassen-studieprogresjon' },
    ],
  },
  {
    code: 'svv',
    name: 'Statens vegvesen',
    orgNumber: '971032081',
    contactEmail: 'altinn@vegvesen.demo.niva.no',
    services: [
      { name: 'Omregistrering av kjøretøy', platform: 'altinn2', resourceId: 'svv-omregistrering' },
      { name: 'Søknad om løyve for transport', platform: 'altinn3', resourceId: 'svv-loyve' },
    ],
  },
  {
    code: 'at',
    name: 'Arbeidstilsynet',
    orgNumber: '974761211',
    contactEmail: 'altinn@arbeidstilsynet.demo.niva.no',
    services: [
      { name: 'Melding om arbeidsulykke', platform: 'altinn2', resourceId: 'at-arbeidsulykke' },
      { name: 'Søknad om godkjenning av bemanningsforetak', platform: 'altinn3', resourceId: 'at-bemanningsforetak' },
    ],
  },
  {
    code: 'mattilsynet',
    name: 'Mattilsynet',
    orgNumber: '985399077',
    contactEmail: 'altinn@mattilsynet.demo.niva.no',
    services: [
      { name: 'Registrering av næringsmiddelvirksomhet', platform: 'altinn2', resourceId: 'mattilsynet-registrering' },
    ],
  },
  {
    code: 'kartverket',
    name: 'Kartverket',
    orgNumber: '971040238',
    contactEmail: 'altinn@kartverket.demo.niva.no',
    services: [{ name: 'Elektronisk tinglysing', platform: 'altinn3', resourceId: 'kartverket-tinglysing' }],
  },
  {
    code: 'miljodir',
    name: 'Miljødirektoratet',
    orgNumber: '999601391',
    contactEmail: 'altinn@miljodir.demo.niva.no',
    services: [
      {
        name: 'Egenrapportering for industri',
        platform: 'altinn2',
        resourceId: 'miljodir-egenrapportering',
        status: 'migrating',
      },
      {
        name: 'Søknad om tillatelse etter forurensningsloven',
        platform: 'altinn3',
        resourceId: 'miljodir-forurensning',
      },
    ],
  },
  {
    code: 'toll',
    name: 'Tolletaten',
    orgNumber: '974761084',
    contactEmail: 'altinn@toll.demo.niva.no',
    services: [{ name: 'Søknad om tollkreditt', platform: 'altinn2', resourceId: 'toll-tollkreditt' }],
  },
  {
    code: 'udi',
    name: 'Utlendingsdirektoratet',
    orgNumber: '974760746',
    contactEmail: 'altinn@udi.demo.niva.no',
    services: [
      {
        name: 'Arbeidsgivers bekreftelse for oppholdstillatelse',
        platform: 'altinn3',
        resourceId: 'udi-arbeidsgiverbekreftelse',
      },
    ],
  },
  {
    code: 'fdir',
    name: 'Fiskeridirektoratet',
    orgNumber: '971203420',
    contactEmail: 'altinn@fiskeridir.demo.niva.no',
    services: [{ name: 'Fangstdagbok', platform: 'altinn2', resourceId: 'fdir-fangstdagbok', status: 'retired' }],
  },
  {
    code: 'dibk',
    name: 'Direktoratet for byggkvalitet',
    orgNumber: '974760223',
    contactEmail: 'altinn@dibk.demo.niva.no',
    services: [{ name: 'Byggesøknad (fellestjenester bygg)', platform: 'altinn3', resourceId: 'dibk-byggesoknad' }],
  },
];

/** Platform components and their service windows (contract 2.3.1 and 2.4.1). */
export const demoComponents = [
  {
    code: 'end-user-solution',
    name: 'Sluttbrukerløsningen (inkl. grensesnitt)',
    calendarId: 'always',
    targetBasisPoints: 9990,
  },
  { code: 'altinn-apps', name: 'Altinn Apps', calendarId: 'always', targetBasisPoints: 9990 },
  { code: 'platform-apis', name: 'Plattform-API-er', calendarId: 'always', targetBasisPoints: 9990 },
  { code: 'studio', name: 'Altinn Studio (tjenesteutvikling)', calendarId: 'studio-hours', targetBasisPoints: 9980 },
  { code: 'test-environment', name: 'Testmiljø (TT02)', calendarId: 'studio-hours', targetBasisPoints: 9980 },
] as const;
