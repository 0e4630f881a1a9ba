import { z } from 'zod';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { hashPassword, passwordRule } from '../../../platform/auth/password.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findInvitation } from './find-invitation.ts';

export const acceptInvitationInput = z.object({
  token: z.string().min(1),
  name: z.string().trim().min(2, 'at least 2 characters').max(200).optional(),
  password: z
    .string()
    .min(passwordRule.min, `at least ${passwordRule.min} characters`)
    .max(passwordRule.max)
    .optional(),
});

export interface AcceptedInvitation {
  userId: string;
  membershipId: string;
  organisationId: string;
  /** True when accepting created the account (the person then signs in with the password just chosen). */
  accountCreated: boolean;
}

/**
 * Turns an invitation into a membership, once. A person with an account accepts signed in as the invited address;
 * a new person chooses a name and password here. Claiming the invitation is a conditional update, so two submissions
 * of the same link create one membership.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  input: z.input<typeof acceptInvitationInput>,
): Promise<AcceptedInvitation> {
  const data = parseInput(acceptInvitationInput, input, ctx);
  const invitation = await findInvitation(ctx, { token: data.token });
  let userId: string | null = null;
  let passwordHash: string | null = null;
  if (ctx.actor.type === 'user') {
    if (ctx.actor.label !== invitation.email)
      throw new AppError('forbidden', 'the invitation is for another e-mail address; sign in as that address');
    userId = ctx.actor.id;
  } else if (ctx.actor.type === 'system') {
    if (invitation.accountExists)
      throw new AppError('unauthenticated', 'the address has an account: sign in as it to accept');
    if (!data.name) throw AppError.field('name', 'required');
    if (!data.password) throw AppError.field('password', 'required');
    passwordHash = await hashPassword(data.password);
  } else {
    throw new AppError('forbidden', 'an API token cannot accept an invitation');
  }
  const now = ctx.clock.now();
  return inTransaction(ctx, async (trx) => {
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: now })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new AppError('not-found', 'the invitation is unknown, used, withdrawn or expired');
    const accountCreated = userId === null;
    if (userId === null) {
      userId = newId();
      const inserted = await trx
        .insertInto('users')
        .values({
          id: userId,
          email: invitation.email,
          name: data.name ?? invitation.email,
          password_hash: passwordHash,
          locale: 'nb',
          locked_until: null,
          last_login_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      // Someone created the account since the page was shown: its owner accepts by signing in.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1)
        throw new AppError('unauthenticated', 'the address has an account: sign in as it to accept');
    }
    await trx.updateTable('invitations').set({ accepted_by: userId }).where('id', '=', invitation.id).execute();
    const membershipId = newId();
    await trx
      .insertInto('memberships')
      .values({
        id: membershipId,
        user_id: userId,
        organisation_id: invitation.organisationId,
        role: invitation.role,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
      .execute();
    const audit = { ...ctx, actor: { type: 'user' as const, id: userId, label: invitation.email, memberships: [] } };
    if (accountCreated)
      await recordAuditEvent(trx, audit, {
        action: 'user.create',
        subjectType: 'user',
        subjectId: userId,
        organisationId: invitation.organisationId,
        summary: { email: invitation.email, via: 'invitation' },
      });
    await recordAuditEvent(trx, audit, {
      action: 'membership.add',
      subjectType: 'user',
      subjectId: userId,
      organisationId: invitation.organisationId,
      summary: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
    });
    return { userId, membershipId, organisationId: invitation.organisationId, accountCreated };
  });
}
