import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import type { ClockState } from '../../../src/platform/domain/sla/clocks.ts';
import {
  answeredDirectly,
  type CallLog,
  emailFigures,
  emailReplyLimitMs,
  type EmailLog,
  phoneFigures,
  phoneFiguresFromTotals,
  phoneTotals,
  type PhoneTotals,
  roundHalfUp,
  selfServiceFigures,
} from '../../../src/modules/support/domain/support-kpis.ts';
import { kpiValues, periodKpis, targetsFor } from '../../../src/modules/support/domain/support-targets.ts';

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(iso);
  return t;
};
const brukerservice = builtInCalendars().get('brukerservice');
if (!brukerservice) throw new Error('no brukerservice calendar');
const q = at('2026-01-05T09:00:00+01:00');
const call = (waitSeconds: number | null, extra: Partial<CallLog> = {}): CallLog => ({
  queuedAt: q,
  answeredAt: waitSeconds === null ? null : q + waitSeconds * 1000,
  abandoned: false,
  callback: false,
  ...extra,
});

describe('roundHalfUp', () => {
  const rows: [number, number, number][] = [
    [87, 100, 1],
    [50, 100, 1],
    [49, 100, 0],
    [8650, 100, 87],
    [8649, 100, 86],
    [0, 7, 0],
    [289_500, 1000, 290],
  ];
  for (const [n, d, expected] of rows) it(`${n}/${d} → ${expected}`, () => assert.equal(roundHalfUp(n, d), expected));
});

describe('answeredDirectly', () => {
  const rows: [string, CallLog, boolean][] = [
    ['answered in the queue', call(30), true],
    ['abandoned', call(null, { abandoned: true }), false],
    ['answered by callback', call(600, { callback: true }), false],
    ['callback not made yet', call(null, { callback: true }), false],
  ];
  for (const [what, c, expected] of rows) it(what, () => assert.equal(answeredDirectly(c), expected));
});

describe('phoneTotals and phoneFigures', () => {
  const rows: {
    what: string;
    calls: CallLog[];
    totals: PhoneTotals;
    meanWait: number | null;
    waitShown: number | null;
    rateShown: number | null;
  }[] = [
    {
      what: 'no calls',
      calls: [],
      totals: { offered: 0, answeredDirectly: 0, callbacks: 0, abandoned: 0, waitMs: 0 },
      meanWait: null,
      waitShown: null,
      rateShown: null,
    },
    {
      what: 'two answered: the mean of their waits',
      calls: [call(40), call(81)],
      totals: { offered: 2, answeredDirectly: 2, callbacks: 0, abandoned: 0, waitMs: 121_000 },
      meanWait: 60.5,
      waitShown: 61,
      rateShown: 100,
    },
    {
      what: 'callback and abandoned calls are offered, not answered directly, and carry no wait',
      calls: [call(20), call(900, { callback: true }), call(null, { abandoned: true })],
      totals: { offered: 3, answeredDirectly: 1, callbacks: 1, abandoned: 1, waitMs: 20_000 },
      meanWait: 20,
      waitShown: 20,
      rateShown: 33,
    },
    {
      what: 'only abandoned calls: a rate of 0 and no wait',
      calls: [call(null, { abandoned: true })],
      totals: { offered: 1, answeredDirectly: 0, callbacks: 0, abandoned: 1, waitMs: 0 },
      meanWait: null,
      waitShown: null,
      rateShown: 0,
    },
  ];
  for (const row of rows) {
    it(row.what, () => {
      assert.deepEqual(phoneTotals(row.calls), row.totals);
      const f = phoneFigures(row.calls);
      assert.equal(f.meanWaitSeconds, row.meanWait);
      assert.equal(f.meanWaitShown, row.waitShown);
      assert.equal(f.answerRatePercentShown, row.rateShown);
    });
  }
});

describe('phoneFiguresFromTotals', () => {
  const rows: { totals: PhoneTotals; rate: number | null; shown: number | null }[] = [
    { totals: { offered: 200, answeredDirectly: 173, callbacks: 20, abandoned: 7, waitMs: 0 }, rate: 0.865, shown: 87 },
    { totals: { offered: 200, answeredDirectly: 171, callbacks: 29, abandoned: 0, waitMs: 0 }, rate: 0.855, shown: 86 },
    { totals: { offered: 0, answeredDirectly: 0, callbacks: 0, abandoned: 0, waitMs: 0 }, rate: null, shown: null },
  ];
  for (const row of rows)
    it(`${row.totals.answeredDirectly}/${row.totals.offered} shows ${row.shown}`, () => {
      const f = phoneFiguresFromTotals(row.totals);
      assert.equal(f.answerRate, row.rate);
      assert.equal(f.answerRatePercentShown, row.shown);
    });
});

describe('emailFigures', () => {
  const friday = at('2026-01-09T14:00:00+01:00'); // 1.5 open hours left that day; 8 h ends Monday 14:30
  const rows: { what: string; emails: EmailLog[]; now: number; inTime: number; late: number; pending: number }[] = [
    {
      what: 'answered within 8 open hours across a weekend',
      emails: [{ receivedAt: friday, firstAnswerAt: at('2026-01-12T14:30:00+01:00') }],
      now: at('2026-02-01T00:00:00+01:00'),
      inTime: 1,
      late: 0,
      pending: 0,
    },
    {
      what: 'answered a second after the 8 open hours',
      emails: [{ receivedAt: friday, firstAnswerAt: at('2026-01-12T14:30:01+01:00') }],
      now: at('2026-02-01T00:00:00+01:00'),
      inTime: 0,
      late: 1,
      pending: 0,
    },
    {
      what: 'received on a Saturday: counting starts Monday 08:00',
      emails: [{ receivedAt: at('2026-01-10T12:00:00+01:00'), firstAnswerAt: at('2026-01-12T16:00:00+01:00') }],
      now: at('2026-02-01T00:00:00+01:00'),
      inTime: 1,
      late: 0,
      pending: 0,
    },
    {
      what: 'unanswered and still within time: pending',
      emails: [{ receivedAt: friday, firstAnswerAt: null }],
      now: at('2026-01-12T10:00:00+01:00'),
      inTime: 0,
      late: 0,
      pending: 1,
    },
    {
      what: 'unanswered past the deadline: late',
      emails: [{ receivedAt: friday, firstAnswerAt: null }],
      now: at('2026-01-12T15:00:00+01:00'),
      inTime: 0,
      late: 1,
      pending: 0,
    },
  ];
  for (const row of rows) {
    it(row.what, () => {
      const f = emailFigures(row.emails, brukerservice, row.now);
      assert.deepEqual([f.count, f.inTime, f.late, f.pending], [row.emails.length, row.inTime, row.late, row.pending]);
    });
  }
  it('takes the limit from the enduser-email-reply policy', () => assert.equal(emailReplyLimitMs(), 8 * 3_600_000));
});

describe('selfServiceFigures', () => {
  const rows: { states: ClockState[]; inTime: number; late: number; pending: number; percent: number | null }[] = [
    { states: [], inTime: 0, late: 0, pending: 0, percent: null },
    { states: ['met', 'met', 'breached'], inTime: 2, late: 1, pending: 0, percent: 67 },
    { states: ['running', 'at-risk', 'met'], inTime: 1, late: 0, pending: 2, percent: 100 },
    { states: ['not-applicable', 'breached'], inTime: 0, late: 1, pending: 0, percent: 0 },
  ];
  for (const row of rows)
    it(row.states.join(', ') || 'none', () => {
      const f = selfServiceFigures(row.states.map((state) => ({ registeredAt: 0, state })));
      assert.deepEqual([f.inTime, f.late, f.pending, f.percentShown], [row.inTime, row.late, row.pending, row.percent]);
    });
});

describe('targetsFor', () => {
  const rows: [string, 'brukerservice' | 'servicedesk', (string | null)[]][] = [
    [
      'the end-user support answers to 4.2, 4.3 and 5.2',
      'brukerservice',
      ['phone-wait', 'phone-answer-rate', null, null, 'enduser-email-reply', 'support-portal-reply'],
    ],
    ['the service desk line only to 5.2', 'servicedesk', [null, null, null, null, null, 'support-portal-reply']],
  ];
  for (const [what, line, expected] of rows)
    it(what, () =>
      assert.deepEqual(
        Object.values(targetsFor(line)).map((t) => t?.policyId ?? null),
        expected,
      ),
    );
});

describe('kpiValues', () => {
  const noReplies = { count: 0, inTime: 0, late: 0, pending: 0, share: null, percentShown: null };
  const phone = (totals: PhoneTotals) => phoneFiguresFromTotals(totals);
  const rows: { what: string; totals: PhoneTotals; met: (boolean | null)[] }[] = [
    {
      what: 'exactly 60 s and exactly 90 % meet both',
      totals: { offered: 10, answeredDirectly: 9, callbacks: 1, abandoned: 0, waitMs: 540_000 },
      met: [true, true, null, null, null, null],
    },
    {
      what: '60.001 s misses although it shows as 60',
      totals: { offered: 10, answeredDirectly: 9, callbacks: 1, abandoned: 0, waitMs: 540_009 },
      met: [false, true, null, null, null, null],
    },
    {
      what: '89.6 % misses although it shows as 90',
      totals: { offered: 1000, answeredDirectly: 896, callbacks: 104, abandoned: 0, waitMs: 0 },
      met: [true, false, null, null, null, null],
    },
  ];
  for (const row of rows)
    it(row.what, () =>
      assert.deepEqual(
        kpiValues('brukerservice', phone(row.totals), noReplies, noReplies).map((k) => k.met),
        row.met,
      ),
    );
  it('an e-mail answered late misses 4.3; self-service all in time meets 5.2', () => {
    const values = kpiValues(
      'brukerservice',
      phone({ offered: 0, answeredDirectly: 0, callbacks: 0, abandoned: 0, waitMs: 0 }),
      { count: 3, inTime: 2, late: 1, pending: 0, share: 2 / 3, percentShown: 67 },
      { count: 2, inTime: 2, late: 0, pending: 0, share: 1, percentShown: 100 },
    );
    assert.deepEqual(
      values.map((k) => [k.id, k.shown, k.met]),
      [
        ['phone-wait', null, null],
        ['phone-answer-rate', null, null],
        ['phone-callbacks', null, null],
        ['emails', 3, null],
        ['email-reply', 67, false],
        ['self-service-reply', 100, true],
      ],
    );
  });
});

describe('periodKpis', () => {
  const period = { kind: 'month' as const, key: '2026-01', start: 0, end: 1 };
  const none = { count: 0, inTime: 0, late: 0, pending: 0, share: null, percentShown: null };
  const rows: { line: 'brukerservice' | 'servicedesk'; calls: CallLog[]; waitMet: boolean | null }[] = [
    { line: 'brukerservice', calls: [call(61)], waitMet: false },
    { line: 'brukerservice', calls: [call(59)], waitMet: true },
    { line: 'servicedesk', calls: [call(61)], waitMet: null },
  ];
  for (const row of rows)
    it(`${row.line}: ${row.calls.length} call(s) → wait met ${String(row.waitMet)}`, () => {
      const result = periodKpis(period, row.line, phoneFigures(row.calls), none, none);
      assert.equal(result.period, period);
      assert.equal(result.line, row.line);
      assert.equal(result.kpis.find((k) => k.id === 'phone-wait')?.met, row.waitMet);
    });
});
