import type { MonitorRow } from '../schema.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import {
  OutboundFailedError,
  type OutboundResponse,
  type OutboundSend,
} from '../../../platform/net/outbound-request.ts';
import { recordProbeResults } from './record-probe-results.ts';

export interface ProbeRun {
  /** Monitors this call claimed (and probed); a monitor claimed by another node is not counted. */
  claimed: number;
  up: number;
  down: number;
}

type DueMonitor = Pick<
  MonitorRow,
  'id' | 'url' | 'interval_seconds' | 'timeout_ms' | 'expected_status' | 'next_run_at'
>;

/**
 * Probes every enabled http monitor whose slot has come. Each slot is claimed with a conditional update of
 * `next_run_at`, so any number of nodes may call this at once and each monitor is probed once per slot.
 *
 * Requests go through the outbound policy (`send`), so a target is never followed through a redirect: a 3xx is the
 * status the probe got. A target that cannot be reached (DNS, connect, TLS, timeout) is a down result. A failure
 * inside Nivå (a bug, the database) records nothing: the slot simply has no data, which the availability figures
 * report as unknown; so does a target the policy refuses, which says nothing about the component. Such failures are
 * rethrown together after the other monitors were handled, so the runner logs them.
 */
export async function runDueProbes(
  ctx: ServiceContext,
  send: OutboundSend,
  { limit = 50 }: { limit?: number } = {},
): Promise<ProbeRun> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .selectFrom('monitors')
    .select(['id', 'url', 'interval_seconds', 'timeout_ms', 'expected_status', 'next_run_at'])
    .where('kind', '=', 'http')
    .where('enabled', '=', 1)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .limit(limit)
    .execute();
  const claimed: DueMonitor[] = [];
  for (const m of due) {
    if (m.next_run_at === null) continue;
    // The next slot counts from now, not from the missed one, so a node that was away does not fire a burst.
    const result = await ctx.db
      .updateTable('monitors')
      .set({ next_run_at: now + m.interval_seconds * 1_000 })
      .where('id', '=', m.id)
      .where('enabled', '=', 1)
      .where('next_run_at', '=', m.next_run_at)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push(m);
  }
  const outcomes = await Promise.allSettled(
    claimed.map(async (m) => {
      const ok = await probe(m, send);
      await recordProbeResults(ctx, m.id, [{ at: now, ok }]);
      return ok;
    }),
  );
  const failures: unknown[] = [];
  let up = 0;
  for (const o of outcomes) {
    if (o.status === 'rejected') failures.push(o.reason);
    else if (o.value) up += 1;
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} of ${claimed.length} probes could not be recorded`);
  return { claimed: claimed.length, up, down: claimed.length - up };
}

async function probe(m: DueMonitor, send: OutboundSend): Promise<boolean> {
  if (m.url === null) throw new Error(`http monitor ${m.id} has no URL`);
  let response: OutboundResponse;
  try {
    response = await send(m.url, {
      method: 'GET',
      headers: { 'user-agent': 'Niva-monitor/1' },
      timeoutMs: m.timeout_ms,
    });
  } catch (error) {
    if (error instanceof OutboundFailedError) return false;
    throw error;
  }
  return m.expected_status === null
    ? response.status >= 200 && response.status < 300
    : response.status === m.expected_status;
}
