import { z } from 'zod';
import { roleAllows, isRole } from '../../../platform/domain/roles.ts';
import type { CaseRow } from '../../cases/index.ts';
import { systemActor } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { storeAttachment } from '../../cases/index.ts';
import { appendEventInTransaction } from '../../cases/index.ts';
import { categorySchema, registerCaseInput } from '../../cases/index.ts';
import { registerCase } from '../../cases/index.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import {
  type CaseMail,
  caseReferenceIn,
  clipText,
  parseCaseMail,
  stripQuotedReply,
  titleFrom,
  type VettedFile,
  vetMailAttachments,
} from './parse-case-mail.ts';

/** Why a message waits for the service desk instead of becoming a case. */
export type QuarantineReason = 'unknown-sender' | 'ambiguous' | 'auto-reply';

export const mailIntakeKind = z
  .object({
    kind: z.enum(['support-request', 'incident']).default('support-request'),
    category: categorySchema.optional(),
  })
  .refine((v) => v.kind !== 'incident' || v.category !== undefined, {
    message: 'an incident by e-mail needs a category (A, B or C)',
    path: ['category'],
  })
  .refine((v) => v.kind === 'incident' || v.category === undefined, {
    message: 'only incidents have a category',
    path: ['category'],
  });
export type MailIntakeKind = z.input<typeof mailIntakeKind>;

export interface ReceiveCaseMailInput extends MailIntakeKind {
  raw: Buffer;
  /** The SMTP envelope sender (MAIL FROM); used only when the From header names no address. */
  envelopeFrom?: string | null;
}

export interface MailIntakeResult {
  outcome: 'case' | 'comment' | 'quarantined';
  reference?: string;
  caseId?: string;
  quarantineId?: string;
  reason?: QuarantineReason;
}

type Sender = { kind: 'owner'; organisationId: string } | { kind: 'quarantine'; reason: QuarantineReason };

/**
 * Which service owner a sender speaks for: a user whose role there may report cases, or an owner's contact address.
 * Two or more owners is ambiguous: guessing would file one agency's mail under another's name.
 */
async function resolveSender(ctx: ServiceContext, address: string): Promise<Sender> {
  if (!address) return { kind: 'quarantine', reason: 'unknown-sender' };
  const memberships = await ctx.db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id as organisationId', 'memberships.role'])
    .where('users.email', '=', address)
    .where('users.disabled', '=', 0)
    .where('organisations.kind', '=', 'owner')
    .execute();
  const contacts = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'owner')
    .where((eb) => eb(eb.fn('lower', ['contact_email']), '=', address))
    .execute();
  const owners = new Set([
    ...memberships
      .filter((m) => isRole(m.role) && roleAllows(m.role, 'case.report', false))
      .map((m) => m.organisationId),
    ...contacts.map((c) => c.id),
  ]);
  const [only] = owners;
  if (owners.size === 1 && only !== undefined) return { kind: 'owner', organisationId: only };
  return { kind: 'quarantine', reason: owners.size > 1 ? 'ambiguous' : 'unknown-sender' };
}

/** The sender's own open case named in the subject; another owner's case, or a closed one, is not replied to. */
async function repliedCase(
  ctx: ServiceContext,
  subject: string,
  organisationId: string,
): Promise<{ row: CaseRow | null; closedReference: string | null }> {
  const reference = caseReferenceIn(subject);
  if (!reference) return { row: null, closedReference: null };
  const row = await ctx.db
    .selectFrom('cases')
    .selectAll()
    .where('reference', '=', reference)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return { row: null, closedReference: null };
  return row.closed_at === null ? { row, closedReference: null } : { row: null, closedReference: row.reference };
}

async function storeFiles(trx: Tx, ctx: ServiceContext, row: CaseRow, files: readonly VettedFile[]): Promise<void> {
  for (const file of files) await storeAttachment(trx, ctx, row, file.upload, file.contentType);
}

/** Registers a case from a message with its files, in one transaction. */
export async function registerMailCase(
  ctx: ServiceContext,
  mail: CaseMail,
  files: readonly VettedFile[],
  target: {
    organisationId: string;
    kind: 'support-request' | 'incident';
    category?: 'A' | 'B' | 'C' | undefined;
    preface?: string;
  },
  alsoInTransaction?: (trx: Tx, row: CaseRow) => Promise<void>,
): Promise<CaseRow> {
  const description = clipText([target.preface, mail.text].filter((p) => p).join('\n\n'));
  const validAddress =
    mail.fromAddress !== '' && registerCaseInput.shape.reporterEmail.safeParse(mail.fromAddress).success;
  // Without a usable address the case still names who wrote, as far as the message says.
  const reporterName =
    mail.fromName?.slice(0, 200) || (validAddress ? undefined : mail.fromAddress.slice(0, 200) || 'e-post');
  const { row } = await registerCase(
    ctx,
    {
      organisationId: target.organisationId,
      kind: target.kind,
      ...(target.category ? { category: target.category } : {}),
      title: titleFrom(mail.subject),
      description,
      channel: 'email',
      ...(reporterName ? { reporterName } : {}),
      ...(validAddress ? { reporterEmail: mail.fromAddress } : {}),
    },
    {
      withinTransaction: async (trx, created) => {
        await storeFiles(trx, ctx, created, files);
        if (alsoInTransaction) await alsoInTransaction(trx, created);
      },
    },
  );
  return row;
}

async function quarantine(
  ctx: ServiceContext,
  mail: CaseMail,
  raw: Buffer,
  reason: QuarantineReason,
): Promise<MailIntakeResult> {
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('mail_quarantine')
      .values({
        id,
        message_id: mail.messageId,
        from_address: mail.fromAddress,
        from_name: mail.fromName,
        subject: mail.subject,
        text_body: mail.text,
        reason,
        raw,
        size_bytes: raw.length,
        received_at: ctx.clock.now(),
        status: 'pending',
        case_id: null,
        handled_by: null,
        handled_at: null,
      })
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'mail.quarantined',
      subjectType: 'mail',
      subjectId: id,
      organisationId: null,
      summary: { from: mail.fromAddress, subject: mail.subject, reason, sizeBytes: raw.length },
    });
  });
  return { outcome: 'quarantined', quarantineId: id, reason };
}

/**
 * Turns one received e-mail into case work. A known contact of one service owner gets a new case for that owner, or
 * — when the subject names one of that owner's open cases — a public comment on it; files go with either. Anything
 * else (unknown or ambiguous senders, automatic replies) is kept whole in the quarantine for the service desk.
 * A file the attachment policy refuses refuses the whole message and nothing is stored.
 *
 * The caller must be the system (the mail listener); the work is recorded as `mail-in:<address>`, and reaches only
 * the sender's own organisation, as if that owner had reported it.
 */
export async function receiveCaseMail(ctx: ServiceContext, input: ReceiveCaseMailInput): Promise<MailIntakeResult> {
  if (ctx.actor.type !== 'system') throw new AppError('forbidden', 'mail intake runs as the system');
  const intake = parseInput(mailIntakeKind, { kind: input.kind, category: input.category }, ctx);
  const mail = await parseCaseMail(input.raw, input.envelopeFrom ?? null);
  const files = await vetMailAttachments(mail.attachments);
  const mailCtx: ServiceContext = { ...ctx, actor: systemActor(`mail-in:${mail.fromAddress || 'unknown'}`) };

  if (mail.automatic) return quarantine(mailCtx, mail, input.raw, 'auto-reply');
  const sender = await resolveSender(mailCtx, mail.fromAddress);
  if (sender.kind === 'quarantine') return quarantine(mailCtx, mail, input.raw, sender.reason);

  const { row: replied, closedReference } = await repliedCase(mailCtx, mail.subject, sender.organisationId);
  if (replied) {
    const fresh = clipText(stripQuotedReply(mail.text));
    await inTransaction(mailCtx, async (trx) => {
      // A reply carrying only files needs no comment beside them; one with neither still leaves a trace on the case.
      const body = fresh || (files.length === 0 ? clipText(mail.text) || '(tom melding)' : '');
      if (body)
        await appendEventInTransaction(trx, mailCtx, replied.id, {
          type: 'commented',
          at: mailCtx.clock.now(),
          visibility: 'public',
          body,
          data: { channel: 'email' },
        });
      await storeFiles(trx, mailCtx, replied, files);
    });
    return { outcome: 'comment', reference: replied.reference, caseId: replied.id };
  }

  const row = await registerMailCase(mailCtx, mail, files, {
    organisationId: sender.organisationId,
    kind: intake.kind,
    category: intake.category,
    ...(closedReference ? { preface: `Svar på lukket sak ${closedReference}.` } : {}),
  });
  return { outcome: 'case', reference: row.reference, caseId: row.id };
}
