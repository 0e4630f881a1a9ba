// What the availability pages show, presented from the operations' rows: a view never sees a database row.
import type { Component } from '../../../platform/db/schema.ts';
import type { MaintenanceWindowRow, OutageRow } from '../schema.ts';

/** A component as the pages name it: its service window and target. */
export interface ComponentFacts {
  id: string;
  code: string;
  name: string;
  calendarId: string;
  targetBasisPoints: number;
}

export function presentComponentFacts(c: Component): ComponentFacts {
  return { id: c.id, code: c.code, name: c.name, calendarId: c.calendar_id, targetBasisPoints: c.target_basis_points };
}

export interface OutageItem {
  id: string;
  startAt: number;
  /** Null while the outage goes on. */
  endAt: number | null;
  severity: OutageRow['severity'];
  source: OutageRow['source'];
  publicText: string;
}

export function presentOutageItem(o: OutageRow): OutageItem {
  return {
    id: o.id,
    startAt: o.start_at,
    endAt: o.end_at,
    severity: o.severity,
    source: o.source,
    publicText: o.public_text,
  };
}

export interface MaintenanceItem {
  id: string;
  kind: MaintenanceWindowRow['kind'];
  status: MaintenanceWindowRow['status'];
  title: string;
  publicText: string;
  startAt: number;
  endAt: number;
  /** Null while the work is a draft. */
  announcedAt: number | null;
  /** The last moment announcing it gives the notice the agreement asks for. */
  latestAnnouncementAt: number;
  /** Whether it was announced in time; null until it is announced. */
  noticeInTime: boolean | null;
}

export function presentMaintenanceItem(m: MaintenanceWindowRow): MaintenanceItem {
  return {
    id: m.id,
    kind: m.kind,
    status: m.status,
    title: m.title,
    publicText: m.public_text,
    startAt: m.start_at,
    endAt: m.end_at,
    announcedAt: m.announced_at,
    latestAnnouncementAt: m.latest_announcement_at,
    noticeInTime: m.notice_in_time === null ? null : m.notice_in_time === 1,
  };
}
