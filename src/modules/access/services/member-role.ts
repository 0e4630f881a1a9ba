import { kindPhrase } from './organisation-kind-phrase.ts';
import { isRole, roleFitsOrganisation, type Role } from '../../../platform/domain/roles.ts';
import { isPlatformActor, type Actor } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { Organisation } from '../../../platform/db/schema.ts';

/** Asserts a role can be held in the organisation and given by this actor; names the `role` field otherwise. */
export function assertGrantableRole(actor: Actor, role: string, organisation: Organisation): Role {
  if (!isRole(role) || !roleFitsOrganisation(role, organisation.kind)) {
    throw AppError.field('role', `${role} cannot be held in ${kindPhrase[organisation.kind]} organisation`);
  }
  // Operator auditors read every tenant, so only the platform itself appoints them.
  if (role === 'auditor' && organisation.kind === 'operator' && !isPlatformActor(actor))
    throw AppError.field('role', 'not allowed', 'forbidden');
  return role;
}
