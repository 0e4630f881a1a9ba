import { z } from 'zod';
import type { MeetingRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { osloDate } from './report-content-inputs.ts';

export const listMeetingsInput = z.object({
  /** First day (Norwegian time), included. */
  from: osloDate(false).optional(),
  /** Last day (Norwegian time), included. */
  to: osloDate(true).optional(),
});
export type ListMeetingsInput = z.input<typeof listMeetingsInput>;

/** Meetings that overlap the window, earliest first; without a window, all of them. */
export async function listMeetings(ctx: ServiceContext, input: ListMeetingsInput = {}): Promise<MeetingRow[]> {
  authorize(ctx.actor, 'report.read');
  const { from, to } = parseInput(listMeetingsInput, input, ctx);
  if (from !== undefined && to !== undefined && to <= from) throw AppError.field('to', 'must not be before from');
  let query = ctx.db.selectFrom('meetings').selectAll().orderBy('starts_at').orderBy('title').orderBy('id');
  if (from !== undefined) query = query.where('ends_at', '>', from);
  if (to !== undefined) query = query.where('starts_at', '<', to);
  return query.execute();
}

export async function findMeeting(db: ServiceContext['db'] | Tx, id: string): Promise<MeetingRow> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'meeting not found');
  return row;
}
