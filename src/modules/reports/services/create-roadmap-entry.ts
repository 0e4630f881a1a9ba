import { z } from 'zod';
import type { RoadmapEntryRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { findComponent } from '../../availability/index.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { contentTitle, markdownText, roadmapPeriod, roadmapStatuses } from './report-content-inputs.ts';

export const createRoadmapEntryInput = z.object({
  title: contentTitle,
  description: markdownText.default(''),
  period: roadmapPeriod,
  status: z.enum(roadmapStatuses).default('planned'),
  /** The platform component it concerns, by id or code. */
  componentId: z.string().trim().min(1).nullable().optional(),
});
export type CreateRoadmapEntryInput = z.input<typeof createRoadmapEntryInput>;

/** Adds a plan to the roadmap the report shows (operator only). */
export async function createRoadmapEntry(
  ctx: ServiceContext,
  input: CreateRoadmapEntryInput,
): Promise<RoadmapEntryRow> {
  authorize(ctx.actor, 'report.manage');
  const data = parseInput(createRoadmapEntryInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const component = data.componentId ? await findComponent(trx, data.componentId, 'componentId') : null;
    const now = ctx.clock.now();
    const row: RoadmapEntryRow = {
      id: newId(),
      title: data.title,
      description: data.description,
      period: data.period,
      status: data.status,
      component_id: component?.id ?? null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('roadmap_entries').values(row).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'roadmap-entry.create',
      subjectType: 'roadmap-entry',
      subjectId: row.id,
      organisationId: null,
      summary: {
        title: row.title,
        period: row.period,
        status: row.status,
        component: component?.code ?? null,
        description: row.description,
      },
    });
    return row;
  });
}
