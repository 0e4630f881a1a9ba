import { z } from '@hono/zod-openapi';
import { caseChannels, caseEventTypes, caseKinds, caseStatuses } from '../domain/case-types.ts';
import type { CaseDetail } from '../services/get-case.ts';
import type { CaseListItem } from '../services/list-cases.ts';
import type { LiveClock } from '../services/live-clocks.ts';
import { worstOf } from '../services/live-clocks.ts';
import type { CaseAttachmentRow, CaseEventRow, CaseRow } from '../schema.ts';
import { iso, isoOrNull } from '../../../platform/http/presenting.ts';

const clockStates = ['running', 'at-risk', 'met', 'breached', 'not-applicable'] as const;

export const ClockSchema = z
  .object({
    policy: z.string().openapi({ example: 'incident-b-start' }),
    clause: z.string(),
    state: z.enum(clockStates),
    due: z
      .string()
      .nullable()
      .openapi({ description: 'Deadline (ISO 8601 UTC); null while paused or when the policy has none' }),
    remainingSeconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Open time left in the policy’s calendar; 0 once overdue' }),
    timeLeft: z
      .object({
        count: z.enum(['around-the-clock', 'whole-days', 'opening-hours']),
        days: z.number().int(),
        hours: z.number().int(),
        minutes: z.number().int(),
      })
      .nullable()
      .openapi({
        description:
          'Open time left as a person counts it in the policy’s calendar: days are 24-hour days around the clock, ' +
          'otherwise whole open days (business days); hours are working time in opening-hours calendars. Null when ' +
          'stopped, overdue or without a deadline.',
      }),
    atRiskWithinSeconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The policy’s at-risk horizon: at risk once no more open time than this is left' }),
    overdueSeconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Wall time since the deadline passed, for a clock still running past it' }),
    kind: z
      .enum(['clock', 'follow-up'])
      .openapi({ description: '`follow-up`: a duty owed after an event, with no deadline of its own' }),
    targetSeconds: z.number().int().nullable(),
    paused: z.boolean(),
    stoppedAt: z.string().nullable(),
  })
  .openapi('SlaClock');

export function presentClock(c: LiveClock): z.infer<typeof ClockSchema> {
  return {
    policy: c.policyId,
    clause: c.clause,
    state: c.state,
    due: isoOrNull(c.dueAt),
    remainingSeconds: c.remainingMs === null ? null : Math.floor(c.remainingMs / 1000),
    timeLeft: c.timeLeft && {
      count: c.timeLeft.count,
      days: c.timeLeft.days,
      hours: c.timeLeft.hours,
      minutes: c.timeLeft.minutes,
    },
    atRiskWithinSeconds: c.atRiskWithin === null ? null : Math.round(c.atRiskWithin.openMs / 1000),
    overdueSeconds: c.overdueMs === null ? null : Math.floor(c.overdueMs / 1000),
    kind: c.kind,
    targetSeconds: c.targetMs === null ? null : Math.round(c.targetMs / 1000),
    paused: c.paused,
    stoppedAt: isoOrNull(c.stoppedAt),
  };
}

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    reference: z.string().openapi({ example: 'NIVA-1042' }),
    organisationId: z.string().nullable().openapi({ description: 'Null for a platform-wide incident' }),
    kind: z.enum(caseKinds),
    category: z.enum(['A', 'B', 'C']).nullable(),
    status: z.enum(caseStatuses),
    paused: z.boolean(),
    title: z.string(),
    channel: z.enum(caseChannels),
    externalId: z.string().nullable(),
    reporterName: z.string(),
    assigneeId: z.string().nullable(),
    registeredAt: z.string(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    nextDue: z.string().nullable(),
    slaState: z.enum(clockStates).openapi({ description: 'The most severe state among the clocks' }),
    sla: z.array(ClockSchema),
  })
  .openapi('CaseSummary');

export function presentCaseSummary(row: CaseRow, clocks: readonly LiveClock[]): z.infer<typeof CaseSummarySchema> {
  return {
    id: row.id,
    reference: row.reference,
    organisationId: row.organisation_id,
    kind: row.kind as z.infer<typeof CaseSummarySchema>['kind'],
    category: row.category as 'A' | 'B' | 'C' | null,
    status: row.status as z.infer<typeof CaseSummarySchema>['status'],
    paused: row.paused === 1,
    title: row.title,
    channel: row.channel as z.infer<typeof CaseSummarySchema>['channel'],
    externalId: row.external_id,
    reporterName: row.reporter_name,
    assigneeId: row.assignee_user_id,
    registeredAt: iso(row.registered_at),
    resolvedAt: isoOrNull(row.resolved_at),
    closedAt: isoOrNull(row.closed_at),
    nextDue: isoOrNull(row.next_due_at),
    slaState: worstOf(clocks),
    sla: clocks.map(presentClock),
  };
}

export const presentListItem = (item: CaseListItem) => presentCaseSummary(item.row, item.clocks);

export const CaseEventSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    type: z.enum(caseEventTypes as [string, ...string[]]),
    at: z.string(),
    recordedAt: z.string(),
    actor: z.string(),
    category: z.enum(['A', 'B', 'C']).nullable(),
    visibility: z.enum(['public', 'internal']),
    body: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('CaseEvent');

/** What an event's data may say to a reader: the job that carried a notice is the service's own bookkeeping. */
function publicData(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  const { noticeJobId: _job, ...rest } = JSON.parse(raw) as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : null;
}

export function presentEvent(e: CaseEventRow): z.infer<typeof CaseEventSchema> {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    at: iso(e.at),
    recordedAt: iso(e.recorded_at),
    actor: e.actor_label,
    category: e.category as 'A' | 'B' | 'C' | null,
    visibility: e.visibility,
    body: e.body,
    data: publicData(e.data),
  };
}

export const AttachmentSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    visibility: z.enum(['public', 'internal']),
    createdAt: z.string(),
  })
  .openapi('CaseAttachment');

export function presentAttachment(a: Omit<CaseAttachmentRow, 'content'>): z.infer<typeof AttachmentSchema> {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
    visibility: a.visibility,
    createdAt: iso(a.created_at),
  };
}

export const CaseDetailSchema = CaseSummarySchema.extend({
  description: z.string(),
  reporterEmail: z.string().nullable(),
  organisation: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  service: z.object({ id: z.string(), name: z.string(), resourceId: z.string() }).nullable(),
  component: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  events: z.array(CaseEventSchema),
  attachments: z.array(AttachmentSchema),
  resolutionNotice: z
    .object({
      state: z.enum(['no-address', 'pending', 'failing', 'sent', 'dead']),
      attempts: z.number().int(),
      error: z.string().nullable(),
      at: z.string().nullable(),
    })
    .nullable()
    .openapi({
      description:
        'What became of the latest resolution e-mail to the reporter (the usual way the feedback duty of 2.2 is ' +
        'met); for the service desk only, null for others and for cases not resolved',
    }),
}).openapi('Case');

export function presentCaseDetail(d: CaseDetail): z.infer<typeof CaseDetailSchema> {
  return {
    ...presentCaseSummary(d.row, d.clocks),
    description: d.row.description,
    reporterEmail: d.row.reporter_email,
    organisation: d.organisation,
    service: d.service,
    component: d.component,
    assignee: d.assignee,
    events: d.events.map(presentEvent),
    attachments: d.attachments.map(presentAttachment),
    resolutionNotice: d.resolutionNotice && { ...d.resolutionNotice, at: isoOrNull(d.resolutionNotice.at) },
  };
}
