import {
  defaultFailuresForOutage,
  downIntervalsToOutages,
  ProbeFold,
  type ProbeInterval,
  type ProbeResult,
} from '../domain/probe-intervals.ts';
import type { MonitorRow } from '../schema.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../../platform/services/context.ts';

export interface RecordedProbes {
  /** Results folded in; the rest were at or before the last one already stored (re-sent). */
  recorded: number;
  outagesOpened: number;
  outagesClosed: number;
}

/** What the status page shows for a monitor outage; the monitor's own name may be internal, so it is left out. */
const monitorOutageText = 'Komponenten svarte ikke som forventet på den automatiske overvåkingen.';

/**
 * Appends results of one monitor to its run-length history and keeps its outage in step, in one transaction:
 * a down run of `defaultFailuresForOutage` results opens an outage (from the first failure); the next run, up or
 * after a gap, closes it where the down run ended. A gap after a failure is therefore unknown, not downtime: the
 * monitor going silent is a failure of the monitoring, not of the component.
 * Re-sent results (at or before the last stored one) are ignored, so a retried delivery changes nothing.
 */
export async function recordProbeResults(
  ctx: ServiceContext,
  monitorId: string,
  results: readonly ProbeResult[],
): Promise<RecordedProbes> {
  const sorted = [...results].sort((a, b) => a.at - b.at);
  return inTransaction(ctx, async (trx) => {
    // Locked on PostgreSQL so two batches for one monitor fold one after the other; SQLite has one writer anyway.
    const query = trx.selectFrom('monitors').selectAll().where('id', '=', monitorId);
    const monitor = await (ctx.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    if (!monitor || monitor.enabled !== 1) throw new AppError('not-found', 'monitor not found');
    const latest = await trx
      .selectFrom('monitor_intervals')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .orderBy('start_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const fold = new ProbeFold(
      monitor.interval_seconds * 1_000,
      latest && { state: latest.state, start: latest.start_at, end: latest.end_at, samples: latest.samples },
    );
    let recorded = 0;
    for (const r of sorted) if (fold.push(r.at, r.ok)) recorded += 1;
    if (recorded === 0) return { recorded, outagesOpened: 0, outagesClosed: 0 };
    const runs = fold.runs;
    const fresh = latest ? runs.slice(1) : runs;
    const continued = latest ? runs[0] : undefined;
    if (latest && continued)
      await trx
        .updateTable('monitor_intervals')
        .set({ end_at: continued.end, samples: continued.samples })
        .where('id', '=', latest.id)
        .execute();
    if (fresh.length > 0)
      await trx
        .insertInto('monitor_intervals')
        .values(
          fresh.map((r) => ({
            id: newId(),
            monitor_id: monitorId,
            state: r.state,
            start_at: r.start,
            end_at: r.end,
            samples: r.samples,
          })),
        )
        .execute();
    return { recorded, ...(await reconcileOutages(trx, ctx, monitor, runs)) };
  });
}

/** Brings the monitor's outages in line with the runs just folded (the first of which may be the stored one). */
async function reconcileOutages(
  trx: Tx,
  ctx: ServiceContext,
  monitor: MonitorRow,
  runs: readonly ProbeInterval[],
): Promise<Omit<RecordedProbes, 'recorded'>> {
  const first = runs[0];
  const last = runs.at(-1);
  if (!first || !last) return { outagesOpened: 0, outagesClosed: 0 };
  const existing = await trx
    .selectFrom('outages')
    .select(['id', 'start_at', 'end_at'])
    .where('monitor_id', '=', monitor.id)
    .where('source', '=', 'monitor')
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('start_at', '>=', first.start)]))
    .execute();
  const byStart = new Map(existing.map((o) => [o.start_at, o]));
  const now = ctx.clock.now();
  let outagesOpened = 0;
  let outagesClosed = 0;
  const close = async (id: string, startAt: number, endAt: number): Promise<void> => {
    await trx.updateTable('outages').set({ end_at: endAt, updated_at: now }).where('id', '=', id).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'outage.close',
      subjectType: 'outage',
      subjectId: id,
      organisationId: null,
      summary: { source: 'monitor', monitorId: monitor.id, startAt, endAt },
    });
    outagesClosed += 1;
  };
  // An outage left open by a run older than these cannot continue: close it where the runs pick up again.
  for (const o of existing)
    if (o.end_at === null && o.start_at < first.start) await close(o.id, o.start_at, first.start);
  for (const outage of downIntervalsToOutages(runs, defaultFailuresForOutage)) {
    // The last run may still be extended by the next result, so its outage stays open.
    const endAt = outage.start === last.start ? null : outage.end;
    const stored = byStart.get(outage.start);
    if (stored) {
      if (stored.end_at === null && endAt !== null) await close(stored.id, stored.start_at, endAt);
      continue;
    }
    const id = newId();
    await trx
      .insertInto('outages')
      .values({
        id,
        component_id: monitor.component_id,
        severity: 'unavailable',
        start_at: outage.start,
        end_at: endAt,
        source: 'monitor',
        case_id: null,
        monitor_id: monitor.id,
        public_text: monitorOutageText,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'outage.open',
      subjectType: 'outage',
      subjectId: id,
      organisationId: null,
      summary: {
        source: 'monitor',
        monitorId: monitor.id,
        componentId: monitor.component_id,
        startAt: outage.start,
        endAt,
      },
    });
    outagesOpened += 1;
  }
  return { outagesOpened, outagesClosed };
}
