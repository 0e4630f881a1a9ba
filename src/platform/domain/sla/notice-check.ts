import type { Calendar } from '../calendar/calendar.ts';
import { noticeInTime } from '../calendar/notice.ts';
import type { ExemptionPolicy, NoticePolicy } from './policies.ts';

/**
 * Whether an announcement was in time under a notice policy. An exempt change (an emergency fixing an A or B
 * incident) may be announced as late as its start.
 */
export function checkNotice(
  policy: NoticePolicy | ExemptionPolicy,
  calendar: (id: string) => Calendar,
  announced: number,
  start: number,
): { ok: boolean; latest: number } {
  if (policy.kind === 'exemption') return { ok: announced <= start, latest: start };
  return noticeInTime(calendar(policy.calendar), policy.rule, announced, start);
}
