import type { CaseClockRow, CaseRow } from '../../store/schema.ts';
import { authorize } from '../actor.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { kindOf } from './append-case-event.ts';
import { byCase, derive, type Derived, lifecycleEvents, writeClocks } from './case-derivation.ts';

export interface RecomputeReport {
  cases: number;
  /** Cases whose stored columns or clocks disagreed with their event log and were rewritten. */
  repaired: number;
}

function columnsDiffer(row: CaseRow, derived: Derived): boolean {
  return (Object.keys(derived.columns) as (keyof Derived['columns'])[]).some((k) => row[k] !== derived.columns[k]);
}

/**
 * Replays every case's event log and rewrites what is derived from it where it differs: after a change to the
 * rules, the calendars or the code, one run brings every stored clock back in line with its log.
 */
export async function recomputeCaseClocks(ctx: ServiceContext, { batchSize = 2000, onProgress }: { batchSize?: number; onProgress?: (done: number) => void } = {}): Promise<RecomputeReport> {
  authorize(ctx.actor, 'case.work');
  const report: RecomputeReport = { cases: 0, repaired: 0 };
  let after = '';
  for (;;) {
    const rows = await ctx.db.selectFrom('cases').selectAll().where('id', '>', after).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    const [events, clocks] = await Promise.all([
      ctx.db.selectFrom('case_events').select(['case_id', 'type', 'at', 'category', 'data']).where('case_id', 'in', ids).orderBy('case_id').orderBy('seq').execute(),
      ctx.db.selectFrom('case_clocks').selectAll().where('case_id', 'in', ids).execute(),
    ]);
    const eventsByCase = byCase(events);
    const clocksByCase = byCase(clocks);
    const stale: { row: CaseRow; derived: Derived; clocks: CaseClockRow[] }[] = [];
    for (const row of rows) {
      const derived = derive(kindOf(row), lifecycleEvents(eventsByCase.get(row.id) ?? []), ctx.calendars);
      const stored = clocksByCase.get(row.id) ?? [];
      const clocksStale = derived.snapshots.length !== stored.length || derived.snapshots.some((s) => {
        const r = stored.find((c) => c.policy_id === s.policyId);
        return !r || r.state !== s.state || r.due_at !== s.dueAt || r.at_risk_at !== s.atRiskAt || r.live !== (s.live ? 1 : 0) || r.paused !== (s.paused ? 1 : 0) || r.remaining_ms !== s.remainingMs || r.stopped_at !== s.stoppedAt || r.target_ms !== s.targetMs;
      });
      if (clocksStale || columnsDiffer(row, derived)) stale.push({ row, derived, clocks: stored });
    }
    if (stale.length > 0) {
      const now = ctx.clock.now();
      await inTransaction(ctx, async (trx) => {
        for (const { row, derived, clocks: stored } of stale) {
          await trx.updateTable('cases').set({ ...derived.columns, updated_at: now }).where('id', '=', row.id).execute();
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
