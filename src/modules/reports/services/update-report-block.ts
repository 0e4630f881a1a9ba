import { z } from 'zod';
import type { ReportBlockRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { findReportBlock } from './list-report-blocks.ts';
import { blockKinds, changesOf, contentTitle, markdownText, position, reportMonth } from './report-content-inputs.ts';

export const updateReportBlockInput = z
  .object({ month: reportMonth, kind: z.enum(blockKinds), title: contentTitle, bodyMarkdown: markdownText, position })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'at least one field to change');
export type UpdateReportBlockInput = z.input<typeof updateReportBlockInput>;

/** Changes a block; the audit event keeps each changed field's old and new value. */
export async function updateReportBlock(
  ctx: ServiceContext,
  { id, ...input }: { id: string } & UpdateReportBlockInput,
): Promise<ReportBlockRow> {
  authorize(ctx.actor, 'report.manage');
  const data = parseInput(updateReportBlockInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const current = await findReportBlock(trx, id);
    const wanted = {
      month: data.month,
      kind: data.kind,
      title: data.title,
      body_markdown: data.bodyMarkdown,
      position: data.position,
    };
    const changes = changesOf(current, wanted);
    if (Object.keys(changes).length === 0) return current;
    const next: ReportBlockRow = {
      ...current,
      month: data.month ?? current.month,
      kind: data.kind ?? current.kind,
      title: data.title ?? current.title,
      body_markdown: data.bodyMarkdown ?? current.body_markdown,
      position: data.position ?? current.position,
      updated_at: ctx.clock.now(),
    };
    await trx
      .updateTable('report_blocks')
      .set({
        month: next.month,
        kind: next.kind,
        title: next.title,
        body_markdown: next.body_markdown,
        position: next.position,
        updated_at: next.updated_at,
      })
      .where('id', '=', current.id)
      .execute();
    await recordAuditEvent(trx, ctx, {
      action: 'report-block.update',
      subjectType: 'report-block',
      subjectId: current.id,
      organisationId: null,
      summary: changes,
    });
    return next;
  });
}
