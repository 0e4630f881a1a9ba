import { z } from 'zod';
import { localToInstant } from '../../../platform/domain/calendar/time-zone.ts';
import { monthKey } from '../../../platform/domain/month-key.ts';
import { multilineText, nameText } from '../../../platform/validation/text.ts';

/** The report's months and meeting days are Norwegian ones. */
export const reportZone = 'Europe/Oslo';

export const blockKinds = ['news', 'project-status'] as const;
export type BlockKind = (typeof blockKinds)[number];
export const roadmapStatuses = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type RoadmapStatus = (typeof roadmapStatuses)[number];
export const meetingFormats = ['digital', 'physical', 'hybrid'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];
export const reportLangs = ['nb', 'nn', 'en'] as const;

export const periodPattern = /^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/;
export const maxMarkdown = 20_000;

// Report content may be written for a report up to a year ahead.
export const reportMonth = z
  .string()
  .trim()
  .pipe(monthKey({ ahead: 12 }));
export const roadmapPeriod = z
  .string()
  .trim()
  .regex(periodPattern, 'a year (2026), quarter (2026-Q3) or month (2026-09)');
export const contentTitle = nameText().trim().min(1, 'a title is required').max(200, 'at most 200 characters');
export const markdownText = multilineText().max(maxMarkdown, `at most ${maxMarkdown} characters`);
export const position = z.number().int().min(0).max(10_000);

/** A link readers follow from the report: http(s) only, so no `javascript:` or `data:` ever reaches a page or PDF. */
export function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}
export const webUrl = z.string().trim().max(2_000).refine(isWebUrl, 'an http:// or https:// URL');

/** Addresses are compared case-insensitively, so one person is subscribed once per report. */
export const emailAddress = z.string().trim().toLowerCase().max(320).email('a valid e-mail address');

const datePattern = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Midnight in Oslo at the start of a `YYYY-MM-DD` day, `days` later. */
export function osloDayStart(date: string, days = 0): number | null {
  const match = datePattern.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = Date.UTC(year, month - 1, day + days);
  // 31 February and the like roll over; refuse them rather than answer for another day.
  if (days === 0 && new Date(local).getUTCDate() !== day) return null;
  return localToInstant(reportZone, local);
}

/** A calendar day (`YYYY-MM-DD`, Norwegian time) as the instant it starts, or the one it ends when `end` is set. */
export function osloDate(end: boolean) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      const start = osloDayStart(text);
      if (start === null) {
        ctx.addIssue({ code: 'custom', message: 'a date as YYYY-MM-DD' });
        return z.NEVER;
      }
      return end ? (osloDayStart(text, 1) ?? start) : start;
    });
}

/**
 * Orders periods by when they begin, coarser first: `2026` before `2026-Q1` before `2026-01`. Plain text order
 * would put `2026-Q1` after `2026-12`.
 */
export function periodSortKey(period: string): string {
  const [year = '', part = ''] = period.split('-');
  if (part === '') return `${year}-00-0`;
  if (part.startsWith('Q')) return `${year}-${String((Number(part.slice(1)) - 1) * 3 + 1).padStart(2, '0')}-1`;
  return `${year}-${part}-2`;
}

/** Field → {from, to} for the keys whose value changes; what an update audits. */
export function changesOf<T extends Record<string, unknown>>(
  current: T,
  next: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(next))
    if (value !== undefined && value !== current[key]) changes[key] = { from: current[key], to: value };
  return changes;
}
