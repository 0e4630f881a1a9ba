import { checkEvent, deriveCase, type LifecycleEvent } from '../domain/case-lifecycle.ts';
import { isCaseKind } from '../domain/case-types.ts';
import { stateAt } from '../../../platform/domain/sla/clock-snapshot.ts';
import type { CaseEventRow, CaseRow } from '../schema.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { assertMayReport, findVisibleCase, worksCases } from './case-access.ts';
import { derive, lifecycleEvents, writeClocks } from './case-derivation.ts';
import { appendEventInput, type AppendEventInput } from './case-schemas.ts';
import { queueCaseNotice } from './queue-case-notice.ts';

export function kindOf(row: CaseRow) {
  if (!isCaseKind(row.kind)) throw new Error(`case ${row.id} has unknown kind ${row.kind}`);
  return row.kind;
}

/** Owners add public comments (and files, through their own operation); everything else is the service desk's. */
const ownerEvents: ReadonlySet<string> = new Set(['commented']);

export interface NewCaseEvent extends LifecycleEvent {
  visibility: 'public' | 'internal';
  data?: Record<string, unknown>;
}

/**
 * Appends one event to a case inside `trx`: checks it against the lifecycle, rewrites the derived columns and
 * clocks, writes the audit row and queues the notices the event causes. The case row is locked first, so two
 * agents acting at once are applied one after the other.
 */
export async function appendEventInTransaction(
  trx: Tx,
  ctx: ServiceContext,
  caseId: string,
  event: NewCaseEvent,
): Promise<{ row: CaseRow; event: CaseEventRow }> {
  const locked =
    ctx.dialect === 'postgres'
      ? await trx.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow()
      : await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const kind = kindOf(locked);
  const history = lifecycleEvents(
    await trx
      .selectFrom('case_events')
      .select(['type', 'at', 'category', 'data'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute(),
  );
  const now = ctx.clock.now();
  const problem = checkEvent(kind, deriveCase(history), event, now);
  if (problem) throw AppError.field(problem.field, problem.message, problem.code);
  const events = [...history, event];
  const derived = derive(kind, events, ctx.calendars);
  const eventRow: CaseEventRow = {
    id: newId(),
    case_id: caseId,
    seq: history.length + 1,
    type: event.type,
    at: event.at,
    recorded_at: now,
    actor_type: ctx.actor.type,
    actor_id: ctx.actor.id,
    actor_label: ctx.actor.label,
    category: event.category ?? null,
    visibility: event.visibility,
    body: event.body?.trim() || null,
    data: event.data ? JSON.stringify(event.data) : null,
  };
  await trx.insertInto('case_events').values(eventRow).execute();
  const row: CaseRow = { ...locked, ...derived.columns, updated_at: now };
  await trx
    .updateTable('cases')
    .set({ ...derived.columns, updated_at: now })
    .where('id', '=', caseId)
    .execute();
  await writeClocks(trx, caseId, derived.snapshots, now);
  await recordAuditEvent(trx, ctx, {
    action: `case.${event.type}`,
    subjectType: 'case',
    subjectId: caseId,
    organisationId: locked.organisation_id,
    summary: {
      reference: locked.reference,
      seq: eventRow.seq,
      at: event.at,
      visibility: event.visibility,
      ...(event.category ? { category: event.category } : {}),
    },
  });
  if (event.type === 'work-started') await queueCaseNotice(trx, ctx, row, 'work-started');
  if (event.type === 'resolved') {
    // The resolution notice is how the feedback duty is usually met, so its fate is kept with the event: the case
    // page can then say whether it went, and why not.
    const noticeJobId = await queueCaseNotice(trx, ctx, row, 'resolved', { note: eventRow.body });
    eventRow.data = JSON.stringify({ ...(event.data ?? {}), noticeJobId });
    await trx.updateTable('case_events').set({ data: eventRow.data }).where('id', '=', eventRow.id).execute();
  }
  if (event.type === 'resolved' && kind === 'deactivation-order' && locked.service_id)
    await retireService(trx, ctx, locked);
  // A clock found breached when an event lands (stopped late, or a reclassification to A) is not left to the scan.
  for (const s of derived.snapshots)
    if (stateAt(s, now) === 'breached') await markBreachAlert(trx, ctx, row, s.policyId, s.dueAt);
  return { row, event: eventRow };
}

/** A carried-out deactivation order (7.3.1) retires its service in the registry, in the same transaction. */
async function retireService(trx: Tx, ctx: ServiceContext, row: CaseRow): Promise<void> {
  if (!row.service_id) return;
  const service = await trx
    .selectFrom('services')
    .select(['id', 'status', 'organisation_id'])
    .where('id', '=', row.service_id)
    .executeTakeFirst();
  if (!service || service.status === 'retired') return;
  await trx
    .updateTable('services')
    .set({ status: 'retired', updated_at: ctx.clock.now() })
    .where('id', '=', service.id)
    .execute();
  await recordAuditEvent(trx, ctx, {
    action: 'service.update',
    subjectType: 'service',
    subjectId: service.id,
    organisationId: service.organisation_id,
    summary: { status: { from: service.status, to: 'retired' }, by: row.reference },
  });
}

/** Queues the breach alert of one clock unless another node (or an earlier event) already did. */
export async function markBreachAlert(
  trx: Tx,
  ctx: ServiceContext,
  row: CaseRow,
  policyId: string,
  dueAt: number | null,
): Promise<boolean> {
  const marked = await trx
    .updateTable('case_clocks')
    .set({ breach_alerted_at: ctx.clock.now() })
    .where('case_id', '=', row.id)
    .where('policy_id', '=', policyId)
    .where('breach_alerted_at', 'is', null)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1) return false;
  await queueCaseNotice(trx, ctx, row, 'breached', { policyId, dueAt });
  return true;
}

/** Records what happened on a case: the service desk any event; owners public comments on their own cases. */
export async function appendCaseEvent(
  ctx: ServiceContext,
  input: { caseId: string } & AppendEventInput,
): Promise<{ row: CaseRow; event: CaseEventRow }> {
  const data = parseInput(appendEventInput, input, ctx);
  const existing = await findVisibleCase(ctx, input.caseId);
  assertMayReport(ctx, existing);
  const agent = worksCases(ctx);
  if (!agent && !ownerEvents.has(data.type))
    throw AppError.field('type', `${data.type} is recorded by the service desk`, 'forbidden');
  if (!agent && data.visibility === 'internal')
    throw AppError.field('visibility', 'internal notes are the service desk’s', 'forbidden');
  if (!agent && data.at !== undefined) throw AppError.field('at', 'only the service desk dates an event back');
  if (data.type === 'assigned' && data.assigneeId) await assertAssignable(ctx, data.assigneeId);
  if (data.channel !== undefined && data.type !== 'feedback-given')
    throw AppError.field('channel', 'only feedback to the reporter has a channel');
  // Feedback is what the reporter was told: the reporter may read it, whatever the form asked for.
  if (data.type === 'feedback-given' && data.visibility === 'internal')
    throw AppError.field('visibility', 'feedback to the reporter is not an internal note');
  const event: NewCaseEvent = {
    type: data.type as NewCaseEvent['type'],
    at: data.at ?? ctx.clock.now(),
    visibility: data.visibility ?? 'public',
    ...(data.category ? { category: data.category } : {}),
    ...(data.body !== undefined ? { body: data.body } : {}),
    ...(data.assigneeId !== undefined ? { assigneeId: data.assigneeId, data: { assigneeId: data.assigneeId } } : {}),
    ...(data.type === 'feedback-given' ? { data: { channel: data.channel ?? 'other' } } : {}),
  };
  return inTransaction(ctx, (trx) => appendEventInTransaction(trx, ctx, existing.id, event));
}

async function assertAssignable(ctx: ServiceContext, userId: string): Promise<void> {
  const member = await ctx.db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select('memberships.user_id')
    .where('memberships.user_id', '=', userId)
    .where('organisations.kind', '=', 'operator')
    .where('memberships.role', 'in', ['operator-admin', 'operator-agent'])
    .executeTakeFirst();
  if (!member) throw AppError.field('assigneeId', 'not an agent of the service desk');
}
