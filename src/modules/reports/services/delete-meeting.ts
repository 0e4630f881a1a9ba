import type { MeetingRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { findMeeting } from './list-meetings.ts';

/** Removes a meeting (content, not a record of fact); the audit event keeps what it said. */
export async function deleteMeeting(ctx: ServiceContext, { id }: { id: string }): Promise<MeetingRow> {
  authorize(ctx.actor, 'report.manage');
  return inTransaction(ctx, async (trx) => {
    const row = await findMeeting(trx, id);
    await trx.deleteFrom('meetings').where('id', '=', row.id).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'meeting.delete',
      subjectType: 'meeting',
      subjectId: row.id,
      organisationId: null,
      summary: {
        title: row.title,
        series: row.series,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        format: row.format,
        location: row.location,
        url: row.url,
        description: row.description,
      },
    });
    return row;
  });
}
