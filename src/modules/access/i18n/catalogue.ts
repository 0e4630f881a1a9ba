import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { accessEn } from './en.ts';
import { accessNb } from './nb.ts';
import { accessNn } from './nn.ts';

/** The UI texts of the access pages, in every language: the manifest declares them and the composition merges them. */
export const messages = { nb: accessNb, nn: accessNn, en: accessEn } satisfies ModuleMessages<keyof typeof accessNb>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    access: typeof accessNb;
  }
}
