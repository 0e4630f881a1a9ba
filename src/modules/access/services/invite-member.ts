import { z } from 'zod';
import { roles } from '../../../platform/domain/roles.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { digest, randomSecret } from '../../../platform/auth/secrets.ts';
import { nationalIdHash } from '../../../platform/auth/identity-hash.ts';
import { isValidNationalId } from '../../../platform/domain/national-id.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.ts';
import { emailJob } from '../../../platform/mail/send-email.ts';
import { translator, type Locale } from '../../../platform/i18n/messages.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import type { Invitation } from '../../../platform/db/auth-schema.ts';
import { getOrganisation } from './get-organisation.ts';
import { assertGrantableRole } from './member-role.ts';

export const inviteMemberInput = z.object({
  organisationId: z.string().min(1),
  email: z.string().trim().toLowerCase().email('an e-mail address'),
  role: z.enum(roles),
  /** Who may accept, by national login: the person with this national identity number. Stored only as its HMAC. */
  nationalId: z
    .string()
    .trim()
    .refine(isValidNationalId, 'a national identity number: 11 digits with valid check digits')
    .optional(),
});

/** How long an invitation link can be used. */
export const invitationTtlMs = 7 * 86_400_000;

export interface InviteOptions {
  /** Where the link in the e-mail points. */
  publicUrl: string;
  /** The language of the e-mail: the inviter's. */
  locale: Locale;
  /** The key national identity numbers are stored under; needed for an invitation by national identity number. */
  identityKey?: string;
  /** What the e-mail of an invitation by number calls the national login (NIVA_OIDC_NAME). */
  provider?: string;
}

export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/invitations/${encodeURIComponent(token)}`;
}

/**
 * Invites a person to a role: no account is looked at, so the answer is the same whether the address has one or not.
 * The membership exists only when the person accepts through the single-use link mailed in this transaction, or, for
 * an invitation by national identity number, by the first national login with that number (the e-mail then says to
 * log in; it carries no link to accept with, and the address becomes the account's if the person has none).
 */
export async function inviteMember(
  ctx: ServiceContext,
  input: z.input<typeof inviteMemberInput>,
  options: InviteOptions,
): Promise<Invitation> {
  const data = parseInput(inviteMemberInput, input, ctx);
  const organisation = await getOrganisation(ctx, { id: data.organisationId });
  authorize(ctx.actor, 'user.manage', organisation.id);
  const role = assertGrantableRole(ctx.actor, data.role, organisation);
  if (data.nationalId !== undefined && options.identityKey === undefined)
    throw new AppError('unavailable', 'invitations by national identity number need the identity key');
  const nationalIdHashed =
    data.nationalId !== undefined && options.identityKey !== undefined
      ? nationalIdHash(options.identityKey, data.nationalId)
      : null;
  const token = randomSecret();
  const now = ctx.clock.now();
  const invitation: Invitation = {
    id: newId(),
    organisation_id: organisation.id,
    email: data.email,
    role,
    token_hash: digest(token),
    invited_by: ctx.actor.id,
    created_at: now,
    expires_at: now + invitationTtlMs,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
    national_id_hash: nationalIdHashed,
  };
  const t = translator(options.locale);
  const params = {
    organisation: organisation.name,
    role: t(`role.${role}`),
    days: invitationTtlMs / 86_400_000,
    provider: options.provider ?? 'ID-porten',
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('invitations').values(invitation).execute();
    await enqueueJob(trx, ctx, {
      kind: emailJob,
      organisationId: organisation.id,
      payload: {
        to: [data.email],
        subject: t('invitations.mailSubject', params),
        text:
          nationalIdHashed === null
            ? `${t('invitations.mailBody', params)}\n\n${invitationUrl(options.publicUrl, token)}\n`
            : `${t('invitations.mailBodyNational', params)}\n\n${options.publicUrl}/login\n`,
      },
    });
    await recordAuditEvent(trx, ctx, {
      action: 'invitation.create',
      subjectType: 'invitation',
      subjectId: invitation.id,
      organisationId: organisation.id,
      summary: {
        email: data.email,
        role,
        expiresAt: invitation.expires_at,
        ...(nationalIdHashed === null ? {} : { byNationalId: true }),
      },
    });
  });
  return invitation;
}
