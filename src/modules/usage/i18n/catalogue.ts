import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { usageEn } from './en.ts';
import { usageNb } from './nb.ts';
import { usageNn } from './nn.ts';

/**
 * The UI texts of the statistics pages and exports, in every language: the manifest declares them and the
 * composition merges them.
 */
export const messages = { nb: usageNb, nn: usageNn, en: usageEn } satisfies ModuleMessages<keyof typeof usageNb>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    usage: typeof usageNb;
  }
}
