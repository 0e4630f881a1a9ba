import type { IncidentCategory } from '../../../platform/domain/sla/policies.ts';
import { type CaseEventType, type CaseKind, type CaseStatus, caseTypes } from './case-types.ts';

/** One entry of a case's event log, as far as the lifecycle cares. */
export interface LifecycleEvent {
  type: CaseEventType;
  at: number;
  category?: IncidentCategory | null;
  body?: string | null;
  assigneeId?: string | null;
}

/** Where a case stands, derived from its event log alone. */
export interface CaseView {
  status: CaseStatus;
  paused: boolean;
  category: IncidentCategory | null;
  assigneeId: string | null;
  registeredAt: number | null;
  workStartedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  lastEventAt: number | null;
  seen: ReadonlySet<CaseEventType>;
}

const advances: Partial<Record<CaseEventType, CaseStatus>> = {
  registered: 'registered',
  'work-started': 'in-progress',
  qualified: 'qualified',
  workaround: 'workaround',
  resolved: 'resolved',
  closed: 'closed',
};
const order: readonly CaseStatus[] = ['registered', 'in-progress', 'qualified', 'workaround', 'resolved', 'closed'];

export function deriveCase(events: readonly LifecycleEvent[]): CaseView {
  const seen = new Set<CaseEventType>();
  const view: CaseView = {
    status: 'registered',
    paused: false,
    category: null,
    assigneeId: null,
    registeredAt: null,
    workStartedAt: null,
    resolvedAt: null,
    closedAt: null,
    lastEventAt: null,
    seen,
  };
  for (const e of events) {
    seen.add(e.type);
    view.lastEventAt = view.lastEventAt === null ? e.at : Math.max(view.lastEventAt, e.at);
    const next = advances[e.type];
    // Status only moves forward: a workaround after qualification does not undo it, resolution wins over both.
    if (next && order.indexOf(next) > order.indexOf(view.status)) view.status = next;
    switch (e.type) {
      case 'registered':
        view.registeredAt = e.at;
        view.category = e.category ?? null;
        break;
      case 'reclassified':
        view.category = e.category ?? view.category;
        break;
      case 'work-started':
        view.workStartedAt ??= e.at;
        break;
      case 'resolved':
        view.resolvedAt ??= e.at;
        view.paused = false;
        break;
      case 'closed':
        view.closedAt ??= e.at;
        view.paused = false;
        break;
      case 'paused':
        view.paused = true;
        break;
      case 'resumed':
        view.paused = false;
        break;
      case 'assigned':
        view.assigneeId = e.assigneeId ?? null;
        break;
      default:
        break;
    }
  }
  return view;
}

export interface LifecycleProblem {
  field: 'type' | 'at' | 'category' | 'body' | 'assigneeId';
  message: string;
  /** `validation`: the input is wrong; `conflict`: it is fine but the case is not in a state to take it. */
  code: 'validation' | 'conflict';
}

/** How far ahead of the server's clock an event may be dated (clock skew of the reporting system). */
export const futureToleranceMs = 5 * 60_000;

const once: Partial<Record<CaseEventType, string>> = {
  'work-started': 'work has already started',
  workaround: 'a workaround is already recorded',
  qualified: 'the request is already assessed',
  resolved: 'the case is already resolved',
};
const notAfterResolution: ReadonlySet<CaseEventType> = new Set([
  'work-started',
  'workaround',
  'qualified',
  'paused',
  'resumed',
  'reclassified',
]);

function problem(
  field: LifecycleProblem['field'],
  message: string,
  code: LifecycleProblem['code'] = 'validation',
): LifecycleProblem {
  return { field, message, code };
}

/** Whether a new case may be registered with these facts. */
export function checkRegistration(
  kind: CaseKind,
  input: { at: number; category: IncidentCategory | null },
  now: number,
): LifecycleProblem | null {
  const definition = caseTypes[kind];
  if (definition.categorised && input.category === null)
    return problem('category', 'an incident needs category A, B or C');
  if (!definition.categorised && input.category !== null) return problem('category', `a ${kind} has no category`);
  if (input.at > now + futureToleranceMs) return problem('at', 'lies in the future');
  return null;
}

/** Whether `event` may be appended to a case of `kind` that stands at `view`; null when it may. */
export function checkEvent(
  kind: CaseKind,
  view: CaseView,
  event: LifecycleEvent,
  now: number,
): LifecycleProblem | null {
  if (event.type === 'registered') return problem('type', 'a case is registered only once', 'conflict');
  if (!caseTypes[kind].events.includes(event.type)) return problem('type', `${event.type} does not apply to a ${kind}`);
  if (view.closedAt !== null) return problem('type', 'the case is closed', 'conflict');
  if (event.at > now + futureToleranceMs) return problem('at', 'lies in the future');
  if (view.lastEventAt !== null && event.at < view.lastEventAt)
    return problem('at', 'is before the case’s latest event');
  const repeated = once[event.type];
  if (repeated && view.seen.has(event.type)) return problem('type', repeated, 'conflict');
  if (notAfterResolution.has(event.type) && view.resolvedAt !== null)
    return problem('type', 'the case is already resolved', 'conflict');
  switch (event.type) {
    case 'paused':
      if (view.paused) return problem('type', 'the case is already paused', 'conflict');
      if (!event.body?.trim()) return problem('body', 'give the reason for the pause');
      return null;
    case 'resumed':
      return view.paused ? null : problem('type', 'the case is not paused', 'conflict');
    case 'reclassified':
      if (!event.category) return problem('category', 'give the new category');
      return event.category === view.category
        ? problem('category', `the incident is already category ${event.category}`)
        : null;
    case 'closed':
      return view.resolvedAt === null && !event.body?.trim()
        ? problem('body', 'give the reason for closing an unresolved case')
        : null;
    case 'commented':
      return event.body?.trim() ? null : problem('body', 'the comment is empty');
    case 'assigned':
      return event.assigneeId === undefined ? problem('assigneeId', 'name the assignee (null to unassign)') : null;
    default:
      return null;
  }
}

/** Open: work on the case is outstanding. Resolved and closed cases are no longer open. */
export function isOpenStatus(status: CaseStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
