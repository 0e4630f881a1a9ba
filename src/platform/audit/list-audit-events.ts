import { authorize, tenantScope } from '../services/actor.ts';
import type { ServiceContext } from '../services/context.ts';
import { scoped } from '../db/tenant-scope.ts';
import type { AuditEvent } from '../db/schema.ts';

export interface AuditQuery {
  organisationId?: string;
  action?: string;
  /** Page backwards from this sequence number (exclusive). */
  beforeSeq?: number;
  limit?: number;
}

/** Newest first. Service-owner readers see only events about their own organisation. */
export async function listAuditEvents(ctx: ServiceContext, query: AuditQuery = {}): Promise<AuditEvent[]> {
  authorize(ctx.actor, 'audit.read', query.organisationId ?? null);
  let q = scoped(
    ctx.db.selectFrom('audit_events').selectAll(),
    'audit_events.organisation_id',
    tenantScope(ctx.actor, 'audit.read'),
  )
    .orderBy('seq', 'desc')
    .limit(Math.min(query.limit ?? 50, 500));
  if (query.organisationId) q = q.where('organisation_id', '=', query.organisationId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.beforeSeq !== undefined) q = q.where('seq', '<', query.beforeSeq);
  return q.execute();
}
