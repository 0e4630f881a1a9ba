import { z } from 'zod';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findPushMonitor, pushedState } from './push-monitor.ts';
import { type RecordedProbes, recordProbeResults } from './record-probe-results.ts';

// Uptime Kuma writes heartbeat times in UTC as "YYYY-MM-DD HH:mm:ss.SSS", without a zone; ISO 8601 is taken as well.
const kumaTime = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

function parseKumaTime(value: string): number {
  const m = kumaTime.exec(value);
  return m ? Date.parse(`${m[1]}T${m[2]}Z`) : Date.parse(value);
}

/** Uptime Kuma's heartbeat states: 0 down, 1 up, 2 pending (retrying), 3 in its own maintenance. */
const kumaDown = 0;
const kumaUp = 1;

// The body of Uptime Kuma's "Webhook" notification (JSON). Its "test" button sends heartbeat and monitor as null.
export const uptimeKumaPayload = z.object({
  heartbeat: z
    .object({
      status: z.number().int().min(0).max(3),
      time: z.string().refine((v) => Number.isFinite(parseKumaTime(v)), 'a time such as 2026-03-02 09:00:00.000 (UTC)'),
      msg: z.string().optional(),
    })
    .nullable(),
  monitor: z.object({ name: z.string() }).nullable().optional(),
  msg: z.string(),
});

/**
 * A state change reported by Uptime Kuma. Pending and Uptime Kuma's own maintenance record nothing: pending is
 * its retry before deciding, and planned work is Nivå's maintenance windows' business, not a probe result.
 */
export async function receiveUptimeKuma(
  ctx: ServiceContext,
  { token, payload }: { token: string; payload: unknown },
): Promise<RecordedProbes> {
  const monitor = await findPushMonitor(ctx, token, 'uptime-kuma');
  const data = parseInput(uptimeKumaPayload, payload, ctx);
  const beat = data.heartbeat;
  if (beat === null || (beat.status !== kumaDown && beat.status !== kumaUp))
    return { recorded: 0, outagesOpened: 0, outagesClosed: 0 };
  return recordProbeResults(
    ctx,
    monitor.id,
    pushedState(parseKumaTime(beat.time), beat.status === kumaUp, ctx.clock.now()),
  );
}
