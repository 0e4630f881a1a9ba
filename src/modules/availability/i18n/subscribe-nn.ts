import type { subscribeNb } from './subscribe-nb.ts';

/** Nynorsk texts of status subscriptions; the same keys as Bokmål. */
export const subscribeNn: Record<keyof typeof subscribeNb, string> = {
  'subscribe.title': 'Abonner på driftsstatus',
  'subscribe.intro':
    'Få melding når vi varslar planlagt vedlikehald, og når feil oppstår og blir retta. Du kan melde deg av med éi lenkje i kvar e-post.',
  'subscribe.kind': 'Korleis vil du få varsel?',
  'subscribe.kind.email': 'E-post',
  'subscribe.kind.webhook': 'Webhook (signerte CloudEvents)',
  'subscribe.address': 'E-postadresse eller webhook-URL',
  'subscribe.addressHelp':
    'For webhook: ei https://-adresse. Vi signerer kvar melding med ein nøkkel du får vist éin gong.',
  'subscribe.language': 'Språk i varsla',
  'subscribe.submit': 'Abonner',
  'subscribe.sentTitle': 'Sjekk e-posten din',
  'subscribe.sent':
    'Viss adressa ikkje allereie abonnerer, har vi sendt ein e-post med ei lenkje du må opne for å stadfeste abonnementet.',
  'subscribe.webhookTitle': 'Webhooken ventar på stadfesting',
  'subscribe.webhookIntro':
    'Kvar melding har headeren Niva-Signature: t=<tid>,v1=<HMAC-SHA256 av «t.body»> med nøkkelen under.',
  'subscribe.webhookVerify':
    'Vi sender no ein POST med CloudEventen no.niva.status.subscription.verify til adressa. Svar med status 2xx og verdien av data.challenge, som heile svaret eller som {"challenge": "…"}. Før det får webhooken ingen varsel, og blir han ikkje stadfesta innan 24 timar, fell han bort.',
  'subscribe.secret': 'Signeringsnøkkel (blir berre vist no)',
  'subscribe.unsubscribeLink': 'Lenkje for å avslutte abonnementet',
  'subscribe.rateLimited': 'For mange påmeldingar frå denne adressa. Prøv igjen seinare.',
  'subscribe.crossSite': 'Skjemaet må sendast frå denne nettsida.',
  'subscribe.confirmedTitle': 'Abonnementet er stadfesta',
  'subscribe.confirmed': 'Du får no varsel om driftsstatus på {address}.',
  'subscribe.confirmFailedTitle': 'Lenkja verkar ikkje',
  'subscribe.confirmFailed': 'Stadfestingslenkja er ukjend eller brukt opp. Meld deg på på nytt for å få ei ny lenkje.',
  'subscribe.unsubscribeTitle': 'Avslutt abonnement',
  'subscribe.unsubscribeIntro': 'Vil du slutte å få varsel om driftsstatus på {address}?',
  'subscribe.unsubscribeButton': 'Avslutt abonnementet',
  'subscribe.unsubscribedTitle': 'Abonnementet er avslutta',
  'subscribe.unsubscribed': 'Du får ikkje fleire varsel om driftsstatus. Du kan melde deg på igjen når som helst.',
  'subscribe.badLink': 'Lenkja for å avslutte abonnementet er ikkje gyldig.',
  'subscribe.statusLink': 'Sjå driftsstatus',
  'subscribe.mail.confirm.subject': 'Stadfest abonnementet på driftsstatus',
  'subscribe.mail.confirm.body':
    'Nokon (forhåpentlegvis du) har bede om varsel om driftsstatus for fellesløysingane til denne adressa.\n\nStadfest ved å opne lenkja:\n{link}\n\nViss det ikkje var du, kan du sjå bort frå denne e-posten. Du får ingen varsel utan å stadfeste.',
  'subscribe.mail.maintenance-published.subject': 'Planlagt vedlikehald: {component} – {title}',
  'subscribe.mail.outage-started.subject': 'Driftsavbrot: {component}',
  'subscribe.mail.outage-ended.subject': 'Retta: {component}',
  'subscribe.mail.maintenance-published.lead':
    'Vi har planlagt vedlikehald på {component} {start} – {end} (norsk tid).',
  'subscribe.mail.outage-started.lead': '{component} har problem frå {start} (norsk tid).',
  'subscribe.mail.outage-ended.lead': 'Problema med {component} er retta. Dei varte {start} – {end} (norsk tid).',
  'subscribe.mail.status': 'Driftsstatus: {link}',
  'subscribe.mail.footer':
    'Du får denne e-posten fordi du abonnerer på driftsstatus. Avslutt abonnementet med eitt klikk:\n{link}',
};
