import type { CaseAttachmentRow, CaseEventRow, CaseRow } from '../schema.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { findVisibleCase, readsInternal } from './case-access.ts';
import { type LiveClock, liveClocksOf } from './live-clocks.ts';

export interface CaseDetail {
  row: CaseRow;
  organisation: { id: string; code: string; name: string } | null;
  service: { id: string; name: string; resourceId: string } | null;
  component: { id: string; code: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  events: CaseEventRow[];
  attachments: Omit<CaseAttachmentRow, 'content'>[];
  clocks: LiveClock[];
  /** The instant the clocks were read at. */
  at: number;
  /** What became of the latest resolution's e-mail to the reporter; for the service desk only, null otherwise. */
  resolutionNotice: ResolutionNotice | null;
}

/**
 * The resolution e-mail as the service desk needs to know it: `no-address` (the reporter left none, so the status
 * must be given another way), `pending` (queued, not tried or retrying), `failing` (tried and refused, will be
 * retried), `sent`, or `dead` (given up: the error says why).
 */
export interface ResolutionNotice {
  state: 'no-address' | 'pending' | 'failing' | 'sent' | 'dead';
  attempts: number;
  error: string | null;
  at: number | null;
}

async function resolutionNoticeOf(ctx: ServiceContext, row: CaseRow, events: readonly CaseEventRow[]) {
  const resolved = events.findLast((e) => e.type === 'resolved');
  if (!resolved || row.resolved_at === null) return null;
  let data: { noticeJobId?: unknown } = {};
  try {
    data = resolved.data ? (JSON.parse(resolved.data) as { noticeJobId?: unknown }) : {};
  } catch {
    data = {};
  }
  // A resolution recorded here says which e-mail carried its notice, or null when there was no address to send it
  // to; imported resolutions sent nothing and say nothing.
  if (!('noticeJobId' in data)) return null;
  const jobId = data.noticeJobId;
  if (typeof jobId !== 'string') return { state: 'no-address' as const, attempts: 0, error: null, at: null };
  const job = await ctx.db
    .selectFrom('jobs')
    .select(['status', 'attempts', 'last_error', 'finished_at', 'run_at'])
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (!job) return null;
  const state =
    job.status === 'succeeded'
      ? 'sent'
      : job.status === 'dead'
        ? 'dead'
        : job.last_error !== null
          ? 'failing'
          : 'pending';
  return { state, attempts: job.attempts, error: job.last_error, at: job.finished_at ?? job.run_at } as const;
}

/** One case with its timeline, files and live clocks; internal notes and files only for the service desk. */
export async function getCase(ctx: ServiceContext, { id, at }: { id: string; at?: number }): Promise<CaseDetail> {
  const row = await findVisibleCase(ctx, id);
  const readAt = at ?? ctx.clock.now();
  const internal = readsInternal(ctx);
  let events = ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', row.id).orderBy('seq');
  if (!internal) events = events.where('visibility', '=', 'public');
  let attachments = ctx.db
    .selectFrom('case_attachments')
    .select(['id', 'case_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'visibility', 'created_at'])
    .where('case_id', '=', row.id)
    .orderBy('created_at');
  if (!internal) attachments = attachments.where('visibility', '=', 'public');
  const [eventRows, attachmentRows, organisation, service, component, assignee, clocks] = await Promise.all([
    events.execute(),
    attachments.execute(),
    row.organisation_id
      ? ctx.db
          .selectFrom('organisations')
          .select(['id', 'code', 'name'])
          .where('id', '=', row.organisation_id)
          .executeTakeFirst()
      : undefined,
    row.service_id
      ? ctx.db
          .selectFrom('services')
          .select(['id', 'name', 'resource_id as resourceId'])
          .where('id', '=', row.service_id)
          .executeTakeFirst()
      : undefined,
    row.component_id
      ? ctx.db
          .selectFrom('components')
          .select(['id', 'code', 'name'])
          .where('id', '=', row.component_id)
          .executeTakeFirst()
      : undefined,
    row.assignee_user_id
      ? ctx.db.selectFrom('users').select(['id', 'name']).where('id', '=', row.assignee_user_id).executeTakeFirst()
      : undefined,
    liveClocksOf(ctx, [row], readAt),
  ]);
  return {
    row,
    organisation: organisation ?? null,
    service: service ?? null,
    component: component ?? null,
    assignee: assignee ?? null,
    events: eventRows,
    attachments: attachmentRows,
    clocks: clocks.get(row.id) ?? [],
    at: readAt,
    resolutionNotice: internal ? await resolutionNoticeOf(ctx, row, eventRows) : null,
  };
}

/** A file of a visible case; an internal file is "not found" for those who may not read internal notes. */
export async function getCaseAttachment(
  ctx: ServiceContext,
  { caseId, attachmentId }: { caseId: string; attachmentId: string },
): Promise<CaseAttachmentRow> {
  const row = await findVisibleCase(ctx, caseId);
  let query = ctx.db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', row.id)
    .where('id', '=', attachmentId);
  if (!readsInternal(ctx)) query = query.where('visibility', '=', 'public');
  const attachment = await query.executeTakeFirst();
  if (!attachment) throw new AppError('not-found', 'attachment not found');
  return attachment;
}
