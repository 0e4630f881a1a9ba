import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ReportData } from '../domain/report-data.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { collectReportData, type ReportSettings, type SharedReportParts } from './collect-report-data.ts';
import { reportInput } from './report-scope.ts';
import { violates, type UniqueKey } from '../../../platform/db/unique-violation.ts';

/** The outbox job that e-mails one archived version to one subscriber. */
export const reportEmailJob = 'report.email';

declare module '../../../platform/jobs/job-kinds.ts' {
  interface JobKinds {
    'report.email': { sendsMail: true };
  }
}
export const reportEmailPayload = z.object({
  reportId: z.string().min(1),
  email: z.string().email(),
  lang: z.enum(['nb', 'nn', 'en']),
});

export interface ArchivedReport {
  id: string;
  month: string;
  /** The owner's code; null for the platform report. */
  ownerCode: string | null;
  version: number;
  trigger: 'scheduled' | 'manual';
  generatedAt: number;
  digest: string;
  /** How many subscribers it was queued to. */
  mailed: number;
}

const reportVersionKey: UniqueKey = {
  table: 'service_reports',
  columns: ['month', 'owner_id', 'version'],
  constraint: 'service_reports_version',
};

/**
 * Archives a new version of a month's report: collects the figures as they are now, stores them unchanged forever
 * (the table refuses updates and deletes), and queues it to the report's subscribers, all in one transaction. An
 * earlier version of the same month stays as it was.
 */
export async function generateServiceReport(
  ctx: ServiceContext,
  input: z.input<typeof reportInput>,
  settings: ReportSettings,
  options: { trigger?: 'scheduled' | 'manual'; shared?: SharedReportParts } = {},
): Promise<ArchivedReport> {
  authorize(ctx.actor, 'report.manage');
  const request = parseInput(reportInput, input, ctx);
  const data: ReportData = await collectReportData(ctx, request, settings, options.shared);
  const json = JSON.stringify(data);
  const digest = createHash('sha256').update(json).digest('hex');
  const ownerId = data.owner?.id ?? '';
  const trigger = options.trigger ?? 'manual';
  // Two nodes archiving the same month at once both read the same next version; the unique key lets one win and
  // the other retry with the next number.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await inTransaction(ctx, async (trx) => {
        const latest = await trx
          .selectFrom('service_reports')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('month', '=', data.month)
          .where('owner_id', '=', ownerId)
          .executeTakeFirst();
        const version = Number(latest?.v ?? 0) + 1;
        const id = newId();
        const now = ctx.clock.now();
        await trx
          .insertInto('service_reports')
          .values({
            id,
            month: data.month,
            owner_id: ownerId,
            version,
            trigger,
            generated_at: now,
            generated_by: ctx.actor.label,
            data: json,
            digest,
          })
          .execute();
        const subscribers = await trx
          .selectFrom('report_subscriptions')
          .select(['email', 'lang'])
          .where('owner_id', '=', ownerId)
          .orderBy('email')
          .execute();
        for (const s of subscribers)
          await enqueueJob(trx, ctx, {
            kind: reportEmailJob,
            payload: { reportId: id, email: s.email, lang: s.lang },
            organisationId: ownerId || null,
          });
        await recordAuditEvent(trx, ctx, {
          action: 'report.generate',
          subjectType: 'service-report',
          subjectId: id,
          organisationId: ownerId || null,
          summary: {
            month: data.month,
            owner: data.owner?.code ?? null,
            version,
            trigger,
            digest,
            mailed: subscribers.length,
          },
        });
        return {
          id,
          month: data.month,
          ownerCode: data.owner?.code ?? null,
          version,
          trigger,
          generatedAt: now,
          digest,
          mailed: subscribers.length,
        };
      });
    } catch (error) {
      if (attempt >= 3 || !violates(error, reportVersionKey)) throw error;
    }
  }
}
