import { z } from 'zod';
import type { ProbeResult } from '../domain/probe-intervals.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findPushMonitor, pushedState } from './push-monitor.ts';
import { type RecordedProbes, recordProbeResults } from './record-probe-results.ts';

const instant = z.iso.datetime({ offset: true, message: 'an RFC 3339 timestamp' });

// The webhook body of Prometheus Alertmanager (version 4); fields Nivå does not use are accepted and dropped.
export const alertmanagerPayload = z.object({
  version: z.literal('4', { message: 'Alertmanager webhook version "4"' }),
  status: z.enum(['firing', 'resolved']),
  alerts: z
    .array(
      z
        .object({
          status: z.enum(['firing', 'resolved']),
          labels: z.record(z.string(), z.string()),
          annotations: z.record(z.string(), z.string()).optional(),
          startsAt: instant,
          // A firing alert carries the zero time 0001-01-01T00:00:00Z here.
          endsAt: instant,
        })
        .refine((a) => a.status === 'firing' || Date.parse(a.endsAt) >= Date.parse(a.startsAt), {
          message: 'a resolved alert ends after it starts',
          path: ['endsAt'],
        }),
    )
    .min(1, 'at least one alert'),
});

/**
 * A group notification from Alertmanager. While any alert of the group fires, the component is down since the
 * earliest of them; when every alert is resolved it is up again from the last one's end. An alert resolved while
 * another still fires changes nothing.
 */
export async function receiveAlertmanager(
  ctx: ServiceContext,
  { token, payload }: { token: string; payload: unknown },
): Promise<RecordedProbes> {
  const monitor = await findPushMonitor(ctx, token, 'alertmanager');
  const data = parseInput(alertmanagerPayload, payload, ctx);
  const now = ctx.clock.now();
  const firing = data.alerts.filter((a) => a.status === 'firing');
  let results: ProbeResult[];
  if (firing.length > 0) results = pushedState(Math.min(...firing.map((a) => Date.parse(a.startsAt))), false, now);
  else results = pushedState(Math.max(...data.alerts.map((a) => Date.parse(a.endsAt))), true, now);
  return recordProbeResults(ctx, monitor.id, results);
}
