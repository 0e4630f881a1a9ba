import type { billingNb } from './nb.ts';

/** English texts of the billing pages. */
export const billingEn: Record<keyof typeof billingNb, string> = {
  'nav.billing': 'Billing',
};
