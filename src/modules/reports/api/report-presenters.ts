import { z } from '@hono/zod-openapi';
import type { ReportData } from '../domain/report-data.ts';
import type { ArchivedReportSummary } from '../services/archived-reports.ts';
import { monthPattern } from '../../../platform/domain/month-key.ts';
import { iso } from '../../../platform/http/presenting.ts';

/** A month (Europe/Oslo), `YYYY-MM`, as the report API takes and gives it. */
export const MonthSchema = z
  .string()
  .regex(monthPattern)
  .openapi({ example: '2026-02', description: 'A month (Europe/Oslo), YYYY-MM' });

// The report's figures: typed where clients rely on them, open where the shape belongs to a sub-module.
export const ReportDataSchema = z
  .looseObject({
    schema: z.literal(1),
    month: MonthSchema,
    generatedAt: z.number().int(),
    owner: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    contacts: z.object({ incidentEmail: z.string(), onCallPhone: z.string(), serviceDeskEmail: z.string() }),
    statistics: z.array(
      z.looseObject({
        metricId: z.string(),
        rows: z.array(
          z.looseObject({
            year: z.number().int(),
            months: z.array(z.number().nullable()),
            total: z.number().nullable(),
          }),
        ),
        shareOfPlatform: z.number().nullable(),
      }),
    ),
    availability: z.array(
      z.looseObject({
        code: z.string(),
        name: z.string(),
        targetBasisPoints: z.number().int(),
        months: z.array(z.looseObject({ month: z.string(), rounded: z.string().nullable(), meetsTarget: z.boolean() })),
      }),
    ),
    support: z.array(
      z.looseObject({
        month: z.string(),
        kpis: z.array(z.looseObject({ id: z.string(), shown: z.number().nullable(), met: z.boolean().nullable() })),
      }),
    ),
    compliance: z.looseObject({
      rows: z.array(
        z.looseObject({
          requirement: z.string(),
          subject: z.string(),
          status: z.enum(['met', 'missed', 'no-data']),
          deviations: z.array(z.looseObject({ reference: z.string(), kind: z.string(), at: z.number() })),
        }),
      ),
      incidents: z.array(
        z.looseObject({ category: z.string(), registered: z.number().int(), breached: z.number().int() }),
      ),
    }),
  })
  .openapi('ServiceReportData');

export type ReportDataAnswer = z.infer<typeof ReportDataSchema>;

/**
 * The report's figures as the API gives them: every field of the collected (or archived) data, unchanged, so the
 * answer is the same JSON as the stored figures. The objects the schema leaves open are copied into plain object
 * literals, which is what lets the type checker hold the whole answer against the schema's type without a cast.
 */
export function presentReportData(data: ReportData): ReportDataAnswer {
  return {
    ...data,
    statistics: data.statistics.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r })) })),
    availability: data.availability.map((a) => ({ ...a, months: a.months.map((m) => ({ ...m })) })),
    support: data.support.map((s) => ({ ...s, kpis: s.kpis.map((k) => ({ ...k })) })),
    compliance: {
      ...data.compliance,
      rows: data.compliance.rows.map((r) => ({ ...r, deviations: r.deviations.map((d) => ({ ...d })) })),
      incidents: data.compliance.incidents.map((i) => ({ ...i })),
    },
  };
}

export const VersionSchema = z
  .object({
    id: z.string(),
    month: MonthSchema,
    ownerCode: z.string().nullable().openapi({ description: 'null: the platform report' }),
    version: z.number().int().min(1),
    trigger: z.enum(['scheduled', 'manual']),
    generatedAt: z.string().openapi({ description: 'RFC 3339' }),
    digest: z.string().openapi({ description: 'SHA-256 of the stored figures' }),
  })
  .openapi('ServiceReportVersion');

export type VersionAnswer = z.infer<typeof VersionSchema>;

/** An archived version without its figures; who made it stays in the audit log. */
export function presentVersion(
  v: Pick<ArchivedReportSummary, 'id' | 'month' | 'ownerCode' | 'version' | 'trigger' | 'generatedAt' | 'digest'>,
): VersionAnswer {
  return {
    id: v.id,
    month: v.month,
    ownerCode: v.ownerCode,
    version: v.version,
    trigger: v.trigger,
    generatedAt: iso(v.generatedAt),
    digest: v.digest,
  };
}
