import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { billingEn } from './en.ts';
import { billingNb } from './nb.ts';
import { billingNn } from './nn.ts';

/** The UI texts of the billing pages, in every language: the manifest declares them and the composition merges them. */
export const messages = { nb: billingNb, nn: billingNn, en: billingEn } satisfies ModuleMessages<
  keyof typeof billingNb
>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    billing: typeof billingNb;
  }
}
