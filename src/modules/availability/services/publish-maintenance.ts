import { z } from 'zod';
import { judgeMaintenance } from '../domain/monthly-availability.ts';
import type { MaintenanceWindowRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { componentFacts, queueStatusNotice } from './queue-status-notice.ts';
import { calendarLookup } from './availability-access.ts';

export const publishMaintenanceInput = z.object({ id: z.string().min(1) });

export interface PublishedMaintenance {
  row: MaintenanceWindowRow;
  /** Deviation kinds recorded by this publication. */
  deviations: string[];
}

/**
 * Publishes planned work. The publication is the announcement, so the notice is judged now: late notice makes the
 * work downtime and is a deviation (2.3.2–2.3.4); work inside the hours the agreement keeps free is one too (2.4.1).
 * An emergency is exempt from notice (2.3.5) and records no late-notice deviation; its time is downtime anyway.
 */
export async function publishMaintenance(
  ctx: ServiceContext,
  input: z.input<typeof publishMaintenanceInput>,
): Promise<PublishedMaintenance> {
  authorize(ctx.actor, 'maintenance.manage');
  const data = parseInput(publishMaintenanceInput, input, ctx);
  return inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('maintenance_windows').selectAll().where('id', '=', data.id).executeTakeFirst();
    if (!row) throw new AppError('not-found', 'maintenance not found');
    if (row.status !== 'draft') throw new AppError('conflict', `the maintenance is already ${row.status}`);
    const now = ctx.clock.now();
    const [verdict] = judgeMaintenance(
      [{ start: row.start_at, end: row.end_at, announced: now, kind: row.kind }],
      calendarLookup(ctx),
    );
    const inTime = verdict?.inTime ?? false;
    const published: MaintenanceWindowRow = {
      ...row,
      announced_at: now,
      notice_in_time: inTime ? 1 : 0,
      latest_announcement_at: verdict?.latestAnnouncement ?? row.latest_announcement_at,
      status: 'published',
      updated_at: now,
    };
    await trx
      .updateTable('maintenance_windows')
      .set({
        announced_at: now,
        notice_in_time: published.notice_in_time,
        latest_announcement_at: published.latest_announcement_at,
        status: 'published',
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    const deviations: { kind: string; policy: string | null; detail: Record<string, unknown> }[] = [];
    if (!inTime && row.kind !== 'emergency')
      deviations.push({
        kind: 'late-notice',
        policy: row.notice_policy,
        detail: { latest: published.latest_announcement_at, announced: now },
      });
    if (row.inside_operating_hours === 1)
      deviations.push({
        kind: 'maintenance-in-operating-hours',
        policy: null,
        detail: { start: row.start_at, end: row.end_at, clause: '2.4.1' },
      });
    for (const d of deviations) {
      await trx
        .insertInto('deviations')
        .values({
          id: newId(),
          kind: d.kind,
          policy_id: d.policy,
          subject_type: 'maintenance',
          subject_id: row.id,
          component_id: row.component_id,
          organisation_id: null,
          at: now,
          detail: JSON.stringify(d.detail),
        })
        .execute();
    }
    // The announcement is the publication: subscribers hear of it in the same transaction that publishes it.
    await queueStatusNotice(trx, ctx, {
      type: 'maintenance-published',
      subjectId: row.id,
      component: await componentFacts(trx, row.component_id),
      title: row.title,
      publicText: row.public_text,
      severity: null,
      start: row.start_at,
      end: row.end_at,
    });
    await recordAuditEvent(trx, ctx, {
      action: 'maintenance.publish',
      subjectType: 'maintenance',
      subjectId: row.id,
      organisationId: null,
      summary: {
        announcedAt: now,
        noticeInTime: inTime,
        latestAnnouncement: published.latest_announcement_at,
        deviations: deviations.map((d) => d.kind),
      },
    });
    return { row: published, deviations: deviations.map((d) => d.kind) };
  });
}
