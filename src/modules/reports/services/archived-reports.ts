import { z } from 'zod';
import type { ReportData } from '../domain/report-data.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { monthKey } from '../../../platform/domain/month-key.ts';

export interface ArchivedReportSummary {
  id: string;
  month: string;
  ownerCode: string | null;
  ownerName: string | null;
  version: number;
  trigger: 'scheduled' | 'manual';
  generatedAt: number;
  generatedBy: string;
  digest: string;
}

export const listArchivedReportsInput = z.object({
  month: monthKey({ ahead: 1 }).optional(),
  /** An owner's code, or `platform` for the platform reports only. */
  owner: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function baseQuery(ctx: ServiceContext) {
  const query = ctx.db
    .selectFrom('service_reports')
    .leftJoin('organisations', 'organisations.id', 'service_reports.owner_id')
    .select([
      'service_reports.id',
      'service_reports.month',
      'service_reports.owner_id',
      'organisations.code',
      'organisations.name',
      'service_reports.version',
      'service_reports.trigger',
      'service_reports.generated_at',
      'service_reports.generated_by',
      'service_reports.digest',
    ]);
  const scope = tenantScope(ctx.actor, 'report.read');
  // Everyone reads the platform report; an owner's report only reaches its own owner (and the operator).
  if (scope.all) return query;
  const own = scope.organisationIds;
  return query.where((eb) =>
    own.length === 0
      ? eb('service_reports.owner_id', '=', '')
      : eb.or([eb('service_reports.owner_id', '=', ''), eb('service_reports.owner_id', 'in', own)]),
  );
}

type SummaryRow = {
  id: string;
  month: string;
  owner_id: string;
  code: string | null;
  name: string | null;
  version: number;
  trigger: string;
  generated_at: number;
  generated_by: string;
  digest: string;
};

function summaryOf(r: SummaryRow): ArchivedReportSummary {
  return {
    id: r.id,
    month: r.month,
    ownerCode: r.owner_id === '' ? null : r.code,
    ownerName: r.owner_id === '' ? null : r.name,
    version: Number(r.version),
    trigger: r.trigger === 'scheduled' ? 'scheduled' : 'manual',
    generatedAt: Number(r.generated_at),
    generatedBy: r.generated_by,
    digest: r.digest,
  };
}

/** Archived versions the actor may read, newest month first, then platform before owners, newest version first. */
export async function listArchivedReports(
  ctx: ServiceContext,
  input: z.input<typeof listArchivedReportsInput>,
): Promise<ArchivedReportSummary[]> {
  authorize(ctx.actor, 'report.read');
  const data = parseInput(listArchivedReportsInput, input, ctx);
  let query = baseQuery(ctx);
  if (data.month) query = query.where('service_reports.month', '=', data.month);
  if (data.owner === 'platform') query = query.where('service_reports.owner_id', '=', '');
  else if (data.owner) query = query.where('organisations.code', '=', data.owner);
  const rows = await query
    .orderBy('service_reports.month', 'desc')
    .orderBy('service_reports.owner_id')
    .orderBy('service_reports.version', 'desc')
    .limit(data.limit)
    .execute();
  return rows.map(summaryOf);
}

/** One archived version with its figures exactly as they were stored; another owner's is not found. */
export async function getArchivedReport(
  ctx: ServiceContext,
  id: string,
): Promise<ArchivedReportSummary & { data: ReportData }> {
  authorize(ctx.actor, 'report.read');
  const row = await baseQuery(ctx)
    .select('service_reports.data')
    .where('service_reports.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'no such report version');
  return { ...summaryOf(row), data: JSON.parse(row.data) as ReportData };
}
