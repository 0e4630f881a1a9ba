import type { Command } from 'commander';
import type { Calendar } from '../domain/calendar/calendar.ts';
import { calendarRegistryFrom } from '../calendar-config.ts';
import { loadConfig } from '../config.ts';
import type { CalendarRegistry } from '../domain/calendar/calendar-registry.ts';
import { formatInstant, parseInstant } from '../domain/calendar/iso-instant.ts';
import { policyDue } from '../domain/sla/clocks.ts';
import { checkNotice } from '../domain/sla/notice-check.ts';
import {
  type ClockPolicy,
  type ExemptionPolicy,
  findPolicy,
  type NoticePolicy,
  policies,
  type Policy,
} from '../domain/sla/policies.ts';
import { print, UsageError } from './output.ts';

export function instantArg(name: string, value: string): number {
  const instant = parseInstant(value);
  if (instant === null)
    throw new UsageError(`${name}: not an ISO 8601 instant (e.g. 2026-03-30T08:45:00+02:00): ${value}`);
  return instant;
}

let registry: CalendarRegistry | null = null;

/** The built-in calendars plus those of NIVA_CALENDARS_FILE, read once per process; a bad file is a ConfigError (exit 2). */
export function calendars(): CalendarRegistry {
  registry ??= calendarRegistryFrom(loadConfig().calendarsFile);
  return registry;
}

/** A policy id that exists and is of the kind the command needs; otherwise a usage error naming --policy. */
function policyArg<P extends Policy>(id: string, fits: (p: Policy) => p is P, otherwise: string): P {
  const policy = findPolicy(id);
  if (!policy) throw new UsageError(`--policy: unknown policy ${id}`);
  if (!fits(policy)) throw new UsageError(`--policy: ${id} ${otherwise} (kind: ${policy.kind})`);
  return policy;
}

export function calendarArg(id: string): Calendar {
  const calendar = calendars().get(id);
  if (!calendar) throw new UsageError(`--calendar: unknown calendar ${id} (known: ${calendars().ids().join(', ')})`);
  return calendar;
}

function numberArg(name: string, value: string, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${name}: not a number: ${value}`);
  if (n < 0) throw new UsageError(`${name}: must not be negative: ${value}`);
  if (integer && !Number.isInteger(n)) throw new UsageError(`${name}: must be a whole number: ${value}`);
  return n;
}

export function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('business-calendar arithmetic');
  calendar
    .command('due')
    .description('when N hours of open time, or N business days, have passed after a start')
    .requiredOption(
      '--calendar <id>',
      'always, business-days, servicedesk, brukerservice, studio-hours, or one declared in NIVA_CALENDARS_FILE',
    )
    .requiredOption('--start <iso>', 'start instant, ISO 8601')
    .option('--hours <h>', 'hours of open time (decimals allowed)')
    .option('--business-days <n>', 'business days after the day of the start, ending at closing')
    .option('--json', 'machine-readable output')
    .action((opts: { calendar: string; start: string; hours?: string; businessDays?: string; json?: boolean }) => {
      if ((opts.hours === undefined) === (opts.businessDays === undefined))
        throw new UsageError('--hours or --business-days: give exactly one');
      const cal = calendarArg(opts.calendar);
      const start = instantArg('--start', opts.start);
      const due =
        opts.hours !== undefined
          ? cal.addOpenTime(start, Math.round(numberArg('--hours', opts.hours, false) * 3_600_000))
          : cal.businessDaysAfter(start, numberArg('--business-days', opts.businessDays ?? '', true));
      const text = formatInstant(due);
      print(!!opts.json, { due: text }, text);
    });
  calendar
    .command('elapsed')
    .description('open time between two instants, in seconds')
    .requiredOption('--calendar <id>', 'calendar id')
    .requiredOption('--from <iso>', 'from instant, ISO 8601')
    .requiredOption('--to <iso>', 'to instant, ISO 8601')
    .option('--json', 'machine-readable output')
    .action((opts: { calendar: string; from: string; to: string; json?: boolean }) => {
      const cal = calendarArg(opts.calendar);
      const from = instantArg('--from', opts.from);
      const to = instantArg('--to', opts.to);
      if (to < from) throw new UsageError('--to: must not be before --from');
      const seconds = Math.floor(cal.openTimeBetween(from, to) / 1000);
      print(!!opts.json, { seconds }, String(seconds));
    });

  program
    .command('sla')
    .description('contract deadlines')
    .command('due')
    .description('the deadline of a clock policy for a case registered at an instant')
    .requiredOption(
      '--policy <id>',
      `one of ${policies
        .filter((p) => p.kind === 'clock')
        .map((p) => p.id)
        .join(', ')}`,
    )
    .requiredOption('--registered <iso>', 'registration instant, ISO 8601')
    .option('--json', 'machine-readable output')
    .action((opts: { policy: string; registered: string; json?: boolean }) => {
      const policy = policyArg(opts.policy, (p): p is ClockPolicy => p.kind === 'clock', 'has no deadline of its own');
      const registered = instantArg('--registered', opts.registered);
      const text = formatInstant(policyDue(policy, calendarArg(policy.calendar), registered));
      print(!!opts.json, { due: text }, text);
    });

  program
    .command('notice')
    .description('announcement lead times')
    .command('check')
    .description('whether an announcement was in time for a start, and the latest moment it could be made')
    .requiredOption('--policy <id>', 'maintenance-notice, change-notice, major-change-notice or emergency-change')
    .requiredOption('--announced <iso>', 'announcement instant, ISO 8601')
    .requiredOption('--start <iso>', 'start of the maintenance or change, ISO 8601')
    .option('--json', 'machine-readable output')
    .action((opts: { policy: string; announced: string; start: string; json?: boolean }) => {
      const policy = policyArg(
        opts.policy,
        (p): p is NoticePolicy | ExemptionPolicy => p.kind === 'notice' || p.kind === 'exemption',
        'is not a notice rule',
      );
      const announced = instantArg('--announced', opts.announced);
      const start = instantArg('--start', opts.start);
      const result = checkNotice(policy, calendarArg, announced, start);
      const latest = formatInstant(result.latest);
      print(!!opts.json, { ok: result.ok, latest }, `${result.ok ? 'in time' : 'too late'}; latest ${latest}`);
    });
}
