import { scheduledReportTime } from '../domain/report-schedule.ts';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { collectSharedReportParts, type ReportSettings } from './collect-report-data.ts';
import { generateServiceReport } from './generate-service-report.ts';
import { previousReportMonth } from './report-scope.ts';

/** A claimed run that has not finished within this long is taken over by another node (its own crashed). */
const staleClaimMs = 3_600_000;

/**
 * The monthly run: from 07:00 on the first business day of a month, the previous month's platform report and every
 * owner's report are archived and mailed, once across nodes (the month's run row is claimed by a conditional insert or
 * by taking over a stale claim). A version already made by the schedule is not made again, so a run that was cut off
 * finishes the rest. Returns the month run, or null when nothing was due.
 */
export async function runScheduledReports(
  ctx: ServiceContext,
  settings: ReportSettings,
): Promise<{ month: string; generated: number } | null> {
  authorize(ctx.actor, 'report.manage');
  const now = ctx.clock.now();
  const businessDays = ctx.calendars.get('business-days');
  if (!businessDays) throw new AppError('unavailable', 'the calendar business-days is not configured');
  const local = new Date(instantToLocal('Europe/Oslo', now));
  if (now < scheduledReportTime(businessDays, local.getUTCFullYear(), local.getUTCMonth() + 1)) return null;
  const month = previousReportMonth(now);

  const claimed = await ctx.db
    .insertInto('report_schedule_runs')
    .values({ month, claimed_at: now, finished_at: null })
    .onConflict((oc) => oc.column('month').doNothing())
    .returning('month')
    .executeTakeFirst();
  if (!claimed) {
    const takenOver = await ctx.db
      .updateTable('report_schedule_runs')
      .set({ claimed_at: now })
      .where('month', '=', month)
      .where('finished_at', 'is', null)
      .where('claimed_at', '<', now - staleClaimMs)
      .returning('month')
      .executeTakeFirst();
    if (!takenOver) return null;
  }

  const done = new Set(
    (
      await ctx.db
        .selectFrom('service_reports')
        .select('owner_id')
        .where('month', '=', month)
        .where('trigger', '=', 'scheduled')
        .execute()
    ).map((r) => r.owner_id),
  );
  const owners = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('kind', '=', 'owner')
    .orderBy('code')
    .execute();
  const shared = await collectSharedReportParts(ctx, month, settings);
  let generated = 0;
  if (!done.has('')) {
    await generateServiceReport(ctx, { month }, settings, { trigger: 'scheduled', shared });
    generated += 1;
  }
  for (const owner of owners) {
    if (done.has(owner.id)) continue;
    await generateServiceReport(ctx, { month, owner: owner.code }, settings, { trigger: 'scheduled', shared });
    generated += 1;
  }
  await ctx.db
    .updateTable('report_schedule_runs')
    .set({ finished_at: ctx.clock.now() })
    .where('month', '=', month)
    .execute();
  return { month, generated };
}
