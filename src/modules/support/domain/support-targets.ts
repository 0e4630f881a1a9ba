import { findPolicy } from '../../../platform/domain/sla/policies.ts';
import type { Period } from './support-periods.ts';
import { type PhoneFigures, type ReplyFigures, type SupportLine } from './support-kpis.ts';

/** The rows of the support report, in the order the monthly service report prints them. */
export const supportKpiIds = [
  'phone-wait',
  'phone-answer-rate',
  'phone-callbacks',
  'emails',
  'email-reply',
  'self-service-reply',
] as const;
export type SupportKpiId = (typeof supportKpiIds)[number];

export interface KpiTarget {
  policyId: string;
  clause: string;
  comparison: '<=' | '>=';
  /** Seconds for the wait, percent for the shares. */
  threshold: number;
}

export interface KpiValue {
  id: SupportKpiId;
  unit: 'seconds' | 'percent' | 'count';
  /** The exact figure (seconds, or a share as a percentage); null when the period has nothing to measure. */
  value: number | null;
  /** The figure as shown: whole seconds or whole percent rounded half up, or the count. */
  shown: number | null;
  /** The agreement's requirement on this line; null when the agreement sets none. */
  target: KpiTarget | null;
  /** Decided on the exact figure; null without a target or without a figure. */
  met: boolean | null;
}

export interface SupportPeriodKpis {
  period: Period;
  line: SupportLine;
  phone: PhoneFigures;
  email: ReplyFigures;
  selfService: ReplyFigures;
  kpis: KpiValue[];
}

function aggregateTarget(policyId: 'phone-wait' | 'phone-answer-rate'): KpiTarget {
  const policy = findPolicy(policyId);
  if (policy?.kind !== 'aggregate') throw new Error(`${policyId} must be an aggregate policy`);
  return { policyId, clause: policy.clause, comparison: policy.comparison, threshold: policy.threshold };
}

/** Every reply in time: each e-mail and each self-service case has its own deadline, so one late reply is a miss. */
function replyTarget(policyId: 'enduser-email-reply' | 'support-portal-reply'): KpiTarget {
  const policy = findPolicy(policyId);
  if (!policy) throw new Error(`no policy ${policyId}`);
  return { policyId, clause: policy.clause, comparison: '>=', threshold: 100 };
}

/**
 * The requirements of the agreement by line: 4.2 and 4.3 bind the end-user support (brukerservice); 5.2 (the
 * self-service portal) is the service desk's, but its cases are not tied to a phone line, so it is shown on both.
 */
export function targetsFor(line: SupportLine): Record<SupportKpiId, KpiTarget | null> {
  const enduser = line === 'brukerservice';
  return {
    'phone-wait': enduser ? aggregateTarget('phone-wait') : null,
    'phone-answer-rate': enduser ? aggregateTarget('phone-answer-rate') : null,
    'phone-callbacks': null,
    emails: null,
    'email-reply': enduser ? replyTarget('enduser-email-reply') : null,
    'self-service-reply': replyTarget('support-portal-reply'),
  };
}

/** Whether a target is met, comparing exact fractions: numerator / denominator against the threshold. */
function meets(target: KpiTarget | null, numerator: number, denominator: number): boolean | null {
  if (target === null || denominator === 0) return null;
  const scaled = target.threshold * denominator;
  return target.comparison === '<=' ? numerator <= scaled : numerator >= scaled;
}

/** The period's figures as report rows, each against its requirement. */
export function kpiValues(
  line: SupportLine,
  phone: PhoneFigures,
  email: ReplyFigures,
  selfService: ReplyFigures,
): KpiValue[] {
  const targets = targetsFor(line);
  const share = (r: ReplyFigures) => (r.share === null ? null : r.share * 100);
  return [
    {
      id: 'phone-wait',
      unit: 'seconds',
      value: phone.meanWaitSeconds,
      shown: phone.meanWaitShown,
      target: targets['phone-wait'],
      met: meets(targets['phone-wait'], phone.waitMs, phone.answeredDirectly * 1000),
    },
    {
      id: 'phone-answer-rate',
      unit: 'percent',
      value: phone.answerRate === null ? null : phone.answerRate * 100,
      shown: phone.answerRatePercentShown,
      target: targets['phone-answer-rate'],
      met: meets(targets['phone-answer-rate'], phone.answeredDirectly * 100, phone.offered),
    },
    // A period without a single logged call or e-mail has no figures, like the wait and the rates: not a measured 0.
    {
      id: 'phone-callbacks',
      unit: 'count',
      value: phone.offered === 0 ? null : phone.callbacks,
      shown: phone.offered === 0 ? null : phone.callbacks,
      target: null,
      met: null,
    },
    {
      id: 'emails',
      unit: 'count',
      value: email.count === 0 ? null : email.count,
      shown: email.count === 0 ? null : email.count,
      target: null,
      met: null,
    },
    {
      id: 'email-reply',
      unit: 'percent',
      value: share(email),
      shown: email.percentShown,
      target: targets['email-reply'],
      met: meets(targets['email-reply'], email.inTime * 100, email.inTime + email.late),
    },
    {
      id: 'self-service-reply',
      unit: 'percent',
      value: share(selfService),
      shown: selfService.percentShown,
      target: targets['self-service-reply'],
      met: meets(targets['self-service-reply'], selfService.inTime * 100, selfService.inTime + selfService.late),
    },
  ];
}

export function periodKpis(
  period: Period,
  line: SupportLine,
  phone: PhoneFigures,
  email: ReplyFigures,
  selfService: ReplyFigures,
): SupportPeriodKpis {
  return { period, line, phone, email, selfService, kpis: kpiValues(line, phone, email, selfService) };
}
