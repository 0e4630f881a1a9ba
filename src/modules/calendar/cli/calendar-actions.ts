// `niva calendar|sla|notice`: the calculators of the scripts contract, loaded when one of them runs.
import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import { formatInstant, parseInstant } from '../../../platform/domain/calendar/iso-instant.ts';
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

export function instantArg(name: string, value: string): number {
  const instant = parseInstant(value);
  if (instant === null)
    throw new UsageError(`${name}: not an ISO 8601 instant (e.g. 2026-03-30T08:45:00+02:00): ${value}`);
  return instant;
}

/** A policy id that exists and is of the kind the command needs; otherwise a usage error naming --policy. */
function policyArg<P extends Policy>(id: string, fits: (p: Policy) => p is P, otherwise: string): P {
  const policy = findPolicy(id);
  if (!policy) throw new UsageError(`--policy: unknown policy ${id}`);
  if (!fits(policy)) throw new UsageError(`--policy: ${id} ${otherwise} (kind: ${policy.kind})`);
  return policy;
}

/** Looks calendars up by id, naming --calendar and the known ids when one is unknown. */
export async function calendarLookup(run: CliRun): Promise<(id: string) => Calendar> {
  const registry = await run.calendars();
  return (id) => {
    const calendar = registry.get(id);
    if (!calendar) throw new UsageError(`--calendar: unknown calendar ${id} (known: ${registry.ids().join(', ')})`);
    return calendar;
  };
}

function numberArg(name: string, value: string, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${name}: not a number: ${value}`);
  if (n < 0) throw new UsageError(`${name}: must not be negative: ${value}`);
  if (integer && !Number.isInteger(n)) throw new UsageError(`${name}: must be a whole number: ${value}`);
  return n;
}

export async function calendarDue(
  run: CliRun,
  opts: { calendar: string; start: string; hours?: string; businessDays?: string; json?: boolean },
): Promise<void> {
  if ((opts.hours === undefined) === (opts.businessDays === undefined))
    throw new UsageError('--hours or --business-days: give exactly one');
  const cal = (await calendarLookup(run))(opts.calendar);
  const start = instantArg('--start', opts.start);
  const due =
    opts.hours !== undefined
      ? cal.addOpenTime(start, Math.round(numberArg('--hours', opts.hours, false) * 3_600_000))
      : cal.businessDaysAfter(start, numberArg('--business-days', opts.businessDays ?? '', true));
  const text = formatInstant(due);
  run.print(!!opts.json, { due: text }, text);
}

export async function calendarElapsed(
  run: CliRun,
  opts: { calendar: string; from: string; to: string; json?: boolean },
): Promise<void> {
  const cal = (await calendarLookup(run))(opts.calendar);
  const from = instantArg('--from', opts.from);
  const to = instantArg('--to', opts.to);
  if (to < from) throw new UsageError('--to: must not be before --from');
  const seconds = Math.floor(cal.openTimeBetween(from, to) / 1000);
  run.print(!!opts.json, { seconds }, String(seconds));
}

export async function slaDue(run: CliRun, opts: { policy: string; registered: string; json?: boolean }): Promise<void> {
  const policy = policyArg(opts.policy, (p): p is ClockPolicy => p.kind === 'clock', 'has no deadline of its own');
  const registered = instantArg('--registered', opts.registered);
  const calendar = (await calendarLookup(run))(policy.calendar);
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
  const result = checkNotice(policy, await calendarLookup(run), announced, start);
  const latest = formatInstant(result.latest);
  run.print(!!opts.json, { ok: result.ok, latest }, `${result.ok ? 'in time' : 'too late'}; latest ${latest}`);
}
