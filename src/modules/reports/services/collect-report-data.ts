import { complianceRows, incidentSummary } from '../domain/compliance.ts';
import type {
  ReportChange,
  ReportContacts,
  ReportData,
  ReportMeeting,
  ReportRoadmapEntry,
} from '../domain/report-data.ts';
import type { Period } from '../../support/index.ts';
import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { componentAvailabilityHistory } from '../../availability/index.ts';
import { supportKpis } from '../../support/index.ts';
import type { UsageCatalogue } from '../../usage/index.ts';
import {
  collectCaseFacts,
  collectSharedComplianceFacts,
  type SharedComplianceFacts,
} from './collect-compliance-facts.ts';
import { collectStatistics, platformFigures } from './collect-statistics.ts';
import {
  findReportOwner,
  monthBoundsOf,
  previousReportMonth,
  reportInput,
  type ReportInput,
  reportPeriod,
  shiftMonth,
} from './report-scope.ts';

/** How many months of availability each component shows. */
export const availabilityMonths = 24;
/** How far ahead the meeting calendar reaches from the month after the report month. */
const meetingMonthsAhead = 12;

export interface ReportSettings {
  contacts: ReportContacts;
  catalogue: UsageCatalogue;
}

/** The parts of a month's report that are the same for the platform and every owner: collected once per run. */
export type SharedReportParts = Omit<ReportData, 'schema' | 'generatedAt' | 'owner' | 'statistics' | 'compliance'> & {
  complianceFacts: SharedComplianceFacts;
  /** Each metric's platform figure for the month: the denominator of every owner's share. */
  platformFigures: Map<string, number | null>;
};

async function collectChanges(
  ctx: ServiceContext,
  period: Period,
  next: Period,
): Promise<{ done: ReportChange[]; planned: ReportChange[] }> {
  const rows = await ctx.db
    .selectFrom('maintenance_windows')
    .innerJoin('components', 'components.id', 'maintenance_windows.component_id')
    .select([
      'maintenance_windows.id',
      'maintenance_windows.kind',
      'maintenance_windows.title',
      'components.name',
      'maintenance_windows.start_at',
      'maintenance_windows.end_at',
      'maintenance_windows.announced_at',
      'maintenance_windows.notice_in_time',
    ])
    .where('maintenance_windows.status', '=', 'published')
    .where('maintenance_windows.start_at', '>=', period.start)
    .where('maintenance_windows.start_at', '<', next.end)
    .orderBy('maintenance_windows.start_at')
    .orderBy('maintenance_windows.id')
    .execute();
  const changes = rows.map((r): ReportChange => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    componentName: r.name,
    startAt: r.start_at,
    endAt: r.end_at,
    announcedAt: r.announced_at,
    noticeInTime: r.notice_in_time === null ? null : r.notice_in_time === 1,
  }));
  return {
    done: changes.filter((c) => c.startAt < period.end),
    planned: changes.filter((c) => c.startAt >= next.start),
  };
}

async function collectRoadmap(ctx: ServiceContext): Promise<ReportRoadmapEntry[]> {
  const rows = await ctx.db
    .selectFrom('roadmap_entries')
    .select(['id', 'title', 'description', 'period', 'status'])
    .where('status', '!=', 'dropped')
    .orderBy('period')
    .orderBy('title')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as ReportRoadmapEntry['status'] }));
}

async function collectMeetings(ctx: ServiceContext, from: number, to: number): Promise<ReportMeeting[]> {
  const rows = await ctx.db
    .selectFrom('meetings')
    .select(['title', 'series', 'starts_at', 'ends_at', 'format', 'location', 'url'])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .orderBy('title')
    .execute();
  return rows.map((r) => ({
    title: r.title,
    series: r.series,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    format: r.format as ReportMeeting['format'],
    location: r.location,
    url: r.url,
  }));
}

/** Everything of the month that does not depend on whose report it is. */
export async function collectSharedReportParts(
  ctx: ServiceContext,
  month: string,
  settings: ReportSettings,
): Promise<SharedReportParts> {
  authorize(ctx.actor, 'report.read');
  const now = ctx.clock.now();
  const period = reportPeriod(month, now);
  const next = monthBoundsOf(shiftMonth(month, 1));
  const meetingsEnd = monthBoundsOf(shiftMonth(month, 1 + meetingMonthsAhead)).start;
  const components = await ctx.db
    .selectFrom('components')
    .select(['id', 'code', 'name', 'calendar_id', 'target_basis_points'])
    .orderBy('code')
    .execute();
  const availability = [];
  for (const component of components) {
    const figures = await componentAvailabilityHistory(ctx, {
      componentId: component.id,
      months: availabilityMonths,
      until: month,
    });
    availability.push({
      componentId: component.id,
      code: component.code,
      name: component.name,
      calendarId: component.calendar_id,
      targetBasisPoints: component.target_basis_points,
      months: figures.map((f) => ({
        month: f.month,
        availability: f.availability,
        rounded: f.rounded,
        meetsTarget: f.meetsTarget,
        frozen: f.frozen,
        ...(f.progress === 'to-date' ? { through: f.throughMs } : {}),
      })),
    });
  }
  const yearStart = `${month.slice(0, 4)}-01`;
  const [supportMonths, supportWeeks, changes, roadmap, blocks, meetings, figures] = await Promise.all([
    supportKpis(ctx, { period: 'month', from: yearStart, to: month, line: 'brukerservice' }),
    supportKpis(ctx, { period: 'week', from: month, to: month, line: 'brukerservice' }),
    collectChanges(ctx, period, next),
    collectRoadmap(ctx),
    ctx.db
      .selectFrom('report_blocks')
      .select(['kind', 'title', 'body_markdown'])
      .where('month', '=', month)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),
    collectMeetings(ctx, next.start, meetingsEnd),
    platformFigures(ctx, month, settings.catalogue),
  ]);
  const complianceFacts = await collectSharedComplianceFacts(ctx, period, availability, {
    month: supportMonths[supportMonths.length - 1],
    weeks: supportWeeks,
  });
  return {
    month,
    contacts: settings.contacts,
    changes: { ...changes, roadmap },
    availability,
    support: supportMonths.map((p) => ({ month: p.period.key, kpis: p.kpis })),
    information: blocks.map((b) => ({
      kind: b.kind === 'project-status' ? 'project-status' : 'news',
      title: b.title,
      markdown: b.body_markdown,
    })),
    meetings,
    complianceFacts,
    platformFigures: figures,
  };
}

/**
 * The figures of one report — the platform's, or one owner's own — for a month (the previous one by default), as the
 * archive stores them. `shared` lets a run that makes every owner's report collect the common parts once.
 */
export async function collectReportData(
  ctx: ServiceContext,
  input: ReportInput,
  settings: ReportSettings,
  shared?: SharedReportParts,
): Promise<ReportData> {
  authorize(ctx.actor, 'report.read');
  const data = parseInput(reportInput, input, ctx);
  const month = data.month ?? previousReportMonth(ctx.clock.now());
  const period = reportPeriod(month, ctx.clock.now());
  const owner = data.owner === undefined ? null : await findReportOwner(ctx, data.owner);
  const common = shared && shared.month === month ? shared : await collectSharedReportParts(ctx, month, settings);
  const [statistics, caseFacts] = await Promise.all([
    collectStatistics(ctx, month, owner, settings.catalogue, common.platformFigures),
    collectCaseFacts(ctx, period, owner),
  ]);
  const { complianceFacts, platformFigures: _shares, ...parts } = common;
  const facts = { ...complianceFacts, ...caseFacts };
  return {
    schema: 1,
    generatedAt: ctx.clock.now(),
    owner,
    ...parts,
    statistics,
    compliance: { rows: complianceRows(facts), incidents: incidentSummary(facts) },
  };
}
