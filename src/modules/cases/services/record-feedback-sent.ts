import type { CaseEventRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { appendEventInTransaction } from './append-case-event.ts';

/**
 * Records that the reporter was told the resolution (`feedback-given`, which meets the incident-feedback duty).
 * The e-mail job calls this after the message was accepted; if it crashed in between and runs again, the second call
 * finds the feedback already recorded and writes nothing. A closed case is left alone: its log is final.
 */
export async function recordFeedbackSent(
  ctx: ServiceContext,
  { caseId, to }: { caseId: string; to: readonly string[] },
): Promise<CaseEventRow | null> {
  return inTransaction(ctx, async (trx) => {
    // Locked before the check, so two runs of the same job on two nodes cannot both see "not yet recorded".
    const query = trx
      .selectFrom('cases')
      .select(['id', 'organisation_id', 'closed_at', 'resolved_at', 'last_event_at'])
      .where('id', '=', caseId);
    const row = await (ctx.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    if (!row || row.closed_at !== null || row.resolved_at === null) return null;
    authorize(ctx.actor, 'case.work', row.organisation_id);
    const resolution = await trx
      .selectFrom('case_events')
      .select('seq')
      .where('case_id', '=', caseId)
      .where('type', '=', 'resolved')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    if (!resolution) return null;
    const given = await trx
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', caseId)
      .where('type', '=', 'feedback-given')
      .where('seq', '>', resolution.seq)
      .executeTakeFirst();
    if (given) return null;
    // The log must not run backwards: a resolution dated a little ahead (clock skew) would otherwise reject this event.
    const at = Math.max(ctx.clock.now(), row.last_event_at);
    const { event } = await appendEventInTransaction(trx, ctx, caseId, {
      type: 'feedback-given',
      at,
      visibility: 'public',
      body: `Status sent by e-mail to ${to.join(', ')}`,
      data: { channel: 'email' },
    });
    return event;
  });
}
