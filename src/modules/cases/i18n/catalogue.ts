import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { casesEn } from './en.ts';
import { casesNb } from './nb.ts';
import { casesNn } from './nn.ts';

/**
 * The UI texts of the cases pages, notices and mails, in every language: the manifest declares them and the
 * composition merges them.
 */
export const messages = { nb: casesNb, nn: casesNn, en: casesEn } satisfies ModuleMessages<keyof typeof casesNb>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    cases: typeof casesNb;
  }
}
