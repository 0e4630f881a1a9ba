import type { ComplianceFacts } from '../domain/compliance.ts';
import type { ReportComponentAvailability } from '../domain/report-data.ts';
import { stateAt } from '../../../platform/domain/sla/clock-snapshot.ts';
import type { Period } from '../../support/index.ts';
import type { SupportPeriodKpis } from '../../support/index.ts';
import { snapshotFromRow } from '../../cases/index.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { ReportOwner } from './report-scope.ts';

/** What the compliance section needs from the platform as a whole; the same for every owner's report of a month. */
export interface SharedComplianceFacts {
  components: ComplianceFacts['components'];
  changes: ComplianceFacts['changes'];
  outages: ComplianceFacts['outages'];
  deviations: ComplianceFacts['deviations'];
  supportMonth: ComplianceFacts['supportMonth'];
  supportWeeks: ComplianceFacts['supportWeeks'];
  supportEmails: ComplianceFacts['supportEmails'];
}

/** The platform's side: availability, planned work, deviations and the end-user support of the month. */
export async function collectSharedComplianceFacts(
  ctx: ServiceContext,
  period: Period,
  availability: readonly ReportComponentAvailability[],
  support: { month: SupportPeriodKpis | undefined; weeks: readonly SupportPeriodKpis[] },
): Promise<SharedComplianceFacts> {
  const [changes, outages, deviations] = await Promise.all([
    ctx.db
      .selectFrom('maintenance_windows')
      .innerJoin('components', 'components.id', 'maintenance_windows.component_id')
      .select([
        'maintenance_windows.title',
        'components.code',
        'maintenance_windows.notice_policy',
        'maintenance_windows.notice_in_time',
        'maintenance_windows.start_at',
      ])
      .where('maintenance_windows.status', '=', 'published')
      .where('maintenance_windows.start_at', '>=', period.start)
      .where('maintenance_windows.start_at', '<', period.end)
      .orderBy('maintenance_windows.start_at')
      .execute(),
    ctx.db
      .selectFrom('outages')
      .innerJoin('components', 'components.id', 'outages.component_id')
      .select(['components.code', 'outages.start_at', 'outages.severity'])
      .where('outages.start_at', '<', period.end)
      .where((eb) => eb.or([eb('outages.end_at', 'is', null), eb('outages.end_at', '>', period.start)]))
      .orderBy('outages.start_at')
      .execute(),
    // Deviations belong to the month of the work they are about, not to the moment they were recorded.
    ctx.db
      .selectFrom('deviations')
      .innerJoin('maintenance_windows', 'maintenance_windows.id', 'deviations.subject_id')
      .leftJoin('components', 'components.id', 'deviations.component_id')
      .select(['deviations.kind', 'components.code', 'maintenance_windows.title', 'maintenance_windows.start_at'])
      .where('deviations.subject_type', '=', 'maintenance')
      .where('maintenance_windows.start_at', '>=', period.start)
      .where('maintenance_windows.start_at', '<', period.end)
      .orderBy('maintenance_windows.start_at')
      .execute(),
  ]);
  return {
    components: availability.map((c) => {
      const figure = c.months[c.months.length - 1];
      return {
        code: c.code,
        name: c.name,
        calendarId: c.calendarId,
        targetBasisPoints: c.targetBasisPoints,
        rounded: figure?.rounded ?? null,
        meetsTarget: figure?.meetsTarget ?? false,
        known: figure?.availability !== null && figure !== undefined,
        ...(figure?.through === undefined ? {} : { through: figure.through }),
      };
    }),
    changes: changes.map((c) => ({
      title: c.title,
      componentCode: c.code,
      noticePolicy: c.notice_policy,
      noticeInTime: c.notice_in_time === null ? null : c.notice_in_time === 1,
      startAt: c.start_at,
    })),
    outages: outages.map((o) => ({ componentCode: o.code, startAt: o.start_at, severity: o.severity })),
    deviations: deviations.map((d) => ({
      kind: d.kind,
      componentCode: d.code,
      reference: d.code ? `${d.code}: ${d.title}` : d.title,
      at: d.start_at,
    })),
    supportMonth: support.month?.kpis ?? [],
    supportWeeks: support.weeks.map((w) => ({ start: w.period.start, kpis: w.kpis })),
    supportEmails: {
      inTime: support.month?.email.inTime ?? 0,
      late: support.month?.email.late ?? 0,
      pending: support.month?.email.pending ?? 0,
    },
  };
}

/** The cases side: clocks and incidents of the cases registered in the month, the owner's own when it is an owner's report. */
export async function collectCaseFacts(
  ctx: ServiceContext,
  period: Period,
  owner: ReportOwner | null,
): Promise<Pick<ComplianceFacts, 'clocks' | 'incidents'>> {
  let clocks = ctx.db
    .selectFrom('case_clocks')
    .innerJoin('cases', 'cases.id', 'case_clocks.case_id')
    .selectAll('case_clocks')
    .select(['cases.reference', 'cases.category', 'cases.registered_at'])
    .where('cases.registered_at', '>=', period.start)
    .where('cases.registered_at', '<', period.end);
  let incidents = ctx.db
    .selectFrom('cases')
    .select(['reference', 'category', 'resolved_at'])
    .where('kind', '=', 'incident')
    .where('registered_at', '>=', period.start)
    .where('registered_at', '<', period.end);
  if (owner) {
    clocks = clocks.where('cases.organisation_id', '=', owner.id);
    incidents = incidents.where('organisation_id', '=', owner.id);
  }
  const now = ctx.clock.now();
  const [clockRows, incidentRows] = await Promise.all([clocks.execute(), incidents.orderBy('reference').execute()]);
  return {
    clocks: clockRows.map((c) => ({
      policyId: c.policy_id,
      reference: c.reference,
      category: c.category,
      state: stateAt(snapshotFromRow(c), now),
      registeredAt: c.registered_at,
    })),
    incidents: incidentRows.map((i) => ({
      reference: i.reference,
      category: i.category,
      resolved: i.resolved_at !== null,
    })),
  };
}
