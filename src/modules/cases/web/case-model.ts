// What the case pages show, presented from the operations' rows: a view never sees a database row.
import type { CaseEventRow, CaseRow } from '../schema.ts';
import type { CaseDetail, ResolutionNotice } from '../services/get-case.ts';
import type { CaseListItem } from '../services/list-cases.ts';
import type { LiveClock } from '../services/live-clocks.ts';

/** A case in the work queue, with its clocks' live states. */
export interface CaseQueueItem {
  id: string;
  reference: string;
  title: string;
  /** The owning organisation's name; null for a platform-wide incident, empty when the reader cannot see it. */
  owner: string | null;
  kind: string;
  category: string | null;
  status: string;
  paused: boolean;
  clocks: LiveClock[];
}

export function presentCaseQueueItem(
  { row, clocks }: CaseListItem,
  organisationNames: ReadonlyMap<string, string>,
): CaseQueueItem {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    owner: row.organisation_id === null ? null : (organisationNames.get(row.organisation_id) ?? ''),
    kind: row.kind,
    category: row.category,
    status: row.status,
    paused: row.paused === 1,
    clocks,
  };
}

/** One event of a case's timeline, its stored data read into what the timeline shows of it. */
export interface CaseEventItem {
  id: string;
  type: string;
  visibility: 'public' | 'internal';
  at: number;
  actorLabel: string;
  body: string | null;
  category: string | null;
  /** `assigned`: who the case went to; null when it was unassigned (or the event says nothing). */
  assigneeId: string | null;
  /** `attachment-added`: the file it added. */
  attachmentId: string | null;
  /** `feedback-given`: how the reporter was told. */
  channel: string | null;
}

export interface CaseAttachmentItem {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  visibility: 'public' | 'internal';
  createdAt: number;
}

/** One case as its page shows it: facts, the criteria it was registered under, timeline, files and clocks. */
export interface CaseView {
  reference: string;
  title: string;
  description: string;
  kind: string;
  category: string | null;
  status: string;
  paused: boolean;
  channel: string;
  /** `Name <address>`, or the name alone when no address was given. */
  reporter: string;
  registeredAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  /** Null for a platform-wide incident. */
  organisationName: string | null;
  serviceName: string | null;
  componentName: string | null;
  /** Whom the case is assigned to, by user id; the agent form starts from it. */
  assigneeId: string | null;
  assignee: { id: string; name: string } | null;
  /** The 2.1 criteria an incident was registered under, as given. */
  criteria: string[];
  events: CaseEventItem[];
  attachments: CaseAttachmentItem[];
  clocks: LiveClock[];
  /** The instant the clocks were read at. */
  at: number;
  resolutionNotice: ResolutionNotice | null;
}

function dataOf(event: CaseEventRow): Record<string, unknown> {
  if (!event.data) return {};
  const parsed = JSON.parse(event.data) as unknown;
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function criteriaOf(events: readonly CaseEventRow[]): string[] {
  const registered = events.find((e) => e.type === 'registered');
  const criteria = registered ? dataOf(registered).criteria : undefined;
  return Array.isArray(criteria) ? criteria.filter((c): c is string => typeof c === 'string') : [];
}

export function presentCaseEvent(event: CaseEventRow): CaseEventItem {
  const data = dataOf(event);
  return {
    id: event.id,
    type: event.type,
    visibility: event.visibility,
    at: event.at,
    actorLabel: event.actor_label,
    body: event.body,
    category: event.category,
    assigneeId: stringOrNull(data.assigneeId),
    channel: stringOrNull(data.channel),
    attachmentId: stringOrNull(data.attachmentId),
  };
}

function reporterOf(row: CaseRow): string {
  return row.reporter_email ? `${row.reporter_name} <${row.reporter_email}>` : row.reporter_name;
}

export function presentCase(detail: CaseDetail): CaseView {
  const { row } = detail;
  return {
    reference: row.reference,
    title: row.title,
    description: row.description,
    kind: row.kind,
    category: row.category,
    status: row.status,
    paused: row.paused === 1,
    channel: row.channel,
    reporter: reporterOf(row),
    registeredAt: row.registered_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    organisationName: detail.organisation?.name ?? null,
    serviceName: detail.service?.name ?? null,
    componentName: detail.component?.name ?? null,
    assigneeId: row.assignee_user_id,
    assignee: detail.assignee,
    criteria: criteriaOf(detail.events),
    events: detail.events.map(presentCaseEvent),
    attachments: detail.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
      visibility: a.visibility,
      createdAt: a.created_at,
    })),
    clocks: detail.clocks,
    at: detail.at,
    resolutionNotice: detail.resolutionNotice,
  };
}
