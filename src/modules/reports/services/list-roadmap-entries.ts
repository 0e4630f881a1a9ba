import { z } from 'zod';
import type { RoadmapEntryRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { periodSortKey, roadmapStatuses } from './report-content-inputs.ts';

export const listRoadmapEntriesInput = z.object({ status: z.enum(roadmapStatuses).optional() });

/** The roadmap, ordered by when each period begins (a year before its quarters before its months), then title. */
export async function listRoadmapEntries(
  ctx: ServiceContext,
  input: z.input<typeof listRoadmapEntriesInput> = {},
): Promise<RoadmapEntryRow[]> {
  authorize(ctx.actor, 'report.read');
  const { status } = parseInput(listRoadmapEntriesInput, input, ctx);
  let query = ctx.db.selectFrom('roadmap_entries').selectAll().orderBy('period').orderBy('title').orderBy('id');
  if (status) query = query.where('status', '=', status);
  const rows = await query.execute();
  // Stable, so entries in one period keep the database's title order.
  return rows.sort((a, b) =>
    periodSortKey(a.period) < periodSortKey(b.period) ? -1 : periodSortKey(a.period) > periodSortKey(b.period) ? 1 : 0,
  );
}

export async function findRoadmapEntry(db: ServiceContext['db'] | Tx, id: string): Promise<RoadmapEntryRow> {
  const row = await db.selectFrom('roadmap_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'roadmap entry not found');
  return row;
}
