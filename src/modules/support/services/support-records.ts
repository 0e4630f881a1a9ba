import { z } from 'zod';
import { supportLines } from '../domain/support-kpis.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';

export const supportLine = z.enum(supportLines);

/** A moment the telephony or mail system recorded: not before the earliest date, not in the future. */
const isoInstant = instant({ future: futureAllowance.past });

/** 0/1 as in the exports, or a JSON boolean. */
const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1)], { error: 'expected 0 or 1 (or true/false)' })
  .transform((v) => v === true || v === 1);
const externalId = z.string().trim().min(1, 'the id the exporting system gave the record').max(200);

/** One call of a support line, as the telephony export has it. */
export const callRecord = z
  .object({
    line: supportLine,
    externalId,
    queuedAt: isoInstant,
    /** Null or absent when nobody answered (abandoned, or waiting for a callback that never came). */
    answeredAt: isoInstant.nullable().optional(),
    abandoned: flag.default(false),
    callback: flag.default(false),
  })
  .superRefine((r, ctx) => {
    const answeredAt = r.answeredAt ?? null;
    if (answeredAt !== null && answeredAt < r.queuedAt)
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'is before queuedAt' });
    if (r.abandoned && r.callback)
      ctx.addIssue({ code: 'custom', path: ['callback'], message: 'an abandoned call was not answered by a callback' });
    if (r.abandoned && answeredAt !== null)
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'an abandoned call has no answer' });
    if (!r.abandoned && !r.callback && answeredAt === null)
      ctx.addIssue({
        code: 'custom',
        path: ['answeredAt'],
        message: 'required unless the call was abandoned or answered by a callback',
      });
  });
export type CallRecordInput = z.input<typeof callRecord>;

/** One e-mail to a support line, as the mail system's export has it. */
export const emailRecord = z
  .object({
    line: supportLine,
    externalId,
    receivedAt: isoInstant,
    /** Null or absent while unanswered. */
    firstAnswerAt: isoInstant.nullable().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.firstAnswerAt != null && r.firstAnswerAt < r.receivedAt)
      ctx.addIssue({ code: 'custom', path: ['firstAnswerAt'], message: 'is before receivedAt' });
  });
export type EmailRecordInput = z.input<typeof emailRecord>;

/** Up to this many records per import; a larger export is sent in parts (each part is idempotent). */
export const maxImportRecords = 100_000;
