import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

export interface CaseAgent {
  id: string;
  name: string;
  email: string;
}

/** The service desk's people a case can be assigned to: operator admins and agents, each once, by name; disabled accounts are left out. */
export async function listCaseAgents(ctx: ServiceContext): Promise<CaseAgent[]> {
  authorize(ctx.actor, 'case.work');
  return ctx.db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id as id', 'users.name as name', 'users.email as email'])
    .where('organisations.kind', '=', 'operator')
    .where('memberships.role', 'in', ['operator-admin', 'operator-agent'])
    .where('users.disabled', '=', 0)
    .distinct()
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}
