import { z } from 'zod';
import { type ClockSnapshot, stateAt } from '../../../platform/domain/sla/clock-snapshot.ts';
import {
  emailFigures,
  phoneFiguresFromTotals,
  type PhoneTotals,
  selfServiceFigures,
  type SupportLine,
} from '../domain/support-kpis.ts';
import { bucketByPeriod, type Period, periodKinds, periodsBetween } from '../domain/support-periods.ts';
import { monthMessage, monthKey, parseMonthKey } from '../../../platform/domain/month-key.ts';
import { periodKpis, type SupportPeriodKpis } from '../domain/support-targets.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { snapshotFromRow } from '../../cases/index.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { supportLine } from './support-records.ts';

export const supportKpisInput = z.object({
  period: z.enum(periodKinds).default('month'),
  /** First month (Europe/Oslo), `YYYY-MM`. */
  from: monthKey({ ahead: 1 }),
  /** Last month, included; the first month when omitted. */
  to: monthKey({ ahead: 1 }).optional(),
  line: supportLine.default('brukerservice'),
});
export type SupportKpisInput = z.input<typeof supportKpisInput>;

/** At most three years per question, so one request cannot make the server sum a decade of calls. */
const maxMonths = 36;

type Totals = {
  offered: number | string | bigint;
  direct: number | string | bigint | null;
  callbacks: number | string | bigint | null;
  abandoned: number | string | bigint | null;
  wait_ms: number | string | bigint | null;
};

/** Summed in the database per period: a month of calls is tens of thousands of rows, none of which needs to travel. */
async function phoneTotalsOf(ctx: ServiceContext, line: SupportLine, period: Period): Promise<PhoneTotals> {
  const row = (await ctx.db
    .selectFrom('support_calls')
    .select((eb) => {
      const direct = eb.and([eb('answered_at', 'is not', null), eb('abandoned', '=', 0), eb('callback', '=', 0)]);
      return [
        eb.fn.countAll().as('offered'),
        eb.fn.sum(eb.case().when(direct).then(1).else(0).end()).as('direct'),
        eb.fn.sum('callback').as('callbacks'),
        eb.fn.sum('abandoned').as('abandoned'),
        eb.fn
          .sum(
            eb
              .case()
              .when(direct)
              .then(eb('answered_at', '-', eb.ref('queued_at')))
              .else(0)
              .end(),
          )
          .as('wait_ms'),
      ];
    })
    .where('line', '=', line)
    .where('queued_at', '>=', period.start)
    .where('queued_at', '<', period.end)
    .executeTakeFirstOrThrow()) as Totals;
  // PostgreSQL answers sums and counts of bigints as strings; SQLite as numbers; an empty period sums to null.
  const n = (v: number | string | bigint | null) => Number(v ?? 0);
  return {
    offered: n(row.offered),
    answeredDirectly: n(row.direct),
    callbacks: n(row.callbacks),
    abandoned: n(row.abandoned),
    waitMs: n(row.wait_ms),
  };
}

/**
 * The support KPIs of a line per calendar month or per ISO week (Europe/Oslo), each against the agreement. E-mails and
 * unanswered ones are judged at the clock's now; self-service cases by their stored `support-portal-reply` clock.
 */
export async function supportKpis(ctx: ServiceContext, input: SupportKpisInput): Promise<SupportPeriodKpis[]> {
  authorize(ctx.actor, 'support.read');
  const data = parseInput(supportKpisInput, input, ctx);
  const from = parseMonthKey(data.from);
  const to = parseMonthKey(data.to ?? data.from);
  if (!from || !to) throw AppError.field('from', monthMessage);
  const months = (to.year - from.year) * 12 + to.month - from.month + 1;
  if (months < 1) throw AppError.field('to', 'must not be before from');
  if (months > maxMonths) throw AppError.field('to', `at most ${maxMonths} months from from`);
  const periods = periodsBetween(data.period, from, to);
  const start = (periods[0] as Period).start;
  const end = (periods[periods.length - 1] as Period).end;
  const now = ctx.clock.now();
  const calendar = ctx.calendars.get(data.line);
  if (!calendar) throw new AppError('unavailable', `the calendar ${data.line} is not configured`);

  const [emails, clocks] = await Promise.all([
    ctx.db
      .selectFrom('support_emails')
      .select(['received_at', 'first_answer_at'])
      .where('line', '=', data.line)
      .where('received_at', '>=', start)
      .where('received_at', '<', end)
      .execute(),
    ctx.db
      .selectFrom('case_clocks')
      .innerJoin('cases', 'cases.id', 'case_clocks.case_id')
      .selectAll('case_clocks')
      .select('cases.registered_at')
      .where('case_clocks.policy_id', '=', 'support-portal-reply')
      .where('cases.kind', '=', 'support-request')
      .where('cases.registered_at', '>=', start)
      .where('cases.registered_at', '<', end)
      .execute(),
  ]);
  const emailBuckets = bucketByPeriod(periods, emails, (e) => e.received_at);
  const clockBuckets = bucketByPeriod(periods, clocks, (c) => c.registered_at);
  const result: SupportPeriodKpis[] = [];
  for (const [i, period] of periods.entries()) {
    const phone = phoneFiguresFromTotals(await phoneTotalsOf(ctx, data.line, period));
    const email = emailFigures(
      (emailBuckets[i] ?? []).map((e) => ({ receivedAt: e.received_at, firstAnswerAt: e.first_answer_at })),
      calendar,
      now,
    );
    const selfService = selfServiceFigures(
      (clockBuckets[i] ?? []).map((c) => ({
        registeredAt: c.registered_at,
        state: stateAt(snapshotFromRow(c) satisfies ClockSnapshot, now),
      })),
    );
    result.push(periodKpis(period, data.line, phone, email, selfService));
  }
  return result;
}
