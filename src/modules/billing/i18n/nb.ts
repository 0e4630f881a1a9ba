/** Bokmål texts of the billing pages; spread into the main catalogue, so they are ordinary message keys. */
export const billingNb = {
  'nav.billing': 'Fakturering',
};
