import { z } from 'zod';
import type { MeetingRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { contentTitle, markdownText, meetingFormats, webUrl } from './report-content-inputs.ts';

export const meetingFields = {
  title: contentTitle,
  /** The series it belongs to (e.g. `Styringsråd`, `Altinn-kaffe`); empty for a one-off. */
  series: z.string().trim().max(100, 'at most 100 characters'),
  startsAt: instant({ future: futureAllowance.planned }),
  endsAt: instant({ future: futureAllowance.planned }),
  format: z.enum(meetingFormats),
  location: z.string().trim().max(200, 'at most 200 characters'),
  url: webUrl.nullable(),
  description: markdownText,
};

export const createMeetingInput = z.object({
  ...meetingFields,
  series: meetingFields.series.default(''),
  location: meetingFields.location.default(''),
  url: meetingFields.url.optional(),
  description: meetingFields.description.default(''),
});
export type CreateMeetingInput = z.input<typeof createMeetingInput>;

export function assertMeetingOrder(startsAt: number, endsAt: number): void {
  if (endsAt <= startsAt) throw AppError.field('endsAt', 'must be after the start');
}

/** Adds a meeting to the report's calendar of meeting points (operator only). */
export async function createMeeting(ctx: ServiceContext, input: CreateMeetingInput): Promise<MeetingRow> {
  authorize(ctx.actor, 'report.manage');
  const data = parseInput(createMeetingInput, input, ctx);
  assertMeetingOrder(data.startsAt, data.endsAt);
  return inTransaction(ctx, async (trx) => {
    const now = ctx.clock.now();
    const row: MeetingRow = {
      id: newId(),
      title: data.title,
      series: data.series,
      starts_at: data.startsAt,
      ends_at: data.endsAt,
      format: data.format,
      location: data.location,
      url: data.url ?? null,
      description: data.description,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('meetings').values(row).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'meeting.create',
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
