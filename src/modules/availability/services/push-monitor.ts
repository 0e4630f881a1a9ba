import type { ProbeResult } from '../domain/probe-intervals.ts';
import type { MonitorRow } from '../schema.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { digest } from '../../../platform/auth/secrets.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { MonitorKind } from './create-monitor.ts';

/**
 * The enabled monitor of the given kind a push token belongs to. An unknown token, a disabled monitor and a token of
 * another kind all look the same (not found), so a caller learns nothing about tokens it does not hold.
 */
export async function findPushMonitor(
  ctx: ServiceContext,
  token: string,
  kind: Exclude<MonitorKind, 'http'>,
): Promise<MonitorRow> {
  if (!token.startsWith('nivm_')) throw new AppError('not-found', 'unknown monitor token');
  const monitor = await ctx.db
    .selectFrom('monitors')
    .selectAll()
    .where('token_digest', '=', digest(token))
    .executeTakeFirst();
  if (!monitor || monitor.kind !== kind || monitor.enabled !== 1)
    throw new AppError('not-found', 'unknown monitor token');
  return monitor;
}

/**
 * A pushed state as results: at the instant the sender observed it and again at receipt. Senders notify on change
 * and then only now and then, so the delivery itself is the evidence that the state still holds. Instants ahead of
 * Nivå's clock are taken as now, so a sender's clock skew cannot block later results.
 */
export function pushedState(observedAt: number, ok: boolean, now: number): ProbeResult[] {
  const at = Math.min(observedAt, now);
  return at < now
    ? [
        { at, ok },
        { at: now, ok },
      ]
    : [{ at: now, ok }];
}
