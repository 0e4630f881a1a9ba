import type { OutgoingKind, OutgoingMessage } from '../db/schema.ts';
import { authorize } from '../services/actor.ts';
import type { ServiceContext } from '../services/context.ts';

/** A list entry: everything but the bodies. */
export type OutgoingMessageSummary = Omit<
  OutgoingMessage,
  'body' | 'html' | 'headers' | 'attachments' | 'response_body'
>;

/** Where a page of the list ends: the next page starts after it. */
export interface OutgoingCursor {
  at: number;
  id: string;
}

const summaryColumns = [
  'id',
  'kind',
  'target',
  'subject',
  'outcome',
  'response_status',
  'error',
  'job_id',
  'job_kind',
  'created_at',
] as const;

/** `<created_at>.<id>`, as the list's `before` parameter carries a cursor. */
export function formatOutgoingCursor(cursor: OutgoingCursor): string {
  return `${cursor.at}.${cursor.id}`;
}

export function parseOutgoingCursor(text: string | undefined): OutgoingCursor | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9-]{1,64})$/.exec(text ?? '');
  return match?.[1] && match[2] ? { at: Number(match[1]), id: match[2] } : null;
}

/**
 * The outgoing-message log, newest first, one page at a time (keyset on `created_at, id`, so a page stays put while
 * new messages arrive). Operators only, like the jobs that send them.
 */
export async function listOutgoingMessages(
  ctx: ServiceContext,
  { kind, before, limit = 50 }: { kind?: OutgoingKind; before?: OutgoingCursor | null; limit?: number },
): Promise<{ items: OutgoingMessageSummary[]; next: OutgoingCursor | null }> {
  authorize(ctx.actor, 'job.read');
  let query = ctx.db
    .selectFrom('outgoing_messages')
    .select(summaryColumns)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (kind) query = query.where('kind', '=', kind);
  if (before)
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', before.at), eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)])]),
    );
  const rows = await query.execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { at: last.created_at, id: last.id } : null };
}
