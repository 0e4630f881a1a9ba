import type { billingNb } from './nb.ts';

/** Nynorsk texts of the billing pages. */
export const billingNn: Record<keyof typeof billingNb, string> = {
  'nav.billing': 'Fakturering',
};
