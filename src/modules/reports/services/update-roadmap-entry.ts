import { z } from 'zod';
import type { RoadmapEntryRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { findComponent } from '../../availability/index.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findRoadmapEntry } from './list-roadmap-entries.ts';
import { changesOf, contentTitle, markdownText, roadmapPeriod, roadmapStatuses } from './report-content-inputs.ts';

export const updateRoadmapEntryInput = z
  .object({
    title: contentTitle,
    description: markdownText,
    period: roadmapPeriod,
    status: z.enum(roadmapStatuses),
    componentId: z.string().trim().min(1).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'at least one field to change');
export type UpdateRoadmapEntryInput = z.input<typeof updateRoadmapEntryInput>;

/** Changes a roadmap entry; `componentId: null` detaches it from its component. */
export async function updateRoadmapEntry(
  ctx: ServiceContext,
  { id, ...input }: { id: string } & UpdateRoadmapEntryInput,
): Promise<RoadmapEntryRow> {
  authorize(ctx.actor, 'report.manage');
  const data = parseInput(updateRoadmapEntryInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const current = await findRoadmapEntry(trx, id);
    const componentId =
      data.componentId === undefined
        ? undefined
        : data.componentId === null
          ? null
          : (await findComponent(trx, data.componentId, 'componentId')).id;
    const changes = changesOf(current, {
      title: data.title,
      description: data.description,
      period: data.period,
      status: data.status,
      component_id: componentId,
    });
    if (Object.keys(changes).length === 0) return current;
    const next: RoadmapEntryRow = {
      ...current,
      title: data.title ?? current.title,
      description: data.description ?? current.description,
      period: data.period ?? current.period,
      status: data.status ?? current.status,
      component_id: componentId === undefined ? current.component_id : componentId,
      updated_at: ctx.clock.now(),
    };
    await trx
      .updateTable('roadmap_entries')
      .set({
        title: next.title,
        description: next.description,
        period: next.period,
        status: next.status,
        component_id: next.component_id,
        updated_at: next.updated_at,
      })
      .where('id', '=', current.id)
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'roadmap-entry.update',
      subjectType: 'roadmap-entry',
      subjectId: current.id,
      organisationId: null,
      summary: changes,
    });
    return next;
  });
}
