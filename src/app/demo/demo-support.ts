import { readFileSync } from 'node:fs';
import type { Calendar } from '../../platform/domain/calendar/calendar.ts';
import { phoneFiguresFromTotals } from '../../modules/support/domain/support-kpis.ts';
import { monthPeriod, supportZone } from '../../modules/support/domain/support-periods.ts';
import { parseMonthKey } from '../../platform/domain/month-key.ts';
import { instantToLocal, localToInstant } from '../../platform/domain/calendar/time-zone.ts';
import type { ServiceContext } from '../../platform/services/context.ts';
import { importSupportCalls } from '../../modules/support/services/import-support-calls.ts';
import { importSupportEmails } from '../../modules/support/services/import-support-emails.ts';
import type { CallRecordInput, EmailRecordInput } from '../../modules/support/services/support-records.ts';
import { mulberry32 } from './seeded-random.ts';
import { projectFile } from '../../platform/project-root.ts';

/** The end-user support's published figures (the monthly service report), which the demo's logs reproduce. */
export const supportReportCsv = projectFile('demo/figures/abs-service-report.csv');

export interface SupportReportFigures {
  month: string;
  meanWaitSeconds: number;
  answerRatePercent: number;
  callbacks: number;
  emails: number;
}

export function readSupportReportFigures(): SupportReportFigures[] {
  const [header = '', ...lines] = readFileSync(supportReportCsv, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const columns = header.split(',');
  const col = (fields: string[], name: string) => Number(fields[columns.indexOf(name)]);
  return lines.map((line) => {
    const fields = line.split(',');
    return {
      month: fields[0] ?? '',
      meanWaitSeconds: col(fields, 'avg_phone_wait_seconds'),
      answerRatePercent: col(fields, 'phone_answer_rate_percent'),
      callbacks: col(fields, 'calls_with_callback'),
      emails: col(fields, 'emails'),
    };
  });
}

const minute = 60_000;
const hour = 60 * minute;

/** The open ranges (one a day for brukerservice) of a calendar within [start, end). */
function openDays(calendar: Calendar, start: number, end: number): [number, number][] {
  const days: [number, number][] = [];
  for (let t = start; t < end;) {
    const open = calendar.nextOpening(t);
    if (open >= end) break;
    // The day's open time is one range, so its length gives the closing.
    const local = instantToLocal(supportZone, open);
    const nextMidnight = localToInstant(supportZone, local - (local % (24 * hour)) + 24 * hour);
    const close = open + calendar.openTimeBetween(open, Math.min(nextMidnight, end));
    days.push([open, close]);
    t = close + 1;
  }
  return days;
}

/**
 * Calls answered directly, with callback and abandoned, whose shown answer rate is exactly `percent`: the published
 * rate is a whole percent rounded half up, so the nearest count is nudged until it rounds to it.
 */
export function directCallsFor(percent: number, notDirect: number): number {
  let direct = Math.round((percent * notDirect) / (100 - percent));
  const shown = (d: number) =>
    phoneFiguresFromTotals({ offered: d + notDirect, answeredDirectly: d, callbacks: 0, abandoned: 0, waitMs: 0 })
      .answerRatePercentShown;
  while ((shown(direct) ?? 0) < percent) direct += 1;
  while ((shown(direct) ?? 0) > percent) direct -= 1;
  return direct;
}

/** `count` waits (ms) between 5 s and 30 min whose sum is exactly `count × meanMs`, so the mean is exact. */
function waitsWithMean(random: () => number, count: number, meanMs: number): number[] {
  const floor = 5_000;
  const weights = Array.from({ length: count }, () => -Math.log(1 - random() * 0.998));
  const total = weights.reduce((s, w) => s + w, 0);
  const spread = count * (meanMs - floor);
  const waits = weights.map((w) => floor + Math.floor((w / total) * spread));
  let rest = count * meanMs - waits.reduce((s, w) => s + w, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest -= 1) waits[i] = (waits[i] as number) + 1;
  return waits;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One month of brukerservice calls and e-mails reproducing the published figures; all queue times in opening hours. */
export function demoSupportMonth(
  figures: SupportReportFigures,
  calendar: Calendar,
  now: number,
): { calls: CallRecordInput[]; emails: EmailRecordInput[] } {
  const parsed = parseMonthKey(figures.month);
  if (!parsed) throw new Error(`not a month: ${figures.month}`);
  const { start, end } = monthPeriod(parsed.year, parsed.month);
  const random = mulberry32(parsed.year * 100 + parsed.month);
  const days = openDays(calendar, start, end);
  const abandoned = Math.round(figures.callbacks * 0.08);
  const direct = directCallsFor(figures.answerRatePercent, figures.callbacks + abandoned);
  const waits = waitsWithMean(random, direct, figures.meanWaitSeconds * 1000);
  const calls: CallRecordInput[] = [];
  const id = (kind: string, n: number) => `demo-${figures.month}-${kind}${String(n).padStart(6, '0')}`;
  const queuedIn = ([open, close]: [number, number], room: number) =>
    open + Math.floor(random() * Math.max(1, close - open - room));
  for (const [i, wait] of waits.entries()) {
    const queuedAt = queuedIn(pick(random, days), wait);
    calls.push({ line: 'brukerservice', externalId: id('c', i), queuedAt, answeredAt: queuedAt + wait });
  }
  for (let i = 0; i < figures.callbacks; i += 1) {
    const queuedAt = queuedIn(pick(random, days), 0);
    calls.push({
      line: 'brukerservice',
      externalId: id('b', i),
      queuedAt,
      answeredAt: Math.min(now, calendar.addOpenTime(queuedAt, Math.round((10 + random() * 110) * minute))),
      callback: true,
    });
  }
  for (let i = 0; i < abandoned; i += 1)
    calls.push({
      line: 'brukerservice',
      externalId: id('a', i),
      queuedAt: queuedIn(pick(random, days), 0),
      abandoned: true,
    });

  const emails: EmailRecordInput[] = [];
  for (let i = 0; i < figures.emails; i += 1) {
    // Mail arrives at any hour; about one in twelve waits longer than the 8 open hours of 4.3.
    const receivedAt = start + Math.floor(random() * (end - start));
    const openHours = random() < 0.92 ? 0.2 + random() * 7.5 : 8.5 + random() * 8;
    const answer = calendar.addOpenTime(receivedAt, Math.round(openHours * hour));
    emails.push({
      line: 'brukerservice',
      externalId: id('e', i),
      receivedAt,
      firstAnswerAt: answer <= now ? answer : null,
    });
  }
  return { calls, emails };
}

/** Imports the generated logs of every published month that is over at the seed's clock (one audited import each). */
export async function seedDemoSupport(ctx: ServiceContext): Promise<void> {
  const calendar = ctx.calendars.get('brukerservice');
  if (!calendar) throw new Error('the brukerservice calendar is not configured');
  const now = ctx.clock.now();
  for (const figures of readSupportReportFigures()) {
    const parsed = parseMonthKey(figures.month);
    if (!parsed || monthPeriod(parsed.year, parsed.month).end > now) continue;
    const { calls, emails } = demoSupportMonth(figures, calendar, now);
    await importSupportCalls(ctx, calls, { source: `demo ${figures.month}` });
    await importSupportEmails(ctx, emails, { source: `demo ${figures.month}` });
  }
}
