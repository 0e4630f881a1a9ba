import type { subscribeNb } from './subscribe-nb.ts';

/** English texts of status subscriptions; the same keys as Bokmål. */
export const subscribeEn: Record<keyof typeof subscribeNb, string> = {
  'subscribe.title': 'Subscribe to service status',
  'subscribe.intro':
    'Hear when we announce planned maintenance, and when problems start and are fixed. Every e-mail has a one-click link to unsubscribe.',
  'subscribe.kind': 'How do you want to be notified?',
  'subscribe.kind.email': 'E-mail',
  'subscribe.kind.webhook': 'Webhook (signed CloudEvents)',
  'subscribe.address': 'E-mail address or webhook URL',
  'subscribe.addressHelp': 'For a webhook: an https:// URL. Every message is signed with a key shown to you once.',
  'subscribe.language': 'Language of notifications',
  'subscribe.submit': 'Subscribe',
  'subscribe.sentTitle': 'Check your e-mail',
  'subscribe.sent':
    'Unless the address is already subscribed, we have sent it an e-mail with a link to open to confirm the subscription.',
  'subscribe.webhookTitle': 'The webhook is waiting for verification',
  'subscribe.webhookIntro':
    'Every message carries the header Niva-Signature: t=<time>,v1=<HMAC-SHA256 of "t.body"> using the key below.',
  'subscribe.webhookVerify':
    'We are now sending the address a POST with the CloudEvent no.niva.status.subscription.verify. Answer with a 2xx status and the value of data.challenge, as the whole body or as {"challenge": "…"}. Until then the webhook gets no notices, and if it is not verified within 24 hours it lapses.',
  'subscribe.secret': 'Signing key (shown only now)',
  'subscribe.unsubscribeLink': 'Link to end the subscription',
  'subscribe.rateLimited': 'Too many sign-ups from this address. Please try again later.',
  'subscribe.crossSite': 'The form must be sent from this site.',
  'subscribe.confirmedTitle': 'Subscription confirmed',
  'subscribe.confirmed': 'Service status notifications will now go to {address}.',
  'subscribe.confirmFailedTitle': 'The link does not work',
  'subscribe.confirmFailed': 'The confirmation link is unknown or no longer valid. Sign up again to get a new one.',
  'subscribe.unsubscribeTitle': 'Unsubscribe',
  'subscribe.unsubscribeIntro': 'Stop sending service status notifications to {address}?',
  'subscribe.unsubscribeButton': 'Unsubscribe',
  'subscribe.unsubscribedTitle': 'Unsubscribed',
  'subscribe.unsubscribed': 'You will get no more service status notifications. You can sign up again at any time.',
  'subscribe.badLink': 'The unsubscribe link is not valid.',
  'subscribe.statusLink': 'See service status',
  'subscribe.mail.confirm.subject': 'Confirm your service status subscription',
  'subscribe.mail.confirm.body':
    'Someone (hopefully you) asked for service status notifications of the shared platform to be sent to this address.\n\nConfirm by opening this link:\n{link}\n\nIf it was not you, ignore this e-mail. Nothing more is sent unless you confirm.',
  'subscribe.mail.maintenance-published.subject': 'Planned maintenance: {component} – {title}',
  'subscribe.mail.outage-started.subject': 'Outage: {component}',
  'subscribe.mail.outage-ended.subject': 'Resolved: {component}',
  'subscribe.mail.maintenance-published.lead':
    'We have planned maintenance of {component} {start} – {end} (Norwegian time).',
  'subscribe.mail.outage-started.lead': '{component} has problems since {start} (Norwegian time).',
  'subscribe.mail.outage-ended.lead':
    'The problems with {component} are resolved. They lasted {start} – {end} (Norwegian time).',
  'subscribe.mail.status': 'Service status: {link}',
  'subscribe.mail.footer':
    'You get this e-mail because you subscribe to service status. Unsubscribe with one click:\n{link}',
};
