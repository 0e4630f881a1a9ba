import type { ServiceContext } from '../../../platform/services/context.ts';
import { findPushMonitor } from './push-monitor.ts';
import { type RecordedProbes, recordProbeResults } from './record-probe-results.ts';

/** A heartbeat: the external check ran and passed, now. Missing heartbeats leave gaps, i.e. unknown time. */
export async function receiveHeartbeat(ctx: ServiceContext, { token }: { token: string }): Promise<RecordedProbes> {
  const monitor = await findPushMonitor(ctx, token, 'heartbeat');
  return recordProbeResults(ctx, monitor.id, [{ at: ctx.clock.now(), ok: true }]);
}
