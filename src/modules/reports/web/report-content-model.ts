// What the report content and subscription pages show, presented from the operations' rows: a view never sees a
// database row.
import type { Component } from '../../../platform/db/schema.ts';
import type { MeetingRow, ReportBlockRow, RoadmapEntryRow } from '../schema.ts';
import type { ReportSubscriptionView } from '../services/list-report-subscriptions.ts';

/** A news or project-status text of one month's report. */
export interface ReportBlockItem {
  id: string;
  kind: string;
  title: string;
  bodyMarkdown: string;
  position: number;
}

export function presentReportBlock(row: ReportBlockRow): ReportBlockItem {
  return { id: row.id, kind: row.kind, title: row.title, bodyMarkdown: row.body_markdown, position: row.position };
}

export interface RoadmapItem {
  id: string;
  title: string;
  description: string;
  period: string;
  status: string;
  /** The component it concerns, if any. */
  componentId: string | null;
}

export function presentRoadmapEntry(row: RoadmapEntryRow): RoadmapItem {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    period: row.period,
    status: row.status,
    componentId: row.component_id,
  };
}

export interface MeetingItem {
  id: string;
  title: string;
  series: string;
  startsAt: number;
  endsAt: number;
  format: string;
  location: string;
  url: string | null;
  description: string;
}

export function presentMeeting(row: MeetingRow): MeetingItem {
  return {
    id: row.id,
    title: row.title,
    series: row.series,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    format: row.format,
    location: row.location,
    url: row.url,
    description: row.description,
  };
}

/** A component a roadmap entry may concern. */
export interface ComponentOption {
  id: string;
  name: string;
}

export function presentComponentOption(c: Component): ComponentOption {
  return { id: c.id, name: c.name };
}

/** Who receives which report, in which language, since when. */
export interface ReportSubscriptionItem {
  id: string;
  /** The owner whose report it is; null for the platform report. */
  ownerName: string | null;
  email: string;
  lang: string;
  createdAt: number;
}

export function presentReportSubscription(row: ReportSubscriptionView): ReportSubscriptionItem {
  return { id: row.id, ownerName: row.owner_name, email: row.email, lang: row.lang, createdAt: row.created_at };
}
