import type { Locale } from '../../../platform/i18n/messages.ts';

/** The notices a case sends out; the first three are status to the reporter, the last two warnings to the desk. */
export const caseNotices = ['registered', 'work-started', 'resolved', 'at-risk', 'breached'] as const;
export type CaseNotice = (typeof caseNotices)[number];

export interface CaseMailFacts {
  reference: string;
  title: string;
  kind: string;
  category: string | null;
  owner: string;
  link: string;
  /** Policy and deadline for at-risk / breached; the resolution note for resolved. */
  policy?: string;
  due?: string;
  note?: string;
}

type Template = (f: CaseMailFacts) => { subject: string; text: string };

const category = (f: CaseMailFacts, word: string) => (f.category ? ` (${word} ${f.category})` : '');

// Plain text on purpose: it reads well in every client and cannot carry markup from a case title.
const templates: Record<Locale, Record<CaseNotice, Template>> = {
  nb: {
    registered: (f) => ({
      subject: `[${f.reference}] Registrert: ${f.title}`,
      text: `Saken ${f.reference}${category(f, 'kategori')} er registrert for ${f.owner}.\n\n${f.title}\n\nDu får beskjed når arbeidet starter og når saken er løst.\n${f.link}\n`,
    }),
    'work-started': (f) => ({
      subject: `[${f.reference}] Under arbeid: ${f.title}`,
      text: `Vi har startet arbeidet med ${f.reference}.\n\n${f.title}\n${f.link}\n`,
    }),
    resolved: (f) => ({
      subject: `[${f.reference}] Løst: ${f.title}`,
      text: `Saken ${f.reference} er løst.\n\n${f.note ? `${f.note}\n\n` : ''}Svar på denne e-posten hvis noe fortsatt ikke virker.\n${f.link}\n`,
    }),
    'at-risk': (f) => ({
      subject: `[${f.reference}] Frist nærmer seg: ${f.policy ?? ''}`,
      text: `${f.reference}${category(f, 'kategori')} for ${f.owner} nærmer seg fristen for ${f.policy ?? ''}: ${f.due ?? ''}.\n\n${f.title}\n${f.link}\n`,
    }),
    breached: (f) => ({
      subject: `[${f.reference}] Frist brutt: ${f.policy ?? ''}`,
      text: `${f.reference}${category(f, 'kategori')} for ${f.owner} har passert fristen for ${f.policy ?? ''} (${f.due ?? ''}).\n\n${f.title}\n${f.link}\n`,
    }),
  },
  nn: {
    registered: (f) => ({
      subject: `[${f.reference}] Registrert: ${f.title}`,
      text: `Saka ${f.reference}${category(f, 'kategori')} er registrert for ${f.owner}.\n\n${f.title}\n\nDu får melding når arbeidet startar og når saka er løyst.\n${f.link}\n`,
    }),
    'work-started': (f) => ({
      subject: `[${f.reference}] Under arbeid: ${f.title}`,
      text: `Vi har starta arbeidet med ${f.reference}.\n\n${f.title}\n${f.link}\n`,
    }),
    resolved: (f) => ({
      subject: `[${f.reference}] Løyst: ${f.title}`,
      text: `Saka ${f.reference} er løyst.\n\n${f.note ? `${f.note}\n\n` : ''}Svar på denne e-posten dersom noko framleis ikkje verkar.\n${f.link}\n`,
    }),
    'at-risk': (f) => ({
      subject: `[${f.reference}] Fristen nærmar seg: ${f.policy ?? ''}`,
      text: `${f.reference}${category(f, 'kategori')} for ${f.owner} nærmar seg fristen for ${f.policy ?? ''}: ${f.due ?? ''}.\n\n${f.title}\n${f.link}\n`,
    }),
    breached: (f) => ({
      subject: `[${f.reference}] Fristen er broten: ${f.policy ?? ''}`,
      text: `${f.reference}${category(f, 'kategori')} for ${f.owner} har passert fristen for ${f.policy ?? ''} (${f.due ?? ''}).\n\n${f.title}\n${f.link}\n`,
    }),
  },
  en: {
    registered: (f) => ({
      subject: `[${f.reference}] Registered: ${f.title}`,
      text: `Case ${f.reference}${category(f, 'category')} is registered for ${f.owner}.\n\n${f.title}\n\nYou will hear from us when work starts and when the case is resolved.\n${f.link}\n`,
    }),
    'work-started': (f) => ({
      subject: `[${f.reference}] In progress: ${f.title}`,
      text: `We have started work on ${f.reference}.\n\n${f.title}\n${f.link}\n`,
    }),
    resolved: (f) => ({
      subject: `[${f.reference}] Resolved: ${f.title}`,
      text: `Case ${f.reference} is resolved.\n\n${f.note ? `${f.note}\n\n` : ''}Reply to this e-mail if something still does not work.\n${f.link}\n`,
    }),
    'at-risk': (f) => ({
      subject: `[${f.reference}] Deadline approaching: ${f.policy ?? ''}`,
      text: `${f.reference}${category(f, 'category')} for ${f.owner} is close to the ${f.policy ?? ''} deadline: ${f.due ?? ''}.\n\n${f.title}\n${f.link}\n`,
    }),
    breached: (f) => ({
      subject: `[${f.reference}] Deadline missed: ${f.policy ?? ''}`,
      text: `${f.reference}${category(f, 'category')} for ${f.owner} has passed the ${f.policy ?? ''} deadline (${f.due ?? ''}).\n\n${f.title}\n${f.link}\n`,
    }),
  },
};

export function caseMail(locale: Locale, notice: CaseNotice, facts: CaseMailFacts): { subject: string; text: string } {
  return templates[locale][notice](facts);
}
