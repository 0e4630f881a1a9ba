import { auditHash } from '../domain/audit-chain.ts';
import type { ServiceContext, Tx } from '../services/context.ts';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | null;
  organisationId: string | null;
  /** What changed: field → new value (or {from, to}); secrets never go here. */
  summary: Record<string, unknown>;
}

/**
 * Appends one hash-chained audit row inside the caller's transaction.
 * Bumping `audit_head` first takes its row lock on PostgreSQL, so concurrent appenders queue and the chain stays linear.
 */
export async function recordAuditEvent(
  trx: Tx,
  ctx: Pick<ServiceContext, 'clock' | 'actor' | 'requestId'>,
  entry: AuditEntry,
): Promise<number> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    seq: head.seq,
    at: ctx.clock.now(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    organisationId: entry.organisationId,
    summary: JSON.stringify(entry.summary),
    requestId: ctx.requestId,
  };
  const hash = auditHash(head.hash, row);
  await trx
    .insertInto('audit_events')
    .values({
      seq: row.seq,
      at: row.at,
      actor_type: row.actorType,
      actor_id: row.actorId,
      actor_label: row.actorLabel,
      action: row.action,
      subject_type: row.subjectType,
      subject_id: row.subjectId,
      organisation_id: row.organisationId,
      summary: row.summary,
      request_id: row.requestId,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return row.seq;
}
