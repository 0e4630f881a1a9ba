// `niva calendar|sla|notice`: the calculators of the scripts contract, loaded when one of them runs.
import { formatInstant } from '../../../platform/domain/calendar/iso-instant.ts';
import { policyDue } from '../../../platform/domain/sla/clocks.ts';
import { checkNotice } from '../../../platform/domain/sla/notice-check.ts';
import {
  type ClockPolicy,
  type ExemptionPolicy,
  findPolicy,
  type NoticePolicy,
  type Policy,
} from '../../../platform/domain/sla/policies.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { instantArg, type NumberFault, numberOption } from '../../../platform/cli/args.ts';

/** A policy id that exists and is of the kind the command needs; otherwise a usage error naming --policy. */
function policyArg<P extends Policy>(id: string, fits: (p: Policy) => p is P, otherwise: string): P {
  const policy = findPolicy(id);
  if (!policy) throw new UsageError(`--policy: unknown policy ${id}`);
  if (!fits(policy)) throw new UsageError(`--policy: ${id} ${otherwise} (kind: ${policy.kind})`);
  return policy;
}

const amountFaults: Record<NumberFault, string> = {
  'not a number': 'not a number',
  'out of range': 'must not be negative',
  'not whole': 'must be a whole number',
};

/** An amount of hours or (`whole`) business days: a number of 0 or more. */
function amountArg(name: string, value: string, whole: boolean): number {
  return numberOption(name, value, { min: 0, fractions: !whole }, (fault) => `${amountFaults[fault]}: ${value}`);
}

export async function calendarDue(
  run: CliRun,
  opts: { calendar: string; start: string; hours?: string; businessDays?: string; json?: boolean },
): Promise<void> {
  if ((opts.hours === undefined) === (opts.businessDays === undefined))
    throw new UsageError('--hours or --business-days: give exactly one');
  const cal = await run.calendar(opts.calendar);
  const start = instantArg('--start', opts.start);
  const due =
    opts.hours !== undefined
      ? cal.addOpenTime(start, Math.round(amountArg('--hours', opts.hours, false) * 3_600_000))
      : cal.businessDaysAfter(start, amountArg('--business-days', opts.businessDays ?? '', true));
  const text = formatInstant(due);
  run.print(!!opts.json, { due: text }, text);
}

export async function calendarElapsed(
  run: CliRun,
  opts: { calendar: string; from: string; to: string; json?: boolean },
): Promise<void> {
  const cal = await run.calendar(opts.calendar);
  const from = instantArg('--from', opts.from);
  const to = instantArg('--to', opts.to);
  if (to < from) throw new UsageError('--to: must not be before --from');
  const seconds = Math.floor(cal.openTimeBetween(from, to) / 1000);
  run.print(!!opts.json, { seconds }, String(seconds));
}

export async function slaDue(run: CliRun, opts: { policy: string; registered: string; json?: boolean }): Promise<void> {
  const policy = policyArg(opts.policy, (p): p is ClockPolicy => p.kind === 'clock', 'has no deadline of its own');
  const registered = instantArg('--registered', opts.registered);
  const calendar = await run.calendar(policy.calendar);
  const text = formatInstant(policyDue(policy, calendar, registered));
  run.print(!!opts.json, { due: text }, text);
}

export async function noticeCheck(
  run: CliRun,
  opts: { policy: string; announced: string; start: string; json?: boolean },
): Promise<void> {
  const policy = policyArg(
    opts.policy,
    (p): p is NoticePolicy | ExemptionPolicy => p.kind === 'notice' || p.kind === 'exemption',
    'is not a notice rule',
  );
  const announced = instantArg('--announced', opts.announced);
  const start = instantArg('--start', opts.start);
  const result = checkNotice(policy, await run.calendarLookup(), announced, start);
  const latest = formatInstant(result.latest);
  run.print(!!opts.json, { ok: result.ok, latest }, `${result.ok ? 'in time' : 'too late'}; latest ${latest}`);
}
