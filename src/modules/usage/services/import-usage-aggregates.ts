import { z } from 'zod';
import { metricIdPattern } from '../domain/metric-catalogue.ts';
import {
  type AggregateFigure,
  type AggregateProblem,
  type AggregateShape,
  duplicateFigures,
  readAggregateSheet,
} from '../domain/usage-aggregate-rows.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { monthProblem } from '../../../platform/domain/month-key.ts';
import { readUsageFile } from './usage-import-file.ts';
import { builtInCatalogue, metricIds, type UsageCatalogue } from './usage-settings.ts';
import { nameText } from '../../../platform/validation/text.ts';

export const importUsageAggregatesInput = z.object({
  /** The file's name: its extension picks the reader, and it is recorded as the figures' source. */
  fileName: nameText().trim().min(1).max(255),
  content: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'the file content as bytes'),
  /** The metric of a wide table (CSV, or a workbook with one sheet not named by metric). */
  metric: z.string().regex(metricIdPattern, 'a metric id (snake_case)').optional(),
  /** Organisation code of the owner of every figure of a wide table, and of long rows without an owner. */
  owner: z.string().trim().min(1).max(100).optional(),
  /** Check everything, write nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportUsageAggregatesInput = z.input<typeof importUsageAggregatesInput>;

export interface UsageImportReport {
  file: string;
  /** The shape of the file's tables; null when no table had a header. */
  shape: AggregateShape | null;
  dryRun: boolean;
  /** Data rows read (headers and blank rows not counted). */
  rows: number;
  /** Monthly figures written (or, in a dry run or with errors, that would have been): 0 when there are errors. */
  imported: number;
  /** Of those, figures that replaced a previously imported count of the same key. */
  replaced: number;
  /** Months touched (`YYYY-MM`) and metrics, sorted. */
  months: string[];
  metrics: string[];
  /** Every problem found; a file with any imports nothing. */
  errors: AggregateProblem[];
}

interface ResolvedFigure extends AggregateFigure {
  ownerId: string;
  serviceId: string;
}

const chunk = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}

/** Owner codes and service resource ids of the figures, looked up once each; problems name the row's own cell. */
async function resolveReferences(
  trx: Tx,
  figures: readonly AggregateFigure[],
  problems: AggregateProblem[],
): Promise<ResolvedFigure[]> {
  const codes = [...new Set(figures.map((f) => f.ownerCode).filter((c): c is string => c !== null))];
  const resources = [...new Set(figures.map((f) => f.resourceId).filter((r): r is string => r !== null))];
  const owners = new Map<string, { id: string; kind: string }>();
  for (const part of chunks(codes))
    for (const o of await trx
      .selectFrom('organisations')
      .select(['id', 'code', 'kind'])
      .where('code', 'in', part)
      .execute())
      owners.set(o.code, o);
  const services = new Map<string, { id: string; organisation_id: string }>();
  for (const part of chunks(resources))
    for (const s of await trx
      .selectFrom('services')
      .select(['id', 'resource_id', 'organisation_id'])
      .where('resource_id', 'in', part)
      .execute())
      services.set(s.resource_id, s);

  const resolved: ResolvedFigure[] = [];
  const reported = new Set<string>();
  const report = (f: AggregateFigure, column: string | null, text: string) => {
    // A wide row repeats its owner in every month; one problem per row and cause is enough.
    const key = `${f.sheet ?? ''}\u0000${f.line}\u0000${text}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ sheet: f.sheet, row: f.line, column, problem: text });
  };
  for (const f of figures) {
    let ownerId = '';
    if (f.ownerCode !== null) {
      const owner = owners.get(f.ownerCode);
      if (!owner) {
        report(f, f.ownerColumn, `unknown organisation ${f.ownerCode}`);
        continue;
      }
      if (owner.kind !== 'owner') {
        report(f, f.ownerColumn, `${f.ownerCode} is not a service owner`);
        continue;
      }
      ownerId = owner.id;
    }
    let serviceId = '';
    if (f.resourceId !== null) {
      const service = services.get(f.resourceId);
      if (!service) {
        report(f, f.serviceColumn, `unknown service ${f.resourceId}`);
        continue;
      }
      if (ownerId !== '' && service.organisation_id !== ownerId) {
        report(f, f.serviceColumn, `${f.resourceId} is not a service of ${f.ownerCode ?? ''}`);
        continue;
      }
      // A service names its owner; a figure for it without one is still that owner's.
      ownerId = service.organisation_id;
      serviceId = service.id;
    }
    resolved.push({ ...f, ownerId, serviceId });
  }
  return resolved;
}

/** Figures for a month before the earliest date accepted or after next month: a typo, not a figure to keep. */
function implausibleMonths(
  figures: readonly AggregateFigure[],
  bounds: { earliest: number; now: number },
): AggregateProblem[] {
  const problems: AggregateProblem[] = [];
  for (const f of figures) {
    const problem = monthProblem(f.month, bounds, 1);
    if (problem !== null)
      problems.push({ sheet: f.sheet, row: f.line, column: f.column, problem: `${f.month} ${problem}` });
  }
  return problems;
}

/** Figures that fall in a closed month: those change only through an audited adjustment, never by a new import. */
async function closedMonthProblems(trx: Tx, figures: readonly AggregateFigure[]): Promise<AggregateProblem[]> {
  const months = [...new Set(figures.map((f) => f.month))];
  const closed = new Set<string>();
  for (const part of chunks(months))
    for (const c of await trx.selectFrom('usage_month_closures').select('month').where('month', 'in', part).execute())
      closed.add(c.month);
  return figures
    .filter((f) => closed.has(f.month))
    .map((f) => ({
      sheet: f.sheet,
      row: f.line,
      column: f.column,
      problem: `${f.month} is closed; a closed month changes only through an adjustment`,
    }));
}

async function existingKeys(trx: Tx, figures: readonly ResolvedFigure[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const metrics = [...new Set(figures.map((f) => f.metric))];
  const months = [...new Set(figures.map((f) => f.month))];
  for (const part of chunks(months)) {
    const rows = await trx
      .selectFrom('usage_monthly_imports')
      .select(['metric', 'month', 'owner_id', 'service_id'])
      .where('metric', 'in', metrics)
      .where('month', 'in', part)
      .execute();
    for (const r of rows) keys.add([r.metric, r.month, r.owner_id, r.service_id].join('\u0000'));
  }
  return keys;
}

function sortProblems(problems: AggregateProblem[], sheetOrder: readonly (string | null)[]): AggregateProblem[] {
  return problems.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
}

/**
 * Imports monthly usage figures from a CSV or XLSX file into `usage_monthly_imports`. A figure replaces the count of
 * the same metric, month, owner and service (so a file can be imported again); a file with any problem imports
 * nothing and reports every problem by row and column. One audit event records the import, in its transaction.
 */
export async function importUsageAggregates(
  ctx: ServiceContext,
  input: ImportUsageAggregatesInput,
  options: { catalogue?: UsageCatalogue } = {},
): Promise<UsageImportReport> {
  authorize(ctx.actor, 'usage.manage');
  const data = parseInput(importUsageAggregatesInput, input, ctx);
  const metrics = metricIds(options.catalogue ?? builtInCatalogue);
  if (data.metric !== undefined && !metrics.has(data.metric))
    throw AppError.field('metric', `unknown metric ${data.metric} (known: ${[...metrics].join(', ')})`);
  const { kind, sheets } = await readUsageFile(data.fileName, data.content);
  if (kind === 'xlsx' && data.metric !== undefined && sheets.length > 1)
    throw AppError.field(
      'metric',
      'a workbook with several sheets names each sheet by its metric; leave out the metric',
    );

  return inTransaction(ctx, async (trx) => {
    if (data.owner !== undefined) {
      const owner = await trx
        .selectFrom('organisations')
        .select(['kind'])
        .where('code', '=', data.owner)
        .executeTakeFirst();
      if (owner?.kind !== 'owner')
        throw AppError.field(
          'owner',
          owner ? `${data.owner} is not a service owner` : `unknown organisation ${data.owner}`,
        );
    }
    const problems: AggregateProblem[] = [];
    const figures: AggregateFigure[] = [];
    let rows = 0;
    let shape: AggregateShape | null = null;
    for (const sheet of sheets) {
      const reading = readAggregateSheet(sheet, {
        metric: data.metric ?? null,
        ownerCode: data.owner ?? null,
        metrics,
      });
      rows += reading.rows;
      shape ??= reading.shape;
      problems.push(...reading.problems);
      figures.push(...reading.figures);
    }
    // No table had even a header row.
    if (shape === null && problems.length === 0)
      problems.push({ sheet: null, row: 1, column: null, problem: 'the file is empty' });
    problems.push(...implausibleMonths(figures, { earliest: ctx.limits.earliest, now: ctx.clock.now() }));
    problems.push(...duplicateFigures(figures));
    const resolved = await resolveReferences(trx, figures, problems);
    problems.push(...(await closedMonthProblems(trx, resolved)));

    const months = [...new Set(resolved.map((f) => f.month))].sort();
    const metricList = [...new Set(resolved.map((f) => f.metric))].sort();
    const report: UsageImportReport = {
      file: data.fileName,
      shape,
      dryRun: data.dryRun,
      rows,
      imported: 0,
      replaced: 0,
      months,
      metrics: metricList,
      errors: sortProblems(
        problems,
        sheets.map((s) => s.name),
      ),
    };
    if (problems.length > 0) return report;

    const existing = await existingKeys(trx, resolved);
    report.imported = resolved.length;
    report.replaced = resolved.filter((f) =>
      existing.has([f.metric, f.month, f.ownerId, f.serviceId].join('\u0000')),
    ).length;
    if (data.dryRun) return report;

    const now = ctx.clock.now();
    for (const part of chunks(resolved)) {
      await trx
        .insertInto('usage_monthly_imports')
        .values(
          part.map((f) => ({
            metric: f.metric,
            month: f.month,
            owner_id: f.ownerId,
            service_id: f.serviceId,
            count: f.count,
            source_name: data.fileName,
            imported_at: now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['metric', 'month', 'owner_id', 'service_id']).doUpdateSet((eb) => ({
            count: eb.ref('excluded.count'),
            source_name: eb.ref('excluded.source_name'),
            imported_at: eb.ref('excluded.imported_at'),
          })),
        )
        .execute();
    }
    const ownerIds = [...new Set(resolved.map((f) => f.ownerId))];
    const named = ownerIds.filter((id) => id !== '');
    const owners =
      named.length === 0
        ? []
        : (await trx.selectFrom('organisations').select('code').where('id', 'in', named).execute())
            .map((o) => o.code)
            .sort();
    await recordAuditEvent(trx, ctx, {
      action: 'usage.import',
      subjectType: 'usage-import',
      subjectId: null,
      // An import for one owner is that owner's history too; a mixed or platform-wide one belongs to the platform.
      organisationId: ownerIds.length === 1 && ownerIds[0] !== '' ? (ownerIds[0] ?? null) : null,
      summary: {
        file: data.fileName,
        shape,
        rows,
        figures: report.imported,
        replaced: report.replaced,
        metrics: metricList,
        months,
        owners,
        platformWide: ownerIds.includes(''),
      },
    });
    return report;
  });
}
