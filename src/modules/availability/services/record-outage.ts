import { z } from 'zod';
import { outageSeverities } from '../domain/monthly-availability.ts';
import type { OutageRow } from '../schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { queueStatusNotice } from './queue-status-notice.ts';
import { assertOrdered, findComponent, findIncident, publicText } from './availability-access.ts';

export const recordOutageInput = z.object({
  /** Component by id or code. */
  componentId: z.string().min(1),
  severity: z.enum(outageSeverities).default('unavailable'),
  start: instant({ future: futureAllowance.past }),
  /** Omitted or null while the outage is ongoing. */
  end: instant({ future: futureAllowance.past }).nullable().optional(),
  source: z.enum(['manual', 'incident', 'monitor']).default('manual'),
  /** The incident case (id or reference) behind an outage of source `incident`. */
  caseId: z.string().min(1).optional(),
  /** The monitor that observed an outage of source `monitor`. */
  monitorId: z.string().min(1).optional(),
  publicText,
});
export type RecordOutageInput = z.input<typeof recordOutageInput>;

/** Records an outage of a component (the operator's, or a monitor's through a system actor). */
export async function recordOutage(ctx: ServiceContext, input: RecordOutageInput): Promise<OutageRow> {
  authorize(ctx.actor, 'outage.manage');
  const data = parseInput(recordOutageInput, input, ctx);
  const end = data.end ?? null;
  assertOrdered(data.start, end);
  if (data.source === 'incident' && !data.caseId)
    throw AppError.field('caseId', 'an outage from an incident names its case');
  if (data.source === 'monitor' && !data.monitorId)
    throw AppError.field('monitorId', 'an outage from a monitor names the monitor');
  return inTransaction(ctx, async (trx) => {
    const component = await findComponent(trx, data.componentId, 'componentId');
    const caseRow = data.caseId ? await findIncident(trx, data.caseId, 'caseId') : null;
    if (data.monitorId) {
      const monitor = await trx
        .selectFrom('monitors')
        .select(['component_id'])
        .where('id', '=', data.monitorId)
        .executeTakeFirst();
      if (monitor?.component_id !== component.id)
        throw AppError.field('monitorId', 'no such monitor on this component');
    }
    const now = ctx.clock.now();
    const row: OutageRow = {
      id: newId(),
      component_id: component.id,
      severity: data.severity,
      start_at: data.start,
      end_at: end,
      source: data.source,
      case_id: caseRow?.id ?? null,
      monitor_id: data.monitorId ?? null,
      public_text: data.publicText,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('outages').values(row).execute();
    // Only an ongoing outage is news to subscribers; one recorded after the fact is history (the status page has it).
    if (end === null)
      await queueStatusNotice(trx, ctx, {
        type: 'outage-started',
        subjectId: row.id,
        component: { code: component.code, name: component.name },
        title: null,
        publicText: row.public_text,
        severity: row.severity,
        start: row.start_at,
        end: null,
      });
    await recordAuditEvent(trx, ctx, {
      action: 'outage.record',
      subjectType: 'outage',
      subjectId: row.id,
      organisationId: null,
      summary: {
        component: component.code,
        severity: row.severity,
        start: row.start_at,
        end: row.end_at,
        source: row.source,
        caseId: row.case_id,
      },
    });
    return row;
  });
}
