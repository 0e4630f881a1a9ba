import type { ModuleMessages } from './messages.ts';
import { platformEn } from './en.ts';
import { platformNb } from './nb.ts';
import { platformNn } from './nn.ts';

/** The platform's own UI texts in every language; the composition merges them with every module's. */
export const platformMessages = {
  nb: platformNb,
  nn: platformNn,
  en: platformEn,
} satisfies ModuleMessages<keyof typeof platformNb>;
