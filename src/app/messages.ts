import { platformMessages } from '../platform/i18n/catalogue.ts';
import {
  type Catalogue,
  installCatalogues,
  type Locale,
  locales,
  type MessageKey,
  type ModuleMessages,
} from '../platform/i18n/messages.ts';
import type { MessageKeysOf } from '../platform/module-manifest.ts';
import type { modules } from './modules.ts';

/**
 * Merges the platform's UI texts and the modules' into one catalogue per language and installs them for `translator`.
 * A key defined twice is refused: one of its texts would silently win.
 */
export function installMessages(moduleMessages: readonly (ModuleMessages | undefined)[]): void {
  const parts = [platformMessages, ...moduleMessages].filter((part) => part !== undefined);
  const catalogues = Object.fromEntries(
    locales.map((locale) => {
      const catalogue: Record<string, string> = {};
      for (const part of parts)
        for (const [key, text] of Object.entries(part[locale])) {
          if (Object.hasOwn(catalogue, key)) throw new Error(`the UI text ${key} is defined twice`);
          catalogue[key] = text;
        }
      return [locale, catalogue];
    }),
  ) as Record<Locale, Catalogue>;
  installCatalogues(catalogues);
}

// Every key the code may use (MessageKey, which each module's catalogue joins by declaration merging) has a text: a
// module whose catalogue is declared but which is missing from modules.ts fails to compile here, naming the keys.
type ComposedKey = keyof (typeof platformMessages)['nb'] | MessageKeysOf<(typeof modules)[number]>;
type KeyWithoutText = Exclude<MessageKey, ComposedKey>;
const _everyKeyHasText: [KeyWithoutText] extends [never] ? true : KeyWithoutText = true;
