import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { reportContentEn } from './content-en.ts';
import { reportContentNb } from './content-nb.ts';
import { reportContentNn } from './content-nn.ts';
import { reportEn } from './en.ts';
import { reportNb } from './nb.ts';
import { reportNn } from './nn.ts';

/**
 * The UI texts of the service report and its content and subscription pages, in every language: the manifest
 * declares them and the composition merges them.
 */
export const messages = {
  nb: { ...reportNb, ...reportContentNb },
  nn: { ...reportNn, ...reportContentNn },
  en: { ...reportEn, ...reportContentEn },
} satisfies ModuleMessages<keyof typeof reportNb | keyof typeof reportContentNb>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    reports: (typeof messages)['nb'];
  }
}
