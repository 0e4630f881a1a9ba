import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import type { ClockState } from '../../../platform/domain/sla/clocks.ts';
import { findPolicy } from '../../../platform/domain/sla/policies.ts';

export const supportLines = ['brukerservice', 'servicedesk'] as const;
export type SupportLine = (typeof supportLines)[number];

export interface CallLog {
  queuedAt: number;
  answeredAt: number | null;
  abandoned: boolean;
  /** Answered by calling the customer back rather than in the queue. */
  callback: boolean;
}

export interface EmailLog {
  receivedAt: number;
  firstAnswerAt: number | null;
}

/** The `support-portal-reply` clock of one self-service case, as stored for the case and read at the report's moment. */
export interface SelfServiceClock {
  registeredAt: number;
  state: ClockState;
}

/** A call answered directly: picked up in the queue, neither abandoned nor answered by a callback. */
export function answeredDirectly(call: CallLog): boolean {
  return call.answeredAt !== null && !call.abandoned && !call.callback;
}

/** Round half up of numerator / denominator (both non-negative integers, denominator > 0), exact in integers. */
export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export interface PhoneFigures extends PhoneTotals {
  /** Mean wait of the calls answered directly, in seconds, unrounded; null when none was. */
  meanWaitSeconds: number | null;
  /** The mean wait as shown: whole seconds, rounded half up. */
  meanWaitShown: number | null;
  /** Answered directly / offered, unrounded; null when no call was offered. */
  answerRate: number | null;
  /** The answer rate as shown: whole percent, rounded half up. */
  answerRatePercentShown: number | null;
}

/** What the phone figures are computed from; a store can sum these per period without loading every call. */
export interface PhoneTotals {
  offered: number;
  answeredDirectly: number;
  callbacks: number;
  abandoned: number;
  /** Sum of answered_at − queued_at (ms) over the calls answered directly. */
  waitMs: number;
}

/**
 * Totals of a set of calls. Offered = every call; wait = answered_at − queued_at of the calls answered directly
 * (import refuses an answer before the call was queued); a call that was abandoned or answered by a callback counts
 * as offered but not as answered directly.
 */
export function phoneTotals(calls: readonly CallLog[]): PhoneTotals {
  const totals: PhoneTotals = { offered: calls.length, answeredDirectly: 0, callbacks: 0, abandoned: 0, waitMs: 0 };
  for (const call of calls) {
    if (call.callback) totals.callbacks += 1;
    if (call.abandoned) totals.abandoned += 1;
    if (answeredDirectly(call)) {
      totals.answeredDirectly += 1;
      totals.waitMs += (call.answeredAt as number) - call.queuedAt;
    }
  }
  return totals;
}

/** The phone figures from their totals: the unrounded mean wait and answer rate, and both as shown. */
export function phoneFiguresFromTotals(totals: PhoneTotals): PhoneFigures {
  const { offered, answeredDirectly: direct, waitMs } = totals;
  return {
    ...totals,
    meanWaitSeconds: direct === 0 ? null : waitMs / direct / 1000,
    meanWaitShown: direct === 0 ? null : roundHalfUp(waitMs, direct * 1000),
    answerRate: offered === 0 ? null : direct / offered,
    answerRatePercentShown: offered === 0 ? null : roundHalfUp(direct * 100, offered),
  };
}

export function phoneFigures(calls: readonly CallLog[]): PhoneFigures {
  return phoneFiguresFromTotals(phoneTotals(calls));
}

export interface ReplyFigures {
  /** E-mails received (or self-service cases registered) in the period. */
  count: number;
  inTime: number;
  late: number;
  /** Not answered yet and not overdue: neither in time nor late so far. */
  pending: number;
  /** inTime / (inTime + late); null when nothing is decided yet. */
  share: number | null;
  /** The share as shown: whole percent, rounded half up. */
  percentShown: number | null;
}

function replyFigures(count: number, inTime: number, late: number): ReplyFigures {
  const decided = inTime + late;
  return {
    count,
    inTime,
    late,
    pending: count - decided,
    share: decided === 0 ? null : inTime / decided,
    percentShown: decided === 0 ? null : roundHalfUp(inTime * 100, decided),
  };
}

/** Open time an end-user e-mail may wait for its first answer (policy `enduser-email-reply`, 4.3). */
export function emailReplyLimitMs(): number {
  const policy = findPolicy('enduser-email-reply');
  if (policy?.kind !== 'clock' || policy.target.kind !== 'open-hours')
    throw new Error('enduser-email-reply must be an open-hours clock');
  return policy.target.hours * 3_600_000;
}

/**
 * E-mails answered within 8 hours of `calendar`'s open time (counting starts at the next opening when one arrives
 * while closed). An unanswered e-mail is late once its deadline has passed at `now`, pending before that.
 */
export function emailFigures(emails: readonly EmailLog[], calendar: Calendar, now: number): ReplyFigures {
  const limit = emailReplyLimitMs();
  let inTime = 0;
  let late = 0;
  for (const email of emails) {
    const due = calendar.addOpenTime(email.receivedAt, limit);
    if (email.firstAnswerAt !== null) {
      if (email.firstAnswerAt <= due) inTime += 1;
      else late += 1;
    } else if (now > due) late += 1;
  }
  return replyFigures(emails.length, inTime, late);
}

/** Self-service cases answered within 3 business days: a met clock is in time, a breached one late, the rest pending. */
export function selfServiceFigures(clocks: readonly SelfServiceClock[]): ReplyFigures {
  const applicable = clocks.filter((c) => c.state !== 'not-applicable');
  return replyFigures(
    applicable.length,
    applicable.filter((c) => c.state === 'met').length,
    applicable.filter((c) => c.state === 'breached').length,
  );
}
