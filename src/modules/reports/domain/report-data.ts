import type { KpiValue } from '../../support/index.ts';
import type { MetricYearRow } from '../../usage/index.ts';
import type { ComplianceRow, IncidentSummaryRow } from './compliance.ts';

/**
 * Everything one monthly service report shows, as collected from the live data: the archive stores this (JSON) per
 * version, and every format (web page, PDF, XLSX, CSV) in every language is rendered from it, so an archived version
 * reads the same forever. Language-neutral: names that have translations carry all three.
 */
export interface ReportData {
  /** Bumped when the shape changes, so an old archived version can still be read. */
  schema: 1;
  /** `YYYY-MM`, Europe/Oslo. */
  month: string;
  generatedAt: number;
  /** The owner the report is for; null for the platform report. */
  owner: { id: string; code: string; name: string } | null;
  contacts: ReportContacts;
  changes: { done: ReportChange[]; planned: ReportChange[]; roadmap: ReportRoadmapEntry[] };
  statistics: ReportStatistic[];
  availability: ReportComponentAvailability[];
  /** The end-user support's figures for the months of M's year up to M. */
  support: { month: string; kpis: KpiValue[] }[];
  information: ReportBlock[];
  meetings: ReportMeeting[];
  compliance: { rows: ComplianceRow[]; incidents: IncidentSummaryRow[] };
}

/** How to reach the operator, from configuration. */
export interface ReportContacts {
  incidentEmail: string;
  onCallPhone: string;
  serviceDeskEmail: string;
}

/** A change from the maintenance/change register. */
export interface ReportChange {
  id: string;
  kind: 'maintenance' | 'change' | 'major-change' | 'emergency';
  title: string;
  componentName: string;
  startAt: number;
  endAt: number;
  announcedAt: number | null;
  noticeInTime: boolean | null;
}

export interface ReportRoadmapEntry {
  id: string;
  title: string;
  description: string;
  period: string;
  status: 'planned' | 'in-progress' | 'done' | 'dropped';
}

export interface ReportStatistic {
  metricId: string;
  names: { nb: string; nn: string; en: string };
  /** The current year and the three before, oldest first; an owner's report has the owner's own figures. */
  rows: MetricYearRow[];
  /** Per-owner report only: the owner's share of the platform's figure for the report month, exact; null when either is missing or the platform's is 0. */
  shareOfPlatform: number | null;
}

export interface ReportComponentAvailability {
  componentId: string;
  code: string;
  name: string;
  calendarId: string;
  targetBasisPoints: number;
  /** The 24 months ending with the report month, oldest first. */
  months: {
    month: string;
    availability: number | null;
    rounded: string | null;
    meetsTarget: boolean;
    frozen: boolean;
    /**
     * Only for a month still in progress when the report was made: its figure covers the month up to this instant.
     * Absent from versions archived before months in progress were counted to date.
     */
    through?: number;
  }[];
}

export interface ReportBlock {
  kind: 'news' | 'project-status';
  title: string;
  /** Markdown as written; rendered with raw HTML disabled. */
  markdown: string;
}

export interface ReportMeeting {
  title: string;
  series: string;
  startsAt: number;
  endsAt: number;
  format: 'digital' | 'physical' | 'hybrid';
  location: string;
  url: string | null;
}
