// `niva availability`: from the database or from interval files, loaded when it runs.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  displayPercent,
  maintenanceKinds,
  type Maintenance,
  monthlyAvailability,
  type MonthProgress,
  type Outage,
  outageSeverities,
} from '../domain/monthly-availability.ts';
import { formatInstant, parseInstant } from '../../../platform/domain/calendar/iso-instant.ts';
import { systemClock } from '../../../platform/domain/clock.ts';
import { computeComponentAvailability } from '../services/compute-component-availability.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { instantArg, monthArg } from '../../../platform/cli/args.ts';

const instant = z.string().transform((text, ctx) => {
  const at = parseInstant(text);
  if (at === null) {
    ctx.addIssue({ code: 'custom', message: `not an ISO 8601 instant: ${text}` });
    return z.NEVER;
  }
  return at;
});

const ordered = <T extends { start: number; end: number }>(i: T, ctx: z.RefinementCtx) => {
  if (i.end < i.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'is before start' });
};

const outagesFile = z.array(
  z.object({ start: instant, end: instant, severity: z.enum(outageSeverities).optional() }).superRefine(ordered),
);
const maintenanceFile = z.array(
  z.object({ start: instant, end: instant, announced: instant, kind: z.enum(maintenanceKinds) }).superRefine(ordered),
);

/** Reads a JSON file of intervals; any problem is one line naming the file and the entry (`FILE: [2].end: is before start`). */
function readIntervals<S extends z.ZodType>(option: string, file: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const reason =
      error instanceof SyntaxError
        ? `not JSON (${error.message})`
        : error instanceof Error && 'code' in error
          ? `cannot read (${String(error.code)})`
          : 'cannot read';
    throw new UsageError(`${option} ${file}: ${reason}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue?.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '') || '(root)';
    throw new UsageError(`${option} ${file}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const seconds = (ms: number) => Math.round(ms / 1000);
const percent = (availability: number | null) => (availability === null ? '—' : `${displayPercent(availability)} %`);

export interface AvailabilityOptions {
  calendar?: string;
  component?: string;
  month: string;
  outages?: string;
  maintenance?: string;
  at?: string;
  json?: boolean;
}

interface Coverage {
  progress: MonthProgress;
  throughMs: number;
  projection: { availability: number | null; operatingMs: number; downtimeMs: number } | null;
}

/** How much of the month the figure covers, and the projection where there is one, for the JSON output. */
function coverage(c: Coverage) {
  return {
    progress: c.progress,
    through: formatInstant(c.throughMs),
    projection:
      c.projection === null
        ? null
        : {
            availability: c.projection.availability,
            operatingSeconds: seconds(c.projection.operatingMs),
            downtimeSeconds: seconds(c.projection.downtimeMs),
          },
  };
}

/** The lines that say a figure is only the month so far, or that the month has not begun. */
function coverageLines(c: Coverage): string[] {
  if (c.progress === 'not-started') return ['the month has not begun: no figure yet'];
  if (c.progress === 'complete') return [];
  return [
    `so far: counted up to ${formatInstant(c.throughMs)}; the rest of the month is neither up nor down yet`,
    ...(c.projection === null
      ? []
      : [
          `projection, if the published work ahead happens and nothing else goes down: ${percent(c.projection.availability)} for the whole month (not a verdict on the target)`,
        ]),
  ];
}

/** The file form: a bare service window and interval files, no database (the scripts contract). */
async function fromFiles(run: CliRun, opts: AvailabilityOptions & { calendar: string }): Promise<void> {
  const window = await run.calendar(opts.calendar);
  const { year, month } = monthArg('--month', opts.month);
  const outages: Outage[] = opts.outages ? readIntervals('--outages', opts.outages, outagesFile) : [];
  const maintenance: Maintenance[] = opts.maintenance
    ? readIntervals('--maintenance', opts.maintenance, maintenanceFile)
    : [];
  const r = monthlyAvailability({
    window,
    calendars: await run.calendarLookup(),
    year,
    month,
    now: opts.at === undefined ? systemClock.now() : instantArg('--at', opts.at),
    outages,
    maintenance,
  });
  const result = {
    availability: r.availability,
    scheduledSeconds: seconds(r.scheduledMs),
    operatingSeconds: seconds(r.operatingMs),
    downtimeSeconds: seconds(r.downtimeMs),
    unknownSeconds: seconds(r.unknownMs),
    ...coverage(r),
  };
  const late = r.maintenance.filter((v) => !v.inTime).length;
  const human = [
    `availability ${percent(r.availability)} (${opts.month}, ${opts.calendar})`,
    `scheduled ${result.scheduledSeconds} s, operating ${result.operatingSeconds} s, downtime ${result.downtimeSeconds} s, unknown ${result.unknownSeconds} s`,
    ...coverageLines(r),
    ...(late > 0 ? [`${late} maintenance window(s) announced too late: counted as downtime once they happen`] : []),
  ].join('\n');
  run.print(!!opts.json, result, human);
}

/** The stored form: a component's recorded outages and published work (or its frozen figure for a closed month). */
async function fromDatabase(run: CliRun, opts: AvailabilityOptions & { component: string }): Promise<void> {
  monthArg('--month', opts.month);
  const figure = await run.withStore(async (store) =>
    computeComponentAvailability(await run.context(store), { componentId: opts.component, month: opts.month }),
  );
  const result = {
    availability: figure.availability,
    scheduledSeconds: seconds(figure.scheduledMs),
    operatingSeconds: seconds(figure.operatingMs),
    downtimeSeconds: seconds(figure.downtimeMs),
    unknownSeconds: seconds(figure.unknownMs),
    ...coverage(figure),
  };
  const target = `target ${(figure.targetBasisPoints / 100).toFixed(2)} %`;
  const verdict =
    figure.progress === 'not-started'
      ? target
      : `${target} ${figure.meetsTarget ? 'met' : 'not met'}${figure.progress === 'to-date' ? ' so far' : ''}`;
  const human = [
    `availability ${figure.rounded === null ? '—' : `${figure.rounded} %`} (${opts.month}, ${figure.componentCode}${figure.frozen ? ', frozen' : ''}); ${verdict}`,
    `scheduled ${result.scheduledSeconds} s, operating ${result.operatingSeconds} s, downtime ${result.downtimeSeconds} s, unknown ${result.unknownSeconds} s`,
    ...coverageLines(figure),
  ].join('\n');
  run.print(!!opts.json, result, human);
}

export async function availability(run: CliRun, opts: AvailabilityOptions): Promise<void> {
  const { calendar, component } = opts;
  if (calendar !== undefined && component !== undefined)
    throw new UsageError('--calendar and --component: give one of them, not both');
  if (component !== undefined) {
    if (opts.outages !== undefined || opts.maintenance !== undefined)
      throw new UsageError(
        `${opts.outages !== undefined ? '--outages' : '--maintenance'}: only with --calendar; --component reads the recorded outages and maintenance`,
      );
    if (opts.at !== undefined)
      throw new UsageError('--at: only with --calendar; --component counts the recorded month up to now');
    await fromDatabase(run, { ...opts, component });
    return;
  }
  if (calendar === undefined) throw new UsageError('--calendar or --component: give one of them');
  await fromFiles(run, { ...opts, calendar });
}
