import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { scheduledReportTime } from '../../../src/modules/reports/domain/report-schedule.ts';

const businessDays = builtInCalendars().get('business-days');

describe('scheduledReportTime', () => {
  const cases: { month: [number, number]; expected: string; why: string }[] = [
    {
      month: [2026, 3],
      expected: '2026-03-02T06:00:00.000Z',
      why: '1 March 2026 is a Sunday; Monday 2 March, winter time',
    },
    { month: [2026, 1], expected: '2026-01-02T06:00:00.000Z', why: '1 January is a holiday; Friday 2 January' },
    { month: [2026, 4], expected: '2026-04-01T05:00:00.000Z', why: 'Wednesday 1 April, summer time' },
    { month: [2026, 5], expected: '2026-05-04T05:00:00.000Z', why: '1 May is a holiday and 2–3 May a weekend' },
    { month: [2025, 6], expected: '2025-06-02T05:00:00.000Z', why: 'Sunday 1 June 2025; Monday 2 June' },
    { month: [2026, 12], expected: '2026-12-01T06:00:00.000Z', why: 'Tuesday 1 December' },
  ];
  for (const c of cases) {
    it(`${c.month.join('-')}: ${c.why}`, () => {
      assert.ok(businessDays);
      assert.equal(new Date(scheduledReportTime(businessDays, c.month[0], c.month[1])).toISOString(), c.expected);
    });
  }
});
