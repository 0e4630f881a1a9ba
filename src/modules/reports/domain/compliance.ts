import type { ClockState } from '../../../platform/domain/sla/clocks.ts';
import type { KpiValue } from '../../support/index.ts';

/**
 * The compliance section of the monthly service report: one row per requirement of the agreement, measured for the
 * report month, against its target, with the deviations behind a miss. Pure: the facts are collected elsewhere.
 */

export type ComplianceStatus = 'met' | 'missed' | 'no-data';

/** What a row is about; each has its label in the report's text catalogue. */
export type ComplianceSubject =
  | 'incident-a-start'
  | 'incident-b-start'
  | 'incident-c-resolve'
  | 'incident-feedback'
  | 'availability'
  | 'maintenance-notice'
  | 'change-notice'
  | 'major-change-notice'
  | 'emergency-change'
  | 'operating-hours'
  | 'phone-wait'
  | 'phone-answer-rate'
  | 'enduser-email-reply'
  | 'support-portal-reply'
  | 'change-request-feedback'
  | 'change-request-qualification';

export type ComplianceMeasure =
  /** Cases, notices or replies: how many were in time out of those decided; `pending` are not yet decided. */
  | { kind: 'in-time'; inTime: number; late: number; pending: number }
  /**
   * A component's availability for the month, two decimals rounded down; null when nothing was known. `through` is
   * there while the month is in progress: the figure is the month so far, up to that instant.
   */
  | { kind: 'availability'; rounded: string | null; through?: number }
  /** A per-week requirement: weeks met out of the ISO weeks that started in the month, and the month's own figure. */
  | { kind: 'weeks'; met: number; missed: number; monthShown: number | null; unit: 'seconds' | 'percent' }
  /** Things that may not happen at all (work inside protected hours): how many did. */
  | { kind: 'occurrences'; count: number };

export type ComplianceTarget =
  | { kind: 'every-in-time'; limit: string }
  | { kind: 'availability'; basisPoints: number }
  | { kind: 'at-most'; value: number; unit: 'seconds' }
  | { kind: 'at-least'; value: number; unit: 'percent' }
  /** Work done inside protected hours or without notice: none may happen. */
  | { kind: 'none' };

export interface ComplianceDeviation {
  /** A case reference, a component code or a change's title. */
  reference: string;
  /** What went wrong, in the agreement's words where it has them (e.g. `late-notice`). */
  kind: string;
  at: number;
}

export interface ComplianceRow {
  /** The agreement's clause, e.g. `2.2.1`; a row that covers two clauses names both, `2.3.2 / 2.4.2`. */
  requirement: string;
  subject: ComplianceSubject;
  /** Availability rows: the component's name. */
  componentName: string | null;
  measure: ComplianceMeasure;
  target: ComplianceTarget;
  status: ComplianceStatus;
  deviations: ComplianceDeviation[];
}

export interface IncidentSummaryRow {
  category: 'A' | 'B' | 'C';
  registered: number;
  resolved: number;
  open: number;
  /** Cases with at least one breached clock of the incident policies. */
  breached: number;
  breachedReferences: string[];
}

/** The facts of one month (and one owner, for an owner's report) that the rows are decided from. */
export interface ComplianceFacts {
  /** Clocks of the cases registered in the month, at the moment the report is made. */
  clocks: { policyId: string; reference: string; category: string | null; state: ClockState; registeredAt: number }[];
  /** Incidents registered in the month. */
  incidents: { reference: string; category: string | null; resolved: boolean }[];
  components: {
    code: string;
    name: string;
    calendarId: string;
    targetBasisPoints: number;
    rounded: string | null;
    meetsTarget: boolean;
    known: boolean;
    /** For a report month still in progress: the instant its figure covers up to. */
    through?: number;
  }[];
  /** Published work starting in the month. */
  changes: {
    title: string;
    componentCode: string;
    noticePolicy: string;
    noticeInTime: boolean | null;
    startAt: number;
  }[];
  /** Outages in the month, behind a missed availability row. */
  outages: { componentCode: string; startAt: number; severity: string }[];
  /** Deviations recorded in the month (late notices, work in protected hours). */
  deviations: { kind: string; componentCode: string | null; reference: string; at: number }[];
  /** The end-user support's KPIs for the month itself and for each ISO week that touches it. */
  supportMonth: KpiValue[];
  supportWeeks: { start: number; kpis: KpiValue[] }[];
  /** End-user e-mails received in the month (the support line's log, as the support page counts them). */
  supportEmails: { inTime: number; late: number; pending: number };
}

const clockRequirements: { requirement: string; subject: ComplianceSubject; policyId: string; limit: string }[] = [
  { requirement: '2.2.1', subject: 'incident-a-start', policyId: 'incident-a-start', limit: '1 h' },
  { requirement: '2.2.2', subject: 'incident-b-start', policyId: 'incident-b-start', limit: '1 h' },
  { requirement: '2.2.3', subject: 'incident-c-resolve', policyId: 'incident-c-resolve', limit: '3 BD' },
  { requirement: '2.2', subject: 'incident-feedback', policyId: 'incident-feedback', limit: '' },
];
const noticeRequirements: { requirement: string; subject: ComplianceSubject; policyId: string; limit: string }[] = [
  { requirement: '2.3.2 / 2.4.2', subject: 'maintenance-notice', policyId: 'maintenance-notice', limit: '5 BD' },
  { requirement: '2.3.3 / 2.4.3', subject: 'change-notice', policyId: 'change-notice', limit: '8 w' },
  { requirement: '2.3.4', subject: 'major-change-notice', policyId: 'major-change-notice', limit: '6 m' },
];
const laterClockRequirements: { requirement: string; subject: ComplianceSubject; policyId: string; limit: string }[] = [
  { requirement: '5.2', subject: 'support-portal-reply', policyId: 'support-portal-reply', limit: '3 BD' },
  { requirement: '6.1', subject: 'change-request-feedback', policyId: 'change-request-feedback', limit: '10 BD' },
  {
    requirement: '6.2',
    subject: 'change-request-qualification',
    policyId: 'change-request-qualification',
    limit: '20 BD',
  },
];

/** Met when nothing decided was late; no data when nothing was decided and nothing is pending. */
function inTimeStatus(inTime: number, late: number, pending: number): ComplianceStatus {
  if (late > 0) return 'missed';
  return inTime + pending === 0 ? 'no-data' : 'met';
}

function clockRow(facts: ComplianceFacts, spec: (typeof clockRequirements)[number]): ComplianceRow {
  const clocks = facts.clocks.filter((c) => c.policyId === spec.policyId && c.state !== 'not-applicable');
  const late = clocks.filter((c) => c.state === 'breached');
  const inTime = clocks.filter((c) => c.state === 'met').length;
  const pending = clocks.length - inTime - late.length;
  return {
    requirement: spec.requirement,
    subject: spec.subject,
    componentName: null,
    measure: { kind: 'in-time', inTime, late: late.length, pending },
    target: { kind: 'every-in-time', limit: spec.limit },
    status: inTimeStatus(inTime, late.length, pending),
    deviations: late.map((c) => ({ reference: c.reference, kind: 'breached', at: c.registeredAt })),
  };
}

function noticeRow(facts: ComplianceFacts, spec: (typeof noticeRequirements)[number]): ComplianceRow {
  const changes = facts.changes.filter((c) => c.noticePolicy === spec.policyId);
  const late = changes.filter((c) => c.noticeInTime === false);
  const inTime = changes.filter((c) => c.noticeInTime === true).length;
  return {
    requirement: spec.requirement,
    subject: spec.subject,
    componentName: null,
    measure: { kind: 'in-time', inTime, late: late.length, pending: 0 },
    target: { kind: 'every-in-time', limit: spec.limit },
    status: inTimeStatus(inTime, late.length, 0),
    deviations: late.map((c) => ({ reference: `${c.componentCode}: ${c.title}`, kind: 'late-notice', at: c.startAt })),
  };
}

function availabilityRow(facts: ComplianceFacts, component: ComplianceFacts['components'][number]): ComplianceRow {
  const status: ComplianceStatus = !component.known ? 'no-data' : component.meetsTarget ? 'met' : 'missed';
  // A month in progress is judged so far: what starts after the instant it is counted up to is not behind a miss.
  const past = (at: number) => component.through === undefined || at < component.through;
  const behind =
    status !== 'missed'
      ? []
      : [
          ...facts.outages
            .filter((o) => o.componentCode === component.code && past(o.startAt))
            .map((o) => ({ reference: component.code, kind: `outage-${o.severity}`, at: o.startAt })),
          ...facts.deviations
            .filter((d) => d.componentCode === component.code && d.kind === 'late-notice' && past(d.at))
            .map((d) => ({ reference: d.reference, kind: d.kind, at: d.at })),
        ];
  return {
    // The studio-hours window is the development environment's (2.4.1); every other window is production's (2.3.1).
    requirement: component.calendarId === 'studio-hours' ? '2.4.1' : '2.3.1',
    subject: 'availability',
    componentName: component.name,
    measure: {
      kind: 'availability',
      rounded: component.rounded,
      ...(component.through === undefined ? {} : { through: component.through }),
    },
    target: { kind: 'availability', basisPoints: component.targetBasisPoints },
    status,
    deviations: behind.sort((a, b) => a.at - b.at),
  };
}

function weeklyRow(facts: ComplianceFacts, id: 'phone-wait' | 'phone-answer-rate'): ComplianceRow {
  const weekly = facts.supportWeeks.map((w) => ({ start: w.start, kpi: w.kpis.find((k) => k.id === id) }));
  const missed = weekly.filter((w) => w.kpi?.met === false);
  const met = weekly.filter((w) => w.kpi?.met === true).length;
  const month = facts.supportMonth.find((k) => k.id === id);
  const unit = id === 'phone-wait' ? 'seconds' : 'percent';
  const status: ComplianceStatus = missed.length > 0 ? 'missed' : met > 0 ? 'met' : 'no-data';
  return {
    requirement: '4.2',
    subject: id,
    componentName: null,
    measure: { kind: 'weeks', met, missed: missed.length, monthShown: month?.shown ?? null, unit },
    target:
      id === 'phone-wait'
        ? { kind: 'at-most', value: 60, unit: 'seconds' }
        : { kind: 'at-least', value: 90, unit: 'percent' },
    status,
    deviations: missed.map((w) => ({ reference: `${w.kpi?.shown ?? ''}`, kind: `week-${id}`, at: w.start })),
  };
}

function protectedHoursRow(facts: ComplianceFacts): ComplianceRow {
  const inside = facts.deviations.filter((d) => d.kind === 'maintenance-in-operating-hours');
  return {
    requirement: '2.4.1',
    subject: 'operating-hours',
    componentName: null,
    measure: { kind: 'occurrences', count: inside.length },
    target: { kind: 'none' },
    status: inside.length > 0 ? 'missed' : 'met',
    deviations: inside.map((d) => ({ reference: d.reference, kind: d.kind, at: d.at })),
  };
}

function emergencyRow(facts: ComplianceFacts): ComplianceRow {
  const emergencies = facts.changes.filter((c) => c.noticePolicy === 'emergency-change');
  return {
    requirement: '2.3.5 / 2.4.4',
    subject: 'emergency-change',
    componentName: null,
    // Emergency work is exempt from notice only when it fixes an A or B incident, which planning it already requires.
    measure: { kind: 'occurrences', count: emergencies.length },
    target: { kind: 'every-in-time', limit: 'A/B' },
    status: emergencies.length === 0 ? 'no-data' : 'met',
    deviations: [],
  };
}

function emailRow(facts: ComplianceFacts): ComplianceRow {
  const { inTime, late, pending } = facts.supportEmails;
  return {
    requirement: '4.3',
    subject: 'enduser-email-reply',
    componentName: null,
    measure: { kind: 'in-time', inTime, late, pending },
    target: { kind: 'every-in-time', limit: '8 h' },
    status: inTimeStatus(inTime, late, pending),
    // The log knows e-mails by the mail system's ids only, which say nothing to a reader; the count is the deviation.
    deviations: [],
  };
}

/** The agreement's requirements for the month in clause order, each decided from the facts. */
export function complianceRows(facts: ComplianceFacts): ComplianceRow[] {
  const production = facts.components.filter((c) => c.calendarId !== 'studio-hours');
  const development = facts.components.filter((c) => c.calendarId === 'studio-hours');
  return [
    ...clockRequirements.map((spec) => clockRow(facts, spec)),
    ...production.map((c) => availabilityRow(facts, c)),
    ...noticeRequirements.map((spec) => noticeRow(facts, spec)),
    emergencyRow(facts),
    ...development.map((c) => availabilityRow(facts, c)),
    protectedHoursRow(facts),
    weeklyRow(facts, 'phone-wait'),
    weeklyRow(facts, 'phone-answer-rate'),
    emailRow(facts),
    ...laterClockRequirements.map((spec) => clockRow(facts, spec)),
  ];
}

/** Incidents of the month by category, with how many breached any incident clock. */
export function incidentSummary(facts: ComplianceFacts): IncidentSummaryRow[] {
  const incidentPolicies = new Set(['incident-a-start', 'incident-b-start', 'incident-c-resolve', 'incident-feedback']);
  const breachedRefs = new Set(
    facts.clocks.filter((c) => incidentPolicies.has(c.policyId) && c.state === 'breached').map((c) => c.reference),
  );
  return (['A', 'B', 'C'] as const).map((category) => {
    const incidents = facts.incidents.filter((i) => i.category === category);
    const breached = incidents
      .filter((i) => breachedRefs.has(i.reference))
      .map((i) => i.reference)
      .sort();
    const resolved = incidents.filter((i) => i.resolved).length;
    return {
      category,
      registered: incidents.length,
      resolved,
      open: incidents.length - resolved,
      breached: breached.length,
      breachedReferences: breached,
    };
  });
}
