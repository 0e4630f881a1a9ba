import { isCaseKind } from '../domain/case-types.ts';
import type { CaseEventRow, CaseRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import {
  byCase,
  derive,
  type Derived,
  lifecycleEvents,
  snapshotColumns,
  type StoredSnapshot,
  writeClocks,
} from './case-derivation.ts';

export interface RecomputeReport {
  cases: number;
  /** Cases whose stored columns or clocks disagreed with their event log and were rewritten. */
  repaired: number;
}

// Only what the replay compares is read: the full rows (titles, descriptions, reporters) cost more to load than
// the replay itself costs to compute.
const caseColumns = [
  'id',
  'kind',
  'status',
  'is_open',
  'in_queue',
  'paused',
  'category',
  'assignee_user_id',
  'last_event_at',
  'resolved_at',
  'closed_at',
  'next_due_at',
  'due_order',
  'event_count',
] as const;
type StoredCase = Pick<CaseRow, (typeof caseColumns)[number]>;
type StoredClock = StoredSnapshot & { case_id: string };

export interface CaseBatch {
  rows: StoredCase[];
  events: Pick<CaseEventRow, 'case_id' | 'type' | 'at' | 'category' | 'data'>[];
  clocks: StoredClock[];
}

/**
 * The next `batchSize` cases after id `after`, with their event logs (in order) and stored clocks: all that a
 * recompute reads. Null when no case follows.
 */
export async function readCaseBatch(ctx: ServiceContext, after: string, batchSize: number): Promise<CaseBatch | null> {
  const rows = await ctx.db
    .selectFrom('cases')
    .select(caseColumns)
    .where('id', '>', after)
    .orderBy('id')
    .limit(batchSize)
    .execute();
  const last = rows.at(-1)?.id;
  if (last === undefined) return null;
  // The batch holds every case with an id in (after, last], so one index range scan per table finds their events and
  // clocks, cheaper than a list of a few thousand ids. Rows of a case registered meanwhile in that range are ignored.
  const [events, clocks] = await Promise.all([
    ctx.db
      .selectFrom('case_events')
      .select(['case_id', 'type', 'at', 'category', 'data'])
      .where('case_id', '>', after)
      .where('case_id', '<=', last)
      .orderBy('case_id')
      .orderBy('seq')
      .execute(),
    ctx.db
      .selectFrom('case_clocks')
      .select(['case_id', ...snapshotColumns])
      .where('case_id', '>', after)
      .where('case_id', '<=', last)
      .execute(),
  ]);
  return { rows, events, clocks };
}

function columnsDiffer(row: StoredCase, derived: Derived): boolean {
  return (Object.keys(derived.columns) as (keyof Derived['columns'])[]).some((k) => row[k] !== derived.columns[k]);
}

/**
 * Replays every case's event log and rewrites what is derived from it where it differs: after a change to the
 * rules, the calendars or the code, one run brings every stored clock back in line with its log.
 */
export async function recomputeCaseClocks(
  ctx: ServiceContext,
  { batchSize = 2000, onProgress }: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<RecomputeReport> {
  authorize(ctx.actor, 'case.work');
  const report: RecomputeReport = { cases: 0, repaired: 0 };
  let after = '';
  for (;;) {
    const batch = await readCaseBatch(ctx, after, batchSize);
    if (!batch) break;
    const { rows, events, clocks } = batch;
    const eventsByCase = byCase(events);
    const clocksByCase = byCase(clocks);
    const stale: { row: StoredCase; derived: Derived; clocks: StoredClock[] }[] = [];
    for (const row of rows) {
      if (!isCaseKind(row.kind)) throw new Error(`case ${row.id} has unknown kind ${row.kind}`);
      const derived = derive(row.kind, lifecycleEvents(eventsByCase.get(row.id) ?? []), ctx.calendars);
      const stored = clocksByCase.get(row.id) ?? [];
      const clocksStale =
        derived.snapshots.length !== stored.length ||
        derived.snapshots.some((s) => {
          const r = stored.find((c) => c.policy_id === s.policyId);
          return (
            !r ||
            r.state !== s.state ||
            r.due_at !== s.dueAt ||
            r.at_risk_at !== s.atRiskAt ||
            r.live !== (s.live ? 1 : 0) ||
            r.paused !== (s.paused ? 1 : 0) ||
            r.remaining_ms !== s.remainingMs ||
            r.stopped_at !== s.stoppedAt ||
            r.target_ms !== s.targetMs
          );
        });
      if (clocksStale || columnsDiffer(row, derived)) stale.push({ row, derived, clocks: stored });
    }
    if (stale.length > 0) {
      const now = ctx.clock.now();
      await inTransaction(ctx, async (trx) => {
        for (const { row, derived, clocks: stored } of stale) {
          await trx
            .updateTable('cases')
            .set({ ...derived.columns, updated_at: now })
            .where('id', '=', row.id)
            .execute();
          await writeClocks(trx, row.id, derived.snapshots, now, stored);
        }
      });
    }
    report.cases += rows.length;
    report.repaired += stale.length;
    onProgress?.(report.cases);
    after = rows.at(-1)?.id ?? after;
  }
  return report;
}
