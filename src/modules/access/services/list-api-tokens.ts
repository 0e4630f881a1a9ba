import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';
import type { ApiToken } from '../../../platform/db/schema.ts';

export async function listApiTokens(
  ctx: ServiceContext,
  { organisationId }: { organisationId?: string } = {},
): Promise<ApiToken[]> {
  authorize(ctx.actor, 'token.read');
  let q = scoped(
    ctx.db.selectFrom('api_tokens').selectAll(),
    'api_tokens.organisation_id',
    tenantScope(ctx.actor, 'token.read'),
  ).orderBy('created_at', 'desc');
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.execute();
}

export async function getApiToken(ctx: ServiceContext, { id }: { id: string }): Promise<ApiToken> {
  const token = await scoped(
    ctx.db.selectFrom('api_tokens').selectAll(),
    'api_tokens.organisation_id',
    tenantScope(ctx.actor, 'token.read'),
  )
    .where('id', '=', id)
    .executeTakeFirst();
  if (!token) throw new AppError('not-found', 'API token not found');
  return token;
}
