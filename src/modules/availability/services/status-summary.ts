import { localToInstant, instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

/**
 * The public status of the platform: what anyone may see without signing in. It deliberately reads the tables itself
 * with explicit columns instead of reusing the availability and case operations, because those authorize an actor and
 * return whole rows; here there is no actor, and only published, public fields may leave the building.
 */

const zone = 'Europe/Oslo';
const dayMs = 86_400_000;
/** How far ahead published work is announced on the page. */
export const upcomingDays = 60;

export type ComponentState = 'operational' | 'degraded' | 'partial' | 'major' | 'maintenance';
export type DayState = 'ok' | 'degraded' | 'outage' | 'maintenance' | 'nodata';
export type Severity = 'unavailable' | 'partial' | 'degraded';

/** Case events whose meaning is public; notes like assignment, attachments and sent feedback name people or files. */
const publicUpdateTypes = ['registered', 'work-started', 'workaround', 'resolved', 'commented'] as const;
export type UpdateType = (typeof publicUpdateTypes)[number];

export interface StatusDay {
  /** The Oslo calendar date, YYYY-MM-DD. */
  date: string;
  state: DayState;
}

export interface StatusComponent {
  id: string;
  code: string;
  name: string;
  state: ComponentState;
  days: StatusDay[];
}

export interface StatusOutage {
  id: string;
  componentId: string;
  componentName: string;
  severity: Severity;
  start: number;
  end: number | null;
  text: string;
  updatedAt: number;
}

export interface StatusIncident {
  id: string;
  reference: string;
  title: string;
  registeredAt: number;
  lastEventAt: number;
  updates: { at: number; type: UpdateType; body: string | null }[];
}

export interface StatusMaintenance {
  id: string;
  componentId: string;
  componentName: string;
  kind: 'maintenance' | 'change' | 'major-change' | 'emergency';
  title: string;
  text: string;
  start: number;
  end: number;
  announcedAt: number;
  inProgress: boolean;
}

export interface StatusSummary {
  generatedAt: number;
  components: StatusComponent[];
  /** Outages going on now, newest first. */
  ongoingOutages: StatusOutage[];
  /** Outages that started within the day range and have ended, newest first (for the feed). */
  pastOutages: StatusOutage[];
  /** Open incident cases that concern the whole platform, with their public updates oldest first. */
  incidents: StatusIncident[];
  /** Published work in progress or starting within the next 60 days, earliest first. */
  upcomingMaintenance: StatusMaintenance[];
  /** Published work that ended within the day range, newest first (for the feed). */
  pastMaintenance: StatusMaintenance[];
}

export type StatusContext = Pick<ServiceContext, 'db' | 'clock' | 'calendars'>;

const severityRank: Record<Severity, number> = { degraded: 1, partial: 2, unavailable: 3 };
const stateOfSeverity: Record<Severity, ComponentState> = {
  degraded: 'degraded',
  partial: 'partial',
  unavailable: 'major',
};

function isoDate(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}

/** The last `count` Oslo days up to today, oldest first, with the instants they begin and end (today ends now). */
export function osloDays(now: number, count: number): { date: string; start: number; end: number }[] {
  const local = new Date(instantToLocal(zone, now));
  const midnight = (offset: number) =>
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + offset);
  return Array.from({ length: count }, (_, i) => {
    const offset = i - (count - 1);
    return {
      date: isoDate(midnight(offset)),
      start: localToInstant(zone, midnight(offset)),
      end: Math.min(now, localToInstant(zone, midnight(offset + 1))),
    };
  });
}

function dayState(
  day: { start: number; end: number },
  createdAt: number,
  outages: StatusOutage[],
  work: StatusMaintenance[],
  now: number,
): DayState {
  const overlaps = (start: number, end: number | null) => start < day.end && (end ?? now) > day.start;
  let worst = 0;
  for (const o of outages) if (overlaps(o.start, o.end)) worst = Math.max(worst, severityRank[o.severity]);
  if (worst >= severityRank.partial) return 'outage';
  if (worst > 0) return 'degraded';
  if (work.some((w) => overlaps(w.start, w.end))) return 'maintenance';
  // Before the component was registered nothing was recorded about it, which is not the same as it being up.
  return day.end <= createdAt ? 'nodata' : 'ok';
}

/**
 * The component's state now. An outage wins over work in progress: work explains planned downtime, but an outage
 * recorded during it means users are hit by more than what was announced.
 */
function currentState(ongoing: StatusOutage[], inProgress: boolean): ComponentState {
  const worst = ongoing.reduce<Severity | null>(
    (w, o) => (w === null || severityRank[o.severity] > severityRank[w] ? o.severity : w),
    null,
  );
  if (worst) return stateOfSeverity[worst];
  return inProgress ? 'maintenance' : 'operational';
}

export async function statusSummary(ctx: StatusContext, options: { days?: number } = {}): Promise<StatusSummary> {
  const days = Math.min(Math.max(Math.trunc(options.days ?? 90), 1), 366);
  const now = ctx.clock.now();
  const range = osloDays(now, days);
  const from = range[0]?.start ?? now - days * dayMs;
  const horizon = now + upcomingDays * dayMs;

  const components = await ctx.db
    .selectFrom('components')
    .select(['id', 'code', 'name', 'created_at'])
    .orderBy('name')
    .orderBy('code')
    .execute();
  const names = new Map(components.map((c) => [c.id, c.name]));

  const outageRows = await ctx.db
    .selectFrom('outages')
    .select(['id', 'component_id', 'severity', 'start_at', 'end_at', 'public_text', 'updated_at'])
    .where('start_at', '<=', now)
    .where((eb) => eb.or([eb('end_at', 'is', null), eb('end_at', '>', from)]))
    .orderBy('start_at', 'desc')
    .orderBy('id')
    .execute();
  const outages: StatusOutage[] = outageRows.map((o) => ({
    id: o.id,
    componentId: o.component_id,
    componentName: names.get(o.component_id) ?? '',
    severity: o.severity,
    start: o.start_at,
    end: o.end_at,
    text: o.public_text,
    updatedAt: o.updated_at,
  }));
  const isOngoing = (o: StatusOutage) => o.end === null || o.end > now;

  // Drafts and cancelled work were never announced, so they are not public.
  const workRows = await ctx.db
    .selectFrom('maintenance_windows')
    .select(['id', 'component_id', 'kind', 'title', 'public_text', 'start_at', 'end_at', 'announced_at', 'updated_at'])
    .where('status', '=', 'published')
    .where('end_at', '>', from)
    .where('start_at', '<', horizon)
    .orderBy('start_at')
    .orderBy('id')
    .execute();
  const work: StatusMaintenance[] = workRows.map((w) => ({
    id: w.id,
    componentId: w.component_id,
    componentName: names.get(w.component_id) ?? '',
    kind: w.kind,
    title: w.title,
    text: w.public_text,
    start: w.start_at,
    end: w.end_at,
    announcedAt: w.announced_at ?? w.updated_at,
    inProgress: w.start_at <= now && w.end_at > now,
  }));

  // Only platform-wide incidents: an owner's own cases are that owner's business, never public.
  const cases = await ctx.db
    .selectFrom('cases')
    .select(['id', 'reference', 'title', 'registered_at', 'last_event_at'])
    .where('organisation_id', 'is', null)
    .where('kind', '=', 'incident')
    .where('is_open', '=', 1)
    .orderBy('registered_at', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
  const events =
    cases.length === 0
      ? []
      : await ctx.db
          .selectFrom('case_events')
          .select(['case_id', 'type', 'at', 'body'])
          .where(
            'case_id',
            'in',
            cases.map((c) => c.id),
          )
          .where('visibility', '=', 'public')
          .where('type', 'in', publicUpdateTypes)
          .orderBy('at')
          .orderBy('seq')
          .execute();
  const incidents: StatusIncident[] = cases.map((c) => ({
    id: c.id,
    reference: c.reference,
    title: c.title,
    registeredAt: c.registered_at,
    lastEventAt: c.last_event_at,
    updates: events
      .filter((e) => e.case_id === c.id)
      .map((e) => ({ at: e.at, type: e.type as UpdateType, body: e.type === 'registered' ? null : e.body })),
  }));

  return {
    generatedAt: now,
    components: components.map((c) => {
      const own = outages.filter((o) => o.componentId === c.id);
      const ownWork = work.filter((w) => w.componentId === c.id && w.start <= now);
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        state: currentState(
          own.filter(isOngoing),
          ownWork.some((w) => w.inProgress),
        ),
        days: range.map((day) => ({ date: day.date, state: dayState(day, c.created_at, own, ownWork, now) })),
      };
    }),
    ongoingOutages: outages.filter(isOngoing),
    pastOutages: outages.filter((o) => !isOngoing(o) && o.start >= from),
    incidents,
    upcomingMaintenance: work.filter((w) => w.end > now),
    pastMaintenance: work.filter((w) => w.end <= now).reverse(),
  };
}
