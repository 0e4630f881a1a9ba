import type { RoadmapEntryRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { findRoadmapEntry } from './list-roadmap-entries.ts';

/** Removes a roadmap entry (content, not a record of fact); the audit event keeps what it said. */
export async function deleteRoadmapEntry(ctx: ServiceContext, { id }: { id: string }): Promise<RoadmapEntryRow> {
  authorize(ctx.actor, 'report.manage');
  return inTransaction(ctx, async (trx) => {
    const row = await findRoadmapEntry(trx, id);
    await trx.deleteFrom('roadmap_entries').where('id', '=', row.id).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'roadmap-entry.delete',
      subjectType: 'roadmap-entry',
      subjectId: row.id,
      organisationId: null,
      summary: {
        title: row.title,
        period: row.period,
        status: row.status,
        componentId: row.component_id,
        description: row.description,
      },
    });
    return row;
  });
}
