import { intlLocale, type Locale, translator } from '../../../platform/i18n/messages.ts';
import type { StatusEvent } from './queue-status-notice.ts';

export interface StatusMail {
  subject: string;
  text: string;
}

/** Norwegian time, as on the status page: subscribers abroad still deal with a Norwegian platform. */
function when(locale: Locale, instant: number): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(instant);
}

export function confirmationMail(locale: Locale, link: string): StatusMail {
  const t = translator(locale);
  return { subject: t('subscribe.mail.confirm.subject'), text: t('subscribe.mail.confirm.body', { link }) };
}

export function statusNoticeMail(
  locale: Locale,
  event: StatusEvent,
  links: { status: string; unsubscribe: string },
): StatusMail {
  const t = translator(locale);
  const params = {
    component: event.component.name,
    title: event.title ?? '',
    start: when(locale, event.start),
    end: event.end === null ? '' : when(locale, event.end),
  };
  const subject = t(`subscribe.mail.${event.type}.subject`, params);
  const lead = t(`subscribe.mail.${event.type}.lead`, params);
  const text = [
    lead,
    event.publicText,
    t('subscribe.mail.status', { link: links.status }),
    '--',
    t('subscribe.mail.footer', { link: links.unsubscribe }),
  ]
    .filter((p) => p.trim() !== '')
    .join('\n\n');
  return { subject, text };
}
