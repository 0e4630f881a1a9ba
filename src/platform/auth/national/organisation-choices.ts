import type { RoleRule } from '../../config/national-login-config.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { VerifiedLogin } from './login-claims.ts';
import { loadStanding } from './login-standing.ts';

export interface OrganisationChoice {
  orgNumber: string;
  name: string;
}

/**
 * The organisations a verified login can act for in Nivå: those among its authorized parties that Nivå knows and where
 * the person has a membership, an invitation this login accepts, or a rule's role. Parties Nivå does not know, or where
 * the person would get nothing, are left out, so nobody learns from the list which organisations Nivå serves.
 */
export async function organisationChoices(
  ctx: ServiceContext,
  login: VerifiedLogin,
  options: { invitationToken: string | null; rules: readonly RoleRule[] },
): Promise<OrganisationChoice[]> {
  const numbers = [...new Set(login.parties.map((p) => p.orgNumber))];
  if (numbers.length === 0) return [];
  const [organisations, standing] = await Promise.all([
    ctx.db
      .selectFrom('organisations')
      .select(['id', 'org_number', 'name'])
      .where('org_number', 'in', numbers)
      .execute(),
    loadStanding(ctx.db, login, options.invitationToken, ctx.clock.now()),
  ]);
  if (!standing.account) return [];
  return organisations
    .filter(
      (o) =>
        standing.memberships.some((m) => m.organisationId === o.id) ||
        standing.invitations.some((i) => i.organisationId === o.id) ||
        options.rules.some(
          (rule) =>
            rule.organisation === o.org_number &&
            login.parties.some((p) => p.orgNumber === o.org_number && (rule.resource ?? p.resource) === p.resource),
        ),
    )
    .map((o) => ({ orgNumber: o.org_number, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
