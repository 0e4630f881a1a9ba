import { z } from 'zod';
import type { ReportBlockRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { reportMonth } from './report-content-inputs.ts';

export const listReportBlocksInput = z.object({ month: reportMonth });

/** A month's blocks in the order the report shows them. */
export async function listReportBlocks(
  ctx: ServiceContext,
  input: z.input<typeof listReportBlocksInput>,
): Promise<ReportBlockRow[]> {
  authorize(ctx.actor, 'report.read');
  const { month } = parseInput(listReportBlocksInput, input, ctx);
  return ctx.db
    .selectFrom('report_blocks')
    .selectAll()
    .where('month', '=', month)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One block, read inside the caller's transaction; not-found when it does not exist. */
export async function findReportBlock(db: ServiceContext['db'] | Tx, id: string): Promise<ReportBlockRow> {
  const row = await db.selectFrom('report_blocks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'report block not found');
  return row;
}
