/** Bokmål texts of status subscriptions (pages and e-mails); spread into the main catalogue. */
export const subscribeNb = {
  'subscribe.title': 'Abonner på driftsstatus',
  'subscribe.intro':
    'Få beskjed når vi varsler planlagt vedlikehold, og når feil oppstår og blir rettet. Du kan melde deg av med én lenke i hver e-post.',
  'subscribe.kind': 'Hvordan vil du få varsler?',
  'subscribe.kind.email': 'E-post',
  'subscribe.kind.webhook': 'Webhook (signerte CloudEvents)',
  'subscribe.address': 'E-postadresse eller webhook-URL',
  'subscribe.addressHelp':
    'For webhook: en https://-adresse. Vi signerer hver melding med en nøkkel du får vist én gang.',
  'subscribe.language': 'Språk i varslene',
  'subscribe.submit': 'Abonner',
  'subscribe.sentTitle': 'Sjekk e-posten din',
  'subscribe.sent':
    'Hvis adressen ikke allerede abonnerer, har vi sendt en e-post med en lenke du må åpne for å bekrefte abonnementet.',
  'subscribe.webhookTitle': 'Webhooken venter på bekreftelse',
  'subscribe.webhookIntro':
    'Hver melding har headeren Niva-Signature: t=<tid>,v1=<HMAC-SHA256 av «t.body»> med nøkkelen under.',
  'subscribe.webhookVerify':
    'Vi sender nå en POST med CloudEventen no.niva.status.subscription.verify til adressen. Svar med status 2xx og verdien av data.challenge, som hele svaret eller som {"challenge": "…"}. Før det får webhooken ingen varsler, og blir den ikke bekreftet innen 24 timer, faller den bort.',
  'subscribe.secret': 'Signeringsnøkkel (vises bare nå)',
  'subscribe.unsubscribeLink': 'Lenke for å avslutte abonnementet',
  'subscribe.rateLimited': 'For mange påmeldinger fra denne adressen. Prøv igjen senere.',
  'subscribe.crossSite': 'Skjemaet må sendes fra denne nettsiden.',
  'subscribe.confirmedTitle': 'Abonnementet er bekreftet',
  'subscribe.confirmed': 'Du får nå varsler om driftsstatus på {address}.',
  'subscribe.confirmFailedTitle': 'Lenken virker ikke',
  'subscribe.confirmFailed': 'Bekreftelseslenken er ukjent eller brukt opp. Meld deg på på nytt for å få en ny lenke.',
  'subscribe.unsubscribeTitle': 'Avslutt abonnement',
  'subscribe.unsubscribeIntro': 'Vil du slutte å få varsler om driftsstatus på {address}?',
  'subscribe.unsubscribeButton': 'Avslutt abonnementet',
  'subscribe.unsubscribedTitle': 'Abonnementet er avsluttet',
  'subscribe.unsubscribed': 'Du får ikke flere varsler om driftsstatus. Du kan melde deg på igjen når som helst.',
  'subscribe.badLink': 'Lenken for å avslutte abonnementet er ikke gyldig.',
  'subscribe.statusLink': 'Se driftsstatus',
  'subscribe.mail.confirm.subject': 'Bekreft abonnementet på driftsstatus',
  'subscribe.mail.confirm.body':
    'Noen (forhåpentligvis du) har bedt om varsler om driftsstatus for fellesløsningene til denne adressen.\n\nBekreft ved å åpne lenken:\n{link}\n\nHvis det ikke var du, kan du se bort fra denne e-posten. Du får ingen varsler uten å bekrefte.',
  'subscribe.mail.maintenance-published.subject': 'Planlagt vedlikehold: {component} – {title}',
  'subscribe.mail.outage-started.subject': 'Driftsavbrudd: {component}',
  'subscribe.mail.outage-ended.subject': 'Rettet: {component}',
  'subscribe.mail.maintenance-published.lead':
    'Vi har planlagt vedlikehold på {component} {start} – {end} (norsk tid).',
  'subscribe.mail.outage-started.lead': '{component} har problemer fra {start} (norsk tid).',
  'subscribe.mail.outage-ended.lead': 'Problemene med {component} er rettet. De varte {start} – {end} (norsk tid).',
  'subscribe.mail.status': 'Driftsstatus: {link}',
  'subscribe.mail.footer':
    'Du får denne e-posten fordi du abonnerer på driftsstatus. Avslutt abonnementet med ett klikk:\n{link}',
} as const;
