import { z } from 'zod';
import type { MeetingRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { assertMeetingOrder, meetingFields } from './create-meeting.ts';
import { findMeeting } from './list-meetings.ts';
import { changesOf } from './report-content-inputs.ts';

export const updateMeetingInput = z
  .object(meetingFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'at least one field to change');
export type UpdateMeetingInput = z.input<typeof updateMeetingInput>;

/** Changes a meeting; the start and end are checked together, whichever of them changes. */
export async function updateMeeting(
  ctx: ServiceContext,
  { id, ...input }: { id: string } & UpdateMeetingInput,
): Promise<MeetingRow> {
  authorize(ctx.actor, 'report.manage');
  const data = parseInput(updateMeetingInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const current = await findMeeting(trx, id);
    const fields = {
      title: data.title ?? current.title,
      series: data.series ?? current.series,
      starts_at: data.startsAt ?? current.starts_at,
      ends_at: data.endsAt ?? current.ends_at,
      format: data.format ?? current.format,
      location: data.location ?? current.location,
      url: data.url === undefined ? current.url : data.url,
      description: data.description ?? current.description,
    };
    assertMeetingOrder(fields.starts_at, fields.ends_at);
    const changes = changesOf(current, fields);
    if (Object.keys(changes).length === 0) return current;
    const next: MeetingRow = { ...current, ...fields, updated_at: ctx.clock.now() };
    await trx
      .updateTable('meetings')
      .set({ ...fields, updated_at: next.updated_at })
      .where('id', '=', current.id)
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'meeting.update',
      subjectType: 'meeting',
      subjectId: current.id,
      organisationId: null,
      summary: changes,
    });
    return next;
  });
}
