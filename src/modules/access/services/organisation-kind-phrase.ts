import type { OrganisationKind } from '../../../platform/domain/roles.ts';

/** How an error message names an organisation of a kind: "cannot be held in a service owner organisation". */
export const kindPhrase: Record<OrganisationKind, string> = {
  operator: 'the operator',
  owner: 'a service owner',
  party: 'a party',
};
