import type { NoticeRule } from '../calendar/notice.ts';

export const caseTypes = [
  'incident',
  'support-request',
  'enduser-email',
  'change-request',
  'deletion-request',
  'deactivation-order',
] as const;
export type CaseType = (typeof caseTypes)[number];
export type IncidentCategory = 'A' | 'B' | 'C';

export const clockEventTypes = [
  'registered',
  'work-started',
  'workaround',
  'resolved',
  'feedback-given',
  'qualified',
  'paused',
  'resumed',
  'reclassified',
  'closed',
] as const;
export type ClockEventType = (typeof clockEventTypes)[number];

/** How long a clock may run: open time in its calendar, or N business days ending at the calendar's closing. */
export type Target = { kind: 'open-hours'; hours: number } | { kind: 'business-days'; days: number };

interface PolicyBase {
  id: string;
  /** Clause of the service agreement the rule comes from. */
  clause: string;
  description: string;
}

/** A clock on a case: runs from registration until one of `stopOn` happens. */
export interface ClockPolicy extends PolicyBase {
  kind: 'clock';
  calendar: string;
  target: Target;
  appliesTo: { caseType: CaseType; categories?: IncidentCategory[] };
  stopOn: ClockEventType[];
  /**
   * Open hours (in `calendar`) before the deadline from which a running clock is at risk. A fixed horizon, not a
   * share of the target: two clocks of one policy due at the same instant are then always in the same state.
   */
  atRiskWithinHours: number;
}

/** A duty that is met by an event after another, with no deadline of its own (e.g. feedback at resolution). */
export interface FollowUpPolicy extends PolicyBase {
  kind: 'follow-up';
  appliesTo: { caseType: CaseType; categories?: IncidentCategory[] };
  after: ClockEventType;
  requires: ClockEventType;
  /** The case may not end before the duty is done. */
  breachedOn: ClockEventType;
}

/** Announcement lead time before a start. */
export interface NoticePolicy extends PolicyBase {
  kind: 'notice';
  calendar: string;
  rule: NoticeRule;
}

/** Exempt from notice; recorded so that the exemption itself is traceable to the contract. */
export interface ExemptionPolicy extends PolicyBase {
  kind: 'exemption';
}

/** Measured over a period from aggregates (e.g. phone statistics per ISO week). */
export interface AggregatePolicy extends PolicyBase {
  kind: 'aggregate';
  period: 'iso-week';
  measure: 'mean-wait-seconds' | 'answer-rate-percent';
  comparison: '<=' | '>=';
  threshold: number;
}

export type Policy = ClockPolicy | FollowUpPolicy | NoticePolicy | ExemptionPolicy | AggregatePolicy;

const abc: IncidentCategory[] = ['A', 'B', 'C'];

/** The service agreement as data. Ids are fixed; each rule names its clause. */
export const policies: readonly Policy[] = [
  {
    id: 'incident-a-start',
    kind: 'clock',
    clause: '2.2.1',
    description: 'Category A: work started within 1 hour of registration, around the clock.',
    calendar: 'always',
    target: { kind: 'open-hours', hours: 1 },
    appliesTo: { caseType: 'incident', categories: ['A'] },
    stopOn: ['work-started'],
    atRiskWithinHours: 0.25,
  },
  {
    id: 'incident-b-start',
    kind: 'clock',
    clause: '2.2.2',
    description: 'Category B: work started within 1 hour of the service desk’s opening hours.',
    calendar: 'servicedesk',
    target: { kind: 'open-hours', hours: 1 },
    appliesTo: { caseType: 'incident', categories: ['B'] },
    stopOn: ['work-started'],
    atRiskWithinHours: 0.25,
  },
  {
    id: 'incident-c-resolve',
    kind: 'clock',
    clause: '2.2.3',
    description: 'Category C: resolved within 3 business days; a workaround in time also meets it.',
    calendar: 'servicedesk',
    target: { kind: 'business-days', days: 3 },
    appliesTo: { caseType: 'incident', categories: ['C'] },
    stopOn: ['workaround', 'resolved'],
    atRiskWithinHours: 7,
  },
  {
    id: 'incident-feedback',
    kind: 'follow-up',
    clause: '2.2',
    description: 'The reporter is given the status when the incident is resolved.',
    appliesTo: { caseType: 'incident', categories: abc },
    after: 'resolved',
    requires: 'feedback-given',
    breachedOn: 'closed',
  },
  {
    id: 'maintenance-notice',
    kind: 'notice',
    clause: '2.3.2, 2.4.2',
    description: 'Planned maintenance is announced at least 5 business days before it starts.',
    calendar: 'business-days',
    rule: { kind: 'business-days', days: 5 },
  },
  {
    id: 'change-notice',
    kind: 'notice',
    clause: '2.3.3, 2.4.3',
    description: 'Changes that need work by the service owners are announced at least 8 weeks ahead.',
    calendar: 'business-days',
    rule: { kind: 'weeks', weeks: 8 },
  },
  {
    id: 'major-change-notice',
    kind: 'notice',
    clause: '2.3.4',
    description: 'Changes that need major effort by the service owners are announced at least 6 months ahead.',
    calendar: 'business-days',
    rule: { kind: 'months', months: 6 },
  },
  {
    id: 'emergency-change',
    kind: 'exemption',
    clause: '2.3.5, 2.4.4',
    description: 'An emergency change that fixes an A or B incident needs no notice; its downtime still counts.',
  },
  {
    id: 'support-portal-reply',
    kind: 'clock',
    clause: '5.2',
    description: 'A self-service case is answered within 3 business days.',
    calendar: 'servicedesk',
    target: { kind: 'business-days', days: 3 },
    appliesTo: { caseType: 'support-request' },
    stopOn: ['feedback-given', 'resolved'],
    atRiskWithinHours: 7,
  },
  {
    id: 'enduser-email-reply',
    kind: 'clock',
    clause: '4.3',
    description: 'An end-user e-mail is answered within 8 hours of the end-user support’s opening hours.',
    calendar: 'brukerservice',
    target: { kind: 'open-hours', hours: 8 },
    appliesTo: { caseType: 'enduser-email' },
    stopOn: ['feedback-given', 'resolved'],
    atRiskWithinHours: 2,
  },
  {
    id: 'phone-wait',
    kind: 'aggregate',
    clause: '4.2',
    description: 'Mean waiting time of answered calls is at most 60 seconds per ISO week.',
    period: 'iso-week',
    measure: 'mean-wait-seconds',
    comparison: '<=',
    threshold: 60,
  },
  {
    id: 'phone-answer-rate',
    kind: 'aggregate',
    clause: '4.2',
    description: 'At least 90 % of calls are answered directly, per ISO week.',
    period: 'iso-week',
    measure: 'answer-rate-percent',
    comparison: '>=',
    threshold: 90,
  },
  {
    id: 'change-request-feedback',
    kind: 'clock',
    clause: '6.1',
    description: 'The requester gets status and plan within 10 business days.',
    calendar: 'business-days',
    target: { kind: 'business-days', days: 10 },
    appliesTo: { caseType: 'change-request' },
    stopOn: ['feedback-given'],
    atRiskWithinHours: 48,
  },
  {
    id: 'change-request-qualification',
    kind: 'clock',
    clause: '6.2',
    description: 'A change request is assessed and prioritised within 20 business days.',
    calendar: 'business-days',
    target: { kind: 'business-days', days: 20 },
    appliesTo: { caseType: 'change-request' },
    stopOn: ['qualified'],
    atRiskWithinHours: 72,
  },
];

export function findPolicy(id: string): Policy | undefined {
  return policies.find((p) => p.id === id);
}
