import { digest } from '../../../platform/auth/secrets.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  organisationId: string;
  organisationName: string;
  expiresAt: number;
  /** Whether the invited address already has an account: then accepting means signing in as it. */
  accountExists: boolean;
}

/**
 * The invitation a link's token opens, for its holder only: the token is the authority here (it reached the invited
 * mailbox), so telling its holder whether the address has an account discloses nothing to anyone else.
 * Used, revoked, expired and unknown tokens are all the same "not found".
 */
export async function findInvitation(ctx: ServiceContext, { token }: { token: string }): Promise<InvitationView> {
  const row = await ctx.db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .leftJoin('users', 'users.email', 'invitations.email')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'organisations.id as organisationId',
      'organisations.name as organisationName',
      'invitations.expires_at as expiresAt',
      'users.id as userId',
    ])
    .where('invitations.token_hash', '=', digest(token))
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', ctx.clock.now())
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'the invitation is unknown, used, withdrawn or expired');
  const { userId, ...invitation } = row;
  return { ...invitation, accountExists: userId !== null };
}
