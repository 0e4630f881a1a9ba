import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { supportEn } from './en.ts';
import { supportNb } from './nb.ts';
import { supportNn } from './nn.ts';

/** The UI texts of the support pages, in every language: the manifest declares them and the composition merges them. */
export const messages = { nb: supportNb, nn: supportNn, en: supportEn } satisfies ModuleMessages<
  keyof typeof supportNb
>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    support: typeof supportNb;
  }
}
