import { z } from '@hono/zod-openapi';
import { supportLines } from '../domain/support-kpis.ts';
import { periodKinds } from '../domain/support-periods.ts';
import { supportKpiIds, type SupportPeriodKpis } from '../domain/support-targets.ts';
import { iso } from '../../../platform/http/presenting.ts';

const instant = z.union([z.string(), z.number().int()]).openapi({
  description: 'ISO 8601 (a local time without offset is Norwegian time) or epoch milliseconds',
  example: '2026-01-05T08:12:30+01:00',
});
const flag = z.union([z.boolean(), z.number().int()]).openapi({ description: '0/1 or true/false' });

// The shapes are checked here; the operation checks the rest (order of instants, combinations) and names each record.
export const CallRecordSchema = z
  .object({
    line: z.string().openapi({ example: 'brukerservice', description: `one of ${supportLines.join(', ')}` }),
    externalId: z
      .string()
      .openapi({ description: 'The telephony system’s id; unique per line. Importing it again changes nothing.' }),
    queuedAt: instant,
    answeredAt: instant
      .nullable()
      .optional()
      .openapi({ description: 'When a person answered (by callback: when called back); null when never' }),
    abandoned: flag.optional().openapi({ description: 'The caller hung up before an answer (default 0)' }),
    callback: flag.optional().openapi({ description: 'Answered by calling back rather than in the queue (default 0)' }),
  })
  .openapi('SupportCallRecord');

export const EmailRecordSchema = z
  .object({
    line: z.string().openapi({ example: 'brukerservice' }),
    externalId: z.string().openapi({ description: 'The mail system’s id; unique per line' }),
    receivedAt: instant,
    firstAnswerAt: instant
      .nullable()
      .optional()
      .openapi({ description: 'The first answer to the sender; null while unanswered' }),
  })
  .openapi('SupportEmailRecord');

export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    records: z.number().int(),
    inserted: z.number().int().openapi({ description: 'New records (on a dry run: would be)' }),
    skipped: z.number().int().openapi({ description: 'Already imported (same line and external id); left unchanged' }),
  })
  .openapi('SupportImportReport');

const target = z
  .object({ policyId: z.string(), clause: z.string(), comparison: z.enum(['<=', '>=']), threshold: z.number() })
  .nullable();
const replies = z.object({
  count: z.number().int(),
  inTime: z.number().int(),
  late: z.number().int(),
  pending: z.number().int(),
  percent: z.number().int().nullable().openapi({ description: 'In time / decided, whole percent rounded half up' }),
});

export const SupportKpisSchema = z
  .object({
    period: z.string().openapi({ example: '2026-02', description: '`YYYY-MM` or ISO week `YYYY-Www`' }),
    kind: z.enum(periodKinds),
    start: z.string(),
    end: z.string().openapi({ description: 'Exclusive' }),
    line: z.enum(supportLines),
    phone: z.object({
      offered: z.number().int(),
      answeredDirectly: z.number().int(),
      callbacks: z.number().int(),
      abandoned: z.number().int(),
      meanWaitSeconds: z
        .number()
        .int()
        .nullable()
        .openapi({ description: 'Calls answered directly; whole seconds rounded half up' }),
      answerRatePercent: z
        .number()
        .int()
        .nullable()
        .openapi({ description: 'Answered directly / offered; whole percent rounded half up' }),
    }),
    email: replies,
    selfService: replies,
    kpis: z.array(
      z.object({
        id: z.enum(supportKpiIds),
        unit: z.enum(['seconds', 'percent', 'count']),
        value: z.number().nullable().openapi({ description: 'Unrounded' }),
        shown: z.number().nullable().openapi({ description: 'As shown in the report' }),
        target,
        met: z
          .boolean()
          .nullable()
          .openapi({ description: 'Decided on the unrounded value; null without a target or a figure' }),
      }),
    ),
  })
  .openapi('SupportKpis');

export function presentSupportKpis(p: SupportPeriodKpis): z.infer<typeof SupportKpisSchema> {
  const reply = (r: SupportPeriodKpis['email']) => ({
    count: r.count,
    inTime: r.inTime,
    late: r.late,
    pending: r.pending,
    percent: r.percentShown,
  });
  return {
    period: p.period.key,
    kind: p.period.kind,
    start: iso(p.period.start),
    end: iso(p.period.end),
    line: p.line,
    phone: {
      offered: p.phone.offered,
      answeredDirectly: p.phone.answeredDirectly,
      callbacks: p.phone.callbacks,
      abandoned: p.phone.abandoned,
      meanWaitSeconds: p.phone.meanWaitShown,
      answerRatePercent: p.phone.answerRatePercentShown,
    },
    email: reply(p.email),
    selfService: reply(p.selfService),
    kpis: p.kpis.map((k) => ({ id: k.id, unit: k.unit, value: k.value, shown: k.shown, target: k.target, met: k.met })),
  };
}
