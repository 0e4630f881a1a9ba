import type { ModuleMessages } from '../../../platform/i18n/messages.ts';
import { availabilityEn } from './en.ts';
import { availabilityNb } from './nb.ts';
import { availabilityNn } from './nn.ts';
import { statusEn } from './status-en.ts';
import { statusNb } from './status-nb.ts';
import { statusNn } from './status-nn.ts';
import { subscribeEn } from './subscribe-en.ts';
import { subscribeNb } from './subscribe-nb.ts';
import { subscribeNn } from './subscribe-nn.ts';

/**
 * The UI texts of the availability pages, the public status page and its subscriptions, in every language: the
 * manifest declares them and the composition merges them.
 */
export const messages = {
  nb: { ...availabilityNb, ...statusNb, ...subscribeNb },
  nn: { ...availabilityNn, ...statusNn, ...subscribeNn },
  en: { ...availabilityEn, ...statusEn, ...subscribeEn },
} satisfies ModuleMessages<keyof typeof availabilityNb | keyof typeof statusNb | keyof typeof subscribeNb>;

// Makes these keys message keys of the whole program (see MessageCatalogues).
declare module '../../../platform/i18n/messages.ts' {
  interface MessageCatalogues {
    availability: (typeof messages)['nb'];
  }
}
