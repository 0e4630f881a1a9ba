import { z } from 'zod';
import { holdableScopes, isTokenScope, tokenScopes } from '../../../platform/domain/roles.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { digest, randomSecret } from '../../../platform/auth/secrets.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { getOrganisation } from './get-organisation.ts';
import type { ApiToken } from '../../../platform/db/schema.ts';
import { nameText } from '../../../platform/validation/text.ts';

const scopeNames = Object.keys(tokenScopes) as [keyof typeof tokenScopes, ...(keyof typeof tokenScopes)[]];

export const createApiTokenInput = z.object({
  organisationId: z.string().min(1),
  name: nameText().trim().min(2, 'at least 2 characters').max(100),
  scopes: z
    .array(z.enum(scopeNames))
    .min(1, 'at least one scope')
    .refine((s) => s.every(isTokenScope)),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});

export interface CreatedToken {
  token: ApiToken;
  /** The full secret: shown once, never stored. */
  secret: string;
}

export async function createApiToken(
  ctx: ServiceContext,
  input: z.input<typeof createApiTokenInput>,
): Promise<CreatedToken> {
  const data = parseInput(createApiTokenInput, input, ctx);
  const organisation = await getOrganisation(ctx, { id: data.organisationId });
  authorize(ctx.actor, 'token.manage', organisation.id);
  const holdable = holdableScopes(organisation.kind);
  const unusable = data.scopes.filter((scope) => !holdable.includes(scope));
  if (unusable.length > 0)
    throw AppError.field('scopes', `not available to this organisation: ${[...new Set(unusable)].join(', ')}`);
  const prefix = randomSecret(6).slice(0, 8);
  const secret = `niva_${prefix}_${randomSecret(32)}`;
  const now = ctx.clock.now();
  const token: ApiToken = {
    id: newId(),
    organisation_id: organisation.id,
    name: data.name,
    prefix,
    secret_hash: digest(secret),
    scopes: [...new Set(data.scopes)].sort().join(' '),
    created_by: ctx.actor.id,
    created_at: now,
    expires_at: data.expiresInDays ? now + data.expiresInDays * 86_400_000 : null,
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('api_tokens').values(token).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'token.create',
      subjectType: 'api-token',
      subjectId: token.id,
      organisationId: organisation.id,
      summary: { name: token.name, prefix, scopes: token.scopes, expiresAt: token.expires_at },
    });
  });
  return { token, secret };
}
