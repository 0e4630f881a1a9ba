import { z } from 'zod';
import type { MailQuarantineRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';

/** A quarantined message as the service desk sees it; the raw bytes stay in the database. */
export type QuarantinedMail = Omit<MailQuarantineRow, 'raw'>;

export const quarantineColumns = [
  'id',
  'message_id',
  'from_address',
  'from_name',
  'subject',
  'text_body',
  'reason',
  'size_bytes',
  'received_at',
  'status',
  'case_id',
  'handled_by',
  'handled_at',
] as const;

export const listQuarantineInput = z.object({
  status: z.enum(['pending', 'accepted', 'discarded', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListQuarantineInput = z.input<typeof listQuarantineInput>;

/** Messages waiting for (or already given) a decision, newest first. Reading changes nothing, so it is not audited. */
export async function listQuarantine(ctx: ServiceContext, input: ListQuarantineInput = {}): Promise<QuarantinedMail[]> {
  const data = parseInput(listQuarantineInput, input, ctx);
  authorize(ctx.actor, 'mail.quarantine');
  let query = ctx.db
    .selectFrom('mail_quarantine')
    .select(quarantineColumns)
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(data.limit);
  if (data.status !== 'all') query = query.where('status', '=', data.status);
  return query.execute();
}
