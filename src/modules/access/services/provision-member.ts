import { kindPhrase } from './organisation-kind-phrase.ts';
import { z } from 'zod';
import { isRole, roleFitsOrganisation, roles, type Role } from '../../../platform/domain/roles.ts';
import { authorizeSystem } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { hashPassword, passwordRule } from '../../../platform/auth/password.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { getOrganisation } from './get-organisation.ts';
import { guardUnique, type UniqueField } from '../../../platform/db/unique-violation.ts';
import { nameText } from '../../../platform/validation/text.ts';

export const provisionMemberInput = z.object({
  organisationId: z.string().min(1),
  email: z.string().trim().toLowerCase().email('an e-mail address'),
  name: nameText().trim().min(2, 'at least 2 characters').max(200),
  role: z.enum(roles),
  password: z
    .string()
    .min(passwordRule.min, `at least ${passwordRule.min} characters`)
    .max(passwordRule.max)
    .optional(),
});

export interface MemberResult {
  userId: string;
  membershipId: string;
  created: boolean;
}

const membershipKeys: readonly UniqueField[] = [
  {
    table: 'memberships',
    columns: ['user_id', 'organisation_id', 'role'],
    constraint: 'memberships_user_org_role',
    field: 'role',
    message: 'this person already has that role here',
  },
];

/**
 * Gives a person a role directly, creating the account if the e-mail is new: a system operation (the demo seed, and
 * `niva user add` by whoever runs the server). People and tokens add members only by invitation (`invite-member.ts`),
 * which the invited person accepts, so no organisation can attach an account it does not own.
 */
export async function provisionMember(
  ctx: ServiceContext,
  input: z.input<typeof provisionMemberInput>,
): Promise<MemberResult> {
  const data = parseInput(provisionMemberInput, input, ctx);
  authorizeSystem(ctx.actor, 'provision accounts directly');
  const organisation = await getOrganisation(ctx, { id: data.organisationId });
  const role: Role = data.role;
  if (!isRole(role) || !roleFitsOrganisation(role, organisation.kind)) {
    throw AppError.field('role', `${role} cannot be held in ${kindPhrase[organisation.kind]} organisation`);
  }
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now();
    let user = await trx.selectFrom('users').select(['id']).where('email', '=', data.email).executeTakeFirst();
    let created = false;
    if (!user) {
      // Two requests may add the same new person at once: the e-mail key lets one create the account, and the other
      // (waiting on PostgreSQL for the first to commit) finds it and only adds its membership.
      const id = newId();
      const inserted = await trx
        .insertInto('users')
        .values({
          id,
          email: data.email,
          name: data.name,
          password_hash: passwordHash,
          locale: 'nb',
          locked_until: null,
          last_login_at: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      created = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
      user = created
        ? { id }
        : await trx.selectFrom('users').select(['id']).where('email', '=', data.email).executeTakeFirstOrThrow();
    }
    const membershipId = newId();
    await guardUnique(membershipKeys, () =>
      trx
        .insertInto('memberships')
        .values({ id: membershipId, user_id: user.id, organisation_id: organisation.id, role, created_at: now })
        .execute(),
    );
    await recordAuditEvent(trx, ctx, {
      action: created ? 'user.create' : 'membership.add',
      subjectType: 'user',
      subjectId: user.id,
      organisationId: organisation.id,
      summary: {
        email: data.email,
        role,
        ...(created ? { name: data.name, password: passwordHash ? 'set' : 'none' } : {}),
      },
    });
    return { userId: user.id, membershipId, created };
  });
}
