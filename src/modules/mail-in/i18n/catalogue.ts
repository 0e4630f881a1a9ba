import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { mailEn } from './en.ts';
import { mailNb } from './nb.ts';
import { mailNn } from './nn.ts';

/**
 * The UI texts of the mail quarantine pages, in every language: the manifest declares them and the
 * composition merges them.
 */
export const messages = { nb: mailNb, nn: mailNn, en: mailEn } satisfies ModuleMessages<keyof typeof mailNb>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    'mail-in': typeof mailNb;
  }
}
