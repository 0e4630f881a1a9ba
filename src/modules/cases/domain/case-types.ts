import { type ClockEventType, type IncidentCategory, policies } from '../../../platform/domain/sla/policies.ts';

/** The kinds of case Nivå tracks (the contract's 2.2, 5.2, 6.1–6.2, 7.3.1, 7.4.3). */
export const caseKinds = [
  'incident',
  'support-request',
  'change-request',
  'deletion-request',
  'deactivation-order',
] as const;
export type CaseKind = (typeof caseKinds)[number];

export const incidentCategories: readonly IncidentCategory[] = ['A', 'B', 'C'];

/** Events that are not about the clocks but are part of the case's history. */
export const noteEventTypes = ['assigned', 'commented', 'attachment-added'] as const;
export type CaseEventType = ClockEventType | (typeof noteEventTypes)[number];
export const caseEventTypes: readonly CaseEventType[] = [
  'registered',
  'work-started',
  'workaround',
  'qualified',
  'resolved',
  'feedback-given',
  'paused',
  'resumed',
  'reclassified',
  'closed',
  ...noteEventTypes,
];

/**
 * How the reporter was given the status (clause 2.2): the resolution e-mail, or an equivalent the service desk
 * records (a call, a public comment to the reporter, a meeting).
 */
export const feedbackChannels = ['email', 'phone', 'comment', 'meeting', 'other'] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];

/** Where a case came from. */
export const caseChannels = ['web', 'phone', 'api', 'email', 'import'] as const;
export type CaseChannel = (typeof caseChannels)[number];

/** Lifecycle positions; `paused` is a flag beside them, not a status. */
export const caseStatuses = ['registered', 'in-progress', 'qualified', 'workaround', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export interface CaseTypeDefinition {
  kind: CaseKind;
  /** Incidents carry category A, B or C; other kinds carry none. */
  categorised: boolean;
  /** Deactivation orders name the service to retire. */
  requiresService: boolean;
  /** Event types this kind accepts after registration. */
  events: readonly CaseEventType[];
  statuses: readonly CaseStatus[];
}

const always: CaseEventType[] = ['assigned', 'commented', 'attachment-added', 'feedback-given', 'closed'];

export const caseTypes: Record<CaseKind, CaseTypeDefinition> = {
  incident: {
    kind: 'incident',
    categorised: true,
    requiresService: false,
    events: ['work-started', 'workaround', 'resolved', 'paused', 'resumed', 'reclassified', ...always],
    statuses: ['registered', 'in-progress', 'workaround', 'resolved', 'closed'],
  },
  'support-request': {
    kind: 'support-request',
    categorised: false,
    requiresService: false,
    events: ['work-started', 'resolved', 'paused', 'resumed', ...always],
    statuses: ['registered', 'in-progress', 'resolved', 'closed'],
  },
  'change-request': {
    kind: 'change-request',
    categorised: false,
    requiresService: false,
    events: ['work-started', 'qualified', 'resolved', 'paused', 'resumed', ...always],
    statuses: ['registered', 'in-progress', 'qualified', 'resolved', 'closed'],
  },
  'deletion-request': {
    kind: 'deletion-request',
    categorised: false,
    requiresService: false,
    events: ['work-started', 'resolved', ...always],
    statuses: ['registered', 'in-progress', 'resolved', 'closed'],
  },
  'deactivation-order': {
    kind: 'deactivation-order',
    categorised: false,
    requiresService: true,
    events: ['work-started', 'resolved', ...always],
    statuses: ['registered', 'in-progress', 'resolved', 'closed'],
  },
};

/** SLA policy ids that can apply to a kind (which of them do depends on the category). */
export function policiesOf(kind: CaseKind): string[] {
  return policies
    .filter((p) => (p.kind === 'clock' || p.kind === 'follow-up') && p.appliesTo.caseType === kind)
    .map((p) => p.id);
}

export function isCaseKind(value: string): value is CaseKind {
  return (caseKinds as readonly string[]).includes(value);
}

export function isFeedbackChannel(value: string): value is FeedbackChannel {
  return (feedbackChannels as readonly string[]).includes(value);
}

export function isIncidentCategory(value: string): value is IncidentCategory {
  return value === 'A' || value === 'B' || value === 'C';
}
