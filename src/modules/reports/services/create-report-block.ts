import { z } from 'zod';
import type { ReportBlockRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { blockKinds, contentTitle, markdownText, position, reportMonth } from './report-content-inputs.ts';

export const createReportBlockInput = z.object({
  month: reportMonth,
  kind: z.enum(blockKinds),
  title: contentTitle,
  bodyMarkdown: markdownText,
  /** Where in the month's blocks it goes; omitted: after the last one. */
  position: position.optional(),
});
export type CreateReportBlockInput = z.input<typeof createReportBlockInput>;

/** Adds a news or project-status block to a month's report (operator only). */
export async function createReportBlock(ctx: ServiceContext, input: CreateReportBlockInput): Promise<ReportBlockRow> {
  authorize(ctx.actor, 'report.manage');
  const data = parseInput(createReportBlockInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    let at = data.position;
    if (at === undefined) {
      const last = await trx
        .selectFrom('report_blocks')
        .select((eb) => eb.fn.max('position').as('last'))
        .where('month', '=', data.month)
        .executeTakeFirst();
      at = last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1;
    }
    const now = ctx.clock.now();
    const row: ReportBlockRow = {
      id: newId(),
      month: data.month,
      kind: data.kind,
      title: data.title,
      body_markdown: data.bodyMarkdown,
      position: at,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('report_blocks').values(row).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'report-block.create',
      subjectType: 'report-block',
      subjectId: row.id,
      organisationId: null,
      summary: {
        month: row.month,
        kind: row.kind,
        title: row.title,
        position: row.position,
        bodyMarkdown: row.body_markdown,
      },
    });
    return row;
  });
}
