import type { ReportBlockRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../../../platform/services/context.ts';
import { findReportBlock } from './list-report-blocks.ts';

/**
 * Removes a block. It is editorial content, not a record of fact, so the row goes; the audit event keeps what it
 * said, and a report already archived keeps its own copy.
 */
export async function deleteReportBlock(ctx: ServiceContext, { id }: { id: string }): Promise<ReportBlockRow> {
  authorize(ctx.actor, 'report.manage');
  return inTransaction(ctx, async (trx) => {
    const row = await findReportBlock(trx, id);
    await trx.deleteFrom('report_blocks').where('id', '=', row.id).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'report-block.delete',
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
