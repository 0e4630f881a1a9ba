import { z } from 'zod';
import { judgeMaintenance, maintenanceKinds, noticePolicyOf } from '../domain/monthly-availability.ts';
import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import type { MaintenanceWindowRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import {
  assertOrdered,
  calendarLookup,
  findComponent,
  findIncident,
  publicText,
  windowOf,
} from './availability-access.ts';
import { nameText } from '../../../platform/validation/text.ts';

export const planMaintenanceInput = z.object({
  /** Component by id or code. */
  componentId: z.string().min(1),
  kind: z.enum(maintenanceKinds),
  title: nameText().trim().min(2, 'at least 2 characters').max(200),
  publicText,
  start: instant({ future: futureAllowance.planned }),
  end: instant({ future: futureAllowance.planned }),
  /** The A or B incident an emergency change fixes (2.3.5, 2.4.4); required for `emergency`. */
  incidentCaseId: z.string().min(1).optional(),
});
export type PlanMaintenanceInput = z.input<typeof planMaintenanceInput>;

/**
 * Whether work falls in the hours the agreement keeps free of maintenance (2.4.1: Studio's working day). A window
 * that is always open has no such hours, since its maintenance can only ever happen while it is open.
 */
export function insideOperatingHours(window: Calendar, start: number, end: number): boolean {
  return !window.definition.alwaysOpen && window.openTimeBetween(start, end) > 0;
}

/** Plans work on a component as a draft; publishing it is the announcement the notice rules judge. */
export async function planMaintenance(ctx: ServiceContext, input: PlanMaintenanceInput): Promise<MaintenanceWindowRow> {
  authorize(ctx.actor, 'maintenance.manage');
  const data = parseInput(planMaintenanceInput, input, ctx);
  assertOrdered(data.start, data.end);
  if (data.kind === 'emergency' && !data.incidentCaseId)
    throw AppError.field('incidentCaseId', 'an emergency change names the A or B incident it fixes');
  return inTransaction(ctx, async (trx) => {
    const component = await findComponent(trx, data.componentId, 'componentId');
    const incident = data.incidentCaseId
      ? await findIncident(
          trx,
          data.incidentCaseId,
          'incidentCaseId',
          data.kind === 'emergency' ? ['A', 'B'] : undefined,
        )
      : null;
    const now = ctx.clock.now();
    // The deadline does not depend on when the announcement comes, so it is known (and shown) while still a draft.
    const [verdict] = judgeMaintenance(
      [{ start: data.start, end: data.end, announced: now, kind: data.kind }],
      calendarLookup(ctx),
    );
    const row: MaintenanceWindowRow = {
      id: newId(),
      component_id: component.id,
      kind: data.kind,
      title: data.title,
      public_text: data.publicText,
      start_at: data.start,
      end_at: data.end,
      announced_at: null,
      incident_case_id: incident?.id ?? null,
      notice_policy: noticePolicyOf[data.kind],
      latest_announcement_at: verdict?.latestAnnouncement ?? data.start,
      notice_in_time: null,
      inside_operating_hours: insideOperatingHours(windowOf(ctx, component), data.start, data.end) ? 1 : 0,
      status: 'draft',
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('maintenance_windows').values(row).execute();
    await recordAuditEvent(trx, ctx, {
      action: 'maintenance.plan',
      subjectType: 'maintenance',
      subjectId: row.id,
      organisationId: null,
      summary: {
        component: component.code,
        kind: row.kind,
        title: row.title,
        start: row.start_at,
        end: row.end_at,
        latestAnnouncement: row.latest_announcement_at,
        incidentCaseId: row.incident_case_id,
      },
    });
    return row;
  });
}
