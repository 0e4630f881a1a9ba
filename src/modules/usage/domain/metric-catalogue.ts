/** A metered product figure, as the monthly service report names it. */
export interface MetricDefinition {
  id: string;
  names: { nb: string; nn: string; en: string };
}

/** The seven figures of the service report's statistics pages, in the report's order. */
export const builtInMetrics: readonly MetricDefinition[] = [
  {
    id: 'messages_sent',
    names: {
      nb: 'Meldingstjeneste – meldinger sendt ut',
      nn: 'Meldingsteneste – meldingar sende ut',
      en: 'Messaging – messages sent',
    },
  },
  {
    id: 'forms_archived',
    names: {
      nb: 'Innsendingstjeneste – skjema arkivert',
      nn: 'Innsendingsteneste – skjema arkiverte',
      en: 'Submission – forms archived',
    },
  },
  {
    id: 'email_notifications',
    names: { nb: 'Varslingstjeneste – e-post', nn: 'Varslingsteneste – e-post', en: 'Notifications – e-mail' },
  },
  {
    id: 'sms_notifications',
    names: { nb: 'Varslingstjeneste – SMS', nn: 'Varslingsteneste – SMS', en: 'Notifications – SMS' },
  },
  { id: 'authorizations', names: { nb: 'Autorisasjon', nn: 'Autorisasjon', en: 'Authorisation decisions' } },
  { id: 'consents', names: { nb: 'Samtykker', nn: 'Samtykke', en: 'Consents' } },
  {
    id: 'altinn3_submissions',
    names: {
      nb: 'Innsendinger av Altinn 3-tjenester',
      nn: 'Innsendingar av Altinn 3-tenester',
      en: 'Altinn 3 submissions',
    },
  },
];

/** Altinn event types that count one unit of a metric each; the resource attribute names the service. */
export const builtInEventMappings: Readonly<Record<string, string>> = {
  'no.altinn.correspondence.correspondencepublished': 'messages_sent',
  'app.instance.process.completed': 'altinn3_submissions',
};

/** The event type that carries a count aggregated at the source: data = {metric, owner, service, count}. */
export const aggregateEventType = 'no.niva.usage';

/** Metric ids are snake_case words, as in the report's tables and the CLI. */
export const metricIdPattern = /^[a-z][a-z0-9_]{1,62}$/;
