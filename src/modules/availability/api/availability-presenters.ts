import { z } from '@hono/zod-openapi';
import { maintenanceKinds, monthProgresses, outageSeverities } from '../domain/monthly-availability.ts';
import type { ComponentAvailability } from '../services/availability-inputs.ts';
import type { MaintenanceWindowRow, OutageRow } from '../schema.ts';
import { iso, isoOrNull } from '../../../platform/http/presenting.ts';

export const OutageSchema = z
  .object({
    id: z.string(),
    componentId: z.string(),
    severity: z.enum(outageSeverities),
    start: z.string(),
    end: z.string().nullable().openapi({ description: 'Null while ongoing' }),
    source: z.enum(['manual', 'incident', 'monitor']),
    caseId: z.string().nullable().openapi({ description: 'The incident behind it; shown to the operator only' }),
    monitorId: z.string().nullable().openapi({ description: 'Shown to the operator only' }),
    publicText: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Outage');

/** Outages are public, the cases behind them are not: an owner's incident may belong to another owner. */
export function presentOutage(o: OutageRow, internal: boolean): z.infer<typeof OutageSchema> {
  return {
    id: o.id,
    componentId: o.component_id,
    severity: o.severity,
    start: iso(o.start_at),
    end: isoOrNull(o.end_at),
    source: o.source,
    caseId: internal ? o.case_id : null,
    monitorId: internal ? o.monitor_id : null,
    publicText: o.public_text,
    createdAt: iso(o.created_at),
    updatedAt: iso(o.updated_at),
  };
}

export const MaintenanceSchema = z
  .object({
    id: z.string(),
    componentId: z.string(),
    kind: z.enum(maintenanceKinds),
    title: z.string(),
    publicText: z.string(),
    start: z.string(),
    end: z.string(),
    status: z.enum(['draft', 'published', 'cancelled']),
    announcedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When it was published; the publication is the announcement' }),
    noticePolicy: z.string().openapi({ example: 'maintenance-notice' }),
    latestAnnouncementAt: z.string().openapi({ description: 'The last moment an announcement is in time' }),
    noticeInTime: z.boolean().nullable().openapi({ description: 'Null until published' }),
    insideOperatingHours: z.boolean(),
    incidentCaseId: z
      .string()
      .nullable()
      .openapi({ description: 'The A/B incident an emergency change fixes; shown to the operator only' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Maintenance');

export function presentMaintenance(m: MaintenanceWindowRow, internal: boolean): z.infer<typeof MaintenanceSchema> {
  return {
    id: m.id,
    componentId: m.component_id,
    kind: m.kind,
    title: m.title,
    publicText: m.public_text,
    start: iso(m.start_at),
    end: iso(m.end_at),
    status: m.status,
    announcedAt: isoOrNull(m.announced_at),
    noticePolicy: m.notice_policy,
    latestAnnouncementAt: iso(m.latest_announcement_at),
    noticeInTime: m.notice_in_time === null ? null : m.notice_in_time === 1,
    insideOperatingHours: m.inside_operating_hours === 1,
    incidentCaseId: internal ? m.incident_case_id : null,
    createdAt: iso(m.created_at),
    updatedAt: iso(m.updated_at),
  };
}

const ProjectionSchema = z
  .object({
    availability: z.number().nullable().openapi({ description: 'Unrounded fraction for the whole month' }),
    percent: z.string().nullable().openapi({ description: 'Two decimals, rounded down', example: '99.86' }),
    scheduledSeconds: z.number(),
    operatingSeconds: z.number(),
    downtimeSeconds: z.number(),
    unknownSeconds: z.number(),
  })
  .openapi('AvailabilityProjection', {
    description:
      'The whole month if the published work still ahead happens as planned and nothing else goes down. For information only: meetsTarget is never decided on it',
  });

export const AvailabilitySchema = z
  .object({
    componentId: z.string(),
    componentCode: z.string(),
    month: z.string().openapi({ example: '2026-03' }),
    availability: z.number().nullable().openapi({
      description:
        'Unrounded fraction (operating − unknown − downtime) / (operating − unknown); null when nothing was scheduled',
    }),
    percent: z
      .string()
      .nullable()
      .openapi({ description: 'Two decimals, rounded down: 99.899 % shows as 99.89', example: '99.86' }),
    meetsTarget: z
      .boolean()
      .openapi({ description: 'Decided on the unrounded figure; for a month in progress, the month so far' }),
    progress: z.enum(monthProgresses).openapi({
      description:
        'complete: the whole month; to-date: a month in progress, counted from its start up to `through`; not-started: no figure yet',
    }),
    through: z.string().openapi({
      description:
        'The figure covers the month from its start up to this instant: the month’s end once it is over, the time of the request while it is in progress',
    }),
    projection: ProjectionSchema.nullable().openapi({
      description: 'Only for a month not over with late or emergency work still ahead in it',
    }),
    targetBasisPoints: z.number().int(),
    scheduledSeconds: z.number(),
    operatingSeconds: z.number(),
    downtimeSeconds: z.number(),
    unknownSeconds: z.number(),
    frozen: z.boolean().openapi({ description: 'The stored figure of a closed month' }),
    inputsDigest: z.string().openapi({ description: 'sha-256 of the inputs the figure was computed from' }),
    computedAt: z.string(),
  })
  .openapi('ComponentAvailability');

export function presentAvailability(a: ComponentAvailability): z.infer<typeof AvailabilitySchema> {
  const seconds = (ms: number) => ms / 1000;
  return {
    componentId: a.componentId,
    componentCode: a.componentCode,
    month: a.month,
    availability: a.availability,
    percent: a.rounded,
    meetsTarget: a.meetsTarget,
    progress: a.progress,
    through: iso(a.throughMs),
    projection:
      a.projection === null
        ? null
        : {
            availability: a.projection.availability,
            percent: a.projection.rounded,
            scheduledSeconds: seconds(a.projection.scheduledMs),
            operatingSeconds: seconds(a.projection.operatingMs),
            downtimeSeconds: seconds(a.projection.downtimeMs),
            unknownSeconds: seconds(a.projection.unknownMs),
          },
    targetBasisPoints: a.targetBasisPoints,
    scheduledSeconds: seconds(a.scheduledMs),
    operatingSeconds: seconds(a.operatingMs),
    downtimeSeconds: seconds(a.downtimeMs),
    unknownSeconds: seconds(a.unknownMs),
    frozen: a.frozen,
    inputsDigest: a.inputsDigest,
    computedAt: iso(a.computedAt),
  };
}
