import type { NationalLoginConfig } from '../../config/national-login-config.ts';
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { acrReaches } from '../../domain/acr-levels.ts';
import { type OrganisationKind, type Role, roleFitsOrganisation } from '../../domain/roles.ts';
import { AppError } from '../../services/app-error.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../services/context.ts';
import type { NewSession } from '../log-in.ts';
import { seal } from '../seal.ts';
import { idTokenKey } from '../sessions.ts';
import { digest, randomSecret } from '../secrets.ts';
import type { VerifiedLogin } from './login-claims.ts';
import { type AccountPlan, loadStanding, type MatchedInvitation } from './login-standing.ts';

export type NationalLoginPolicy = Pick<NationalLoginConfig, 'roleAcr' | 'rules'> & { sessionTtlMs: number };

export interface NationalLoginInput {
  login: VerifiedLogin;
  /** The organisation number the person acts for (one of the login's authorized parties); null: no choice asked. */
  actingFor: string | null;
  /** The invitation link's token the login started from, if any. */
  invitationToken: string | null;
}

interface Grant {
  organisationId: string;
  role: Role;
  via: 'invitation' | 'rule';
}

export type NationalLoginOutcome =
  | { kind: 'signed-in'; session: NewSession; organisationId: string | null; grants: Grant[]; withheld: boolean }
  | { kind: 'no-access'; level: boolean };

function personOf(ctx: ServiceContext, userId: string, email: string): ServiceContext {
  return { ...ctx, actor: { type: 'user', id: userId, label: email, memberships: [] } };
}

async function establishAccount(trx: Tx, ctx: ServiceContext, plan: AccountPlan, login: VerifiedLogin, now: number) {
  if (plan.kind === 'linked') return plan.userId;
  const userId = plan.kind === 'new' ? newId() : plan.userId;
  const person = personOf(ctx, userId, plan.email);
  if (plan.kind === 'new') {
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email: plan.email,
        name: login.name ?? plan.email,
        password_hash: null,
        locale: 'nb',
        locked_until: null,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAuditEvent(trx, person, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: userId,
      organisationId: null,
      summary: { email: plan.email, via: 'national login', evidence: plan.evidence },
    });
  }
  await trx
    .insertInto('national_identities')
    .values({ pid_hash: login.pidHash, user_id: userId, created_at: now })
    .execute();
  await recordAuditEvent(trx, person, {
    action: 'user.identity-link',
    subjectType: 'user',
    subjectId: userId,
    organisationId: null,
    summary: { evidence: plan.evidence },
  });
  return userId;
}

async function acceptInvitation(
  trx: Tx,
  person: ServiceContext,
  userId: string,
  invitation: MatchedInvitation,
  now: number,
) {
  const claimed = await trx
    .updateTable('invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', invitation.id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('memberships')
    .values({
      id: newId(),
      user_id: userId,
      organisation_id: invitation.organisationId,
      role: invitation.role,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
    .execute();
  await recordAuditEvent(trx, person, {
    action: 'membership.add',
    subjectType: 'user',
    subjectId: userId,
    organisationId: invitation.organisationId,
    summary: { email: invitation.email, role: invitation.role, invitationId: invitation.id, via: invitation.via },
  });
  return true;
}

/**
 * Signs a person in after a verified national login. The account, its memberships and their roles come only from an
 * identity already linked, invitations (by national identity number, by the link the login started from, or by an
 * address the provider vouches for) and rules for the organisation acted for; a role whose least `acr` the login does
 * not reach is not granted. When nothing is left to act with, nothing is written and the answer is `no-access`
 * (`level` when a role was held back for the level). Otherwise the account, its link to the identity, the accepted
 * invitations, the roles rules grant, the session and the audit rows are written in one transaction.
 */
export async function completeNationalLogin(
  ctx: ServiceContext,
  input: NationalLoginInput,
  policy: NationalLoginPolicy,
): Promise<NationalLoginOutcome> {
  const { login } = input;
  const now = ctx.clock.now();
  let organisation: { id: string; org_number: string; kind: OrganisationKind } | null = null;
  if (input.actingFor !== null) {
    if (!login.parties.some((p) => p.orgNumber === input.actingFor))
      throw new AppError('forbidden', 'the login was not given that organisation');
    organisation =
      (await ctx.db
        .selectFrom('organisations')
        .select(['id', 'org_number', 'kind'])
        .where('org_number', '=', input.actingFor)
        .executeTakeFirst()) ?? null;
    if (!organisation) return { kind: 'no-access', level: false };
  }
  const standing = await loadStanding(ctx.db, login, input.invitationToken, now);
  const { account } = standing;
  if (!account) return { kind: 'no-access', level: false };
  const reaches = (role: Role) => acrReaches(login.acr, policy.roleAcr[role]);
  const inScope = (organisationId: string) => organisation === null || organisationId === organisation.id;
  const acting = organisation;
  const ruleRoles = acting
    ? policy.rules
        .filter(
          (rule) =>
            rule.organisation === acting.org_number &&
            login.parties.some(
              (p) => p.orgNumber === acting.org_number && (rule.resource ?? p.resource) === p.resource,
            ) &&
            roleFitsOrganisation(rule.role, acting.kind),
        )
        .map((rule) => rule.role)
    : [];
  const held = (organisationId: string, role: Role) =>
    standing.memberships.some((m) => m.organisationId === organisationId && m.role === role);
  const invitations = standing.invitations.filter((i) => reaches(i.role));
  const ruleGrants = [...new Set(ruleRoles)].filter((role) => reaches(role) && acting && !held(acting.id, role));
  // Every role the session could act with: held, invited to, or given by a rule; those the level reaches are usable.
  const candidates = [
    ...standing.memberships,
    ...standing.invitations.map((i) => ({ organisationId: i.organisationId, role: i.role })),
    ...(acting ? ruleRoles.map((role) => ({ organisationId: acting.id, role })) : []),
  ].filter((c) => inScope(c.organisationId));
  const usable = candidates.filter((c) => reaches(c.role));
  const withheld = usable.length < candidates.length;
  if (usable.length === 0) return { kind: 'no-access', level: withheld };

  const session: NewSession = {
    sessionToken: randomSecret(),
    csrfToken: randomSecret(),
    userId: account.kind === 'new' ? '' : account.userId,
    expiresAt: Math.min(now + policy.sessionTtlMs, login.expiresAt),
  };
  try {
    return await inTransaction(ctx, async (trx) => {
      const userId = await establishAccount(trx, ctx, account, login, now);
      const person = personOf(ctx, userId, account.email);
      const grants: Grant[] = [];
      for (const invitation of invitations)
        if (await acceptInvitation(trx, person, userId, invitation, now))
          grants.push({ organisationId: invitation.organisationId, role: invitation.role, via: 'invitation' });
      for (const role of ruleGrants) {
        if (!acting) break;
        const added = await trx
          .insertInto('memberships')
          .values({ id: newId(), user_id: userId, organisation_id: acting.id, role, created_at: now })
          .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
          .executeTakeFirst();
        if (Number(added.numInsertedOrUpdatedRows ?? 0) !== 1) continue;
        grants.push({ organisationId: acting.id, role, via: 'rule' });
        await recordAuditEvent(trx, person, {
          action: 'membership.add',
          subjectType: 'user',
          subjectId: userId,
          organisationId: acting.id,
          summary: { email: account.email, role, via: 'rule', organisation: acting.org_number },
        });
      }
      await trx.updateTable('users').set({ last_login_at: now, updated_at: now }).where('id', '=', userId).execute();
      await trx
        .insertInto('sessions')
        .values({
          id_hash: digest(session.sessionToken),
          user_id: userId,
          csrf_token: session.csrfToken,
          created_at: now,
          last_seen_at: now,
          expires_at: session.expiresAt,
          method: 'oidc',
          acr: login.acr,
          organisation_id: organisation?.id ?? null,
          provider_sid: login.sid,
          id_token_sealed: seal(idTokenKey(session.sessionToken), login.idToken),
          ends_at: session.expiresAt,
        })
        .execute();
      await recordAuditEvent(trx, person, {
        action: 'auth.login',
        subjectType: 'user',
        subjectId: userId,
        organisationId: organisation?.id ?? null,
        summary: { method: 'oidc', acr: login.acr, grants, ...(withheld ? { withheldForLevel: true } : {}) },
      });
      return {
        kind: 'signed-in' as const,
        session: { ...session, userId },
        organisationId: organisation?.id ?? null,
        grants,
        withheld,
      };
    });
  } catch (error) {
    // The same person's first login twice at once: one of them made the account or the link first.
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'another login of the same person got there first; log in again');
    throw error;
  }
}
