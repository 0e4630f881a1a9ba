import { z } from '@hono/zod-openapi';
import {
  blockKinds,
  type BlockKind,
  meetingFormats,
  type MeetingFormat,
  reportLangs,
  roadmapStatuses,
  type RoadmapStatus,
} from '../services/report-content-inputs.ts';
import type { ReportSubscriptionView } from '../services/list-report-subscriptions.ts';
import type { MeetingRow, ReportBlockRow, RoadmapEntryRow } from '../schema.ts';
import { iso } from '../../../platform/http/presenting.ts';

export const ReportBlockSchema = z
  .object({
    id: z.string(),
    month: z.string().openapi({ example: '2026-02' }),
    kind: z.enum(blockKinds),
    title: z.string(),
    bodyMarkdown: z.string().openapi({ description: 'Markdown; raw HTML is not rendered' }),
    position: z.number().int().openapi({ description: 'Order within the month, ascending' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReportBlock');

export function presentReportBlock(r: ReportBlockRow): z.infer<typeof ReportBlockSchema> {
  return {
    id: r.id,
    month: r.month,
    kind: r.kind as BlockKind,
    title: r.title,
    bodyMarkdown: r.body_markdown,
    position: r.position,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const RoadmapEntrySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().openapi({ description: 'Markdown' }),
    period: z.string().openapi({ example: '2026-Q3', description: 'A year, quarter or month' }),
    status: z.enum(roadmapStatuses),
    componentId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('RoadmapEntry');

export function presentRoadmapEntry(r: RoadmapEntryRow): z.infer<typeof RoadmapEntrySchema> {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    period: r.period,
    status: r.status as RoadmapStatus,
    componentId: r.component_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const MeetingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    series: z.string().openapi({ description: 'Empty for a one-off' }),
    startsAt: z.string(),
    endsAt: z.string(),
    format: z.enum(meetingFormats),
    location: z.string(),
    url: z.string().nullable(),
    description: z.string().openapi({ description: 'Markdown' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Meeting');

export function presentMeeting(r: MeetingRow): z.infer<typeof MeetingSchema> {
  return {
    id: r.id,
    title: r.title,
    series: r.series,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    format: r.format as MeetingFormat,
    location: r.location,
    url: r.url,
    description: r.description,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const ReportSubscriptionSchema = z
  .object({
    id: z.string(),
    owner: z
      .object({ id: z.string(), code: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'Null for the platform report' }),
    email: z.string(),
    lang: z.enum(reportLangs),
    createdAt: z.string(),
  })
  .openapi('ReportSubscription');

export function presentReportSubscription(r: ReportSubscriptionView): z.infer<typeof ReportSubscriptionSchema> {
  const owner =
    r.owner_id === '' || r.owner_code === null
      ? null
      : { id: r.owner_id, code: r.owner_code, name: r.owner_name ?? r.owner_code };
  return {
    id: r.id,
    owner,
    email: r.email,
    lang: r.lang as (typeof reportLangs)[number],
    createdAt: iso(r.created_at),
  };
}
