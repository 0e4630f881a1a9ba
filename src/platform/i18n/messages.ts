import type { platformNb } from './nb.ts';

export const locales = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof locales)[number];

/**
 * The bokmål catalogue of each owner of UI texts, for typing only. Platform declares its own here; each module adds
 * its catalogue by declaration merging, in its `i18n/catalogue.ts`:
 *
 *   declare module '../../../platform/i18n/messages.ts' { interface MessageCatalogues { cases: typeof casesNb } }
 *
 * So `MessageKey` is every key of the program, `t('case.title')` type-checks wherever a `Translate` is at hand, and
 * platform still imports no module. At run time the composition merges the catalogues it is given and installs them
 * (`installCatalogues`); src/app/messages.ts fails to compile if its modules leave a key declared here without a text.
 */
export interface MessageCatalogues {
  platform: typeof platformNb;
}

export type MessageKey = {
  [Owner in keyof MessageCatalogues]: keyof MessageCatalogues[Owner] & string;
}[keyof MessageCatalogues];

/** Every text of the program in one language. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** One owner's texts in every language, each with exactly the keys of its bokmål catalogue. */
export type ModuleMessages<Key extends string = string> = Readonly<Record<Locale, Readonly<Record<Key, string>>>>;

let installed: Readonly<Record<Locale, Catalogue>> | null = null;

/** Called by the composition (src/app) with the merged catalogues of the platform and every module. */
export function installCatalogues(catalogues: Readonly<Record<Locale, Catalogue>>): void {
  installed = catalogues;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  if (!installed)
    throw new Error('the UI texts are not installed: the composition (src/app/messages.ts) installs them at start-up');
  const catalogue = installed[locale];
  return (key, params) => {
    const text = catalogue[key];
    return params
      ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
      : text;
  };
}

/** Locale for dates and numbers in Intl APIs. */
export const intlLocale: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
