import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { quarantineColumns, type QuarantinedMail } from './list-quarantine.ts';
import { parseCaseMail } from './parse-case-mail.ts';

export interface QuarantinedMailDetail extends QuarantinedMail {
  /** The files the message carries, so the service desk knows what accepting it brings along. */
  attachments: { fileName: string; contentType: string; sizeBytes: number }[];
}

/** One quarantined message with the list of its files (never their content). */
export async function getQuarantinedMail(ctx: ServiceContext, { id }: { id: string }): Promise<QuarantinedMailDetail> {
  authorize(ctx.actor, 'mail.quarantine');
  const row = await ctx.db
    .selectFrom('mail_quarantine')
    .select([...quarantineColumns, 'raw'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'no such quarantined message');
  const { raw, ...rest } = row;
  const mail = await parseCaseMail(raw);
  return {
    ...rest,
    attachments: mail.attachments.map((a) => ({
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.content.length,
    })),
  };
}
