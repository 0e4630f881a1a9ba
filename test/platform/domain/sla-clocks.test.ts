import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { formatInstant, parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import { type ClockEvent, type ClockResult, computeClocks } from '../../../src/platform/domain/sla/clocks.ts';
import type { CaseType, ClockEventType, IncidentCategory } from '../../../src/platform/domain/sla/policies.ts';

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(iso);
  return t;
};
const calendar = (id: string) => {
  const c = builtInCalendars().get(id);
  if (!c) throw new Error(id);
  return c;
};
type E = [ClockEventType, string, IncidentCategory?];
const events = (list: E[]): ClockEvent[] =>
  list.map(([type, iso, category]) => ({ type, at: at(iso), ...(category ? { category } : {}) }));

function clocks(caseType: CaseType, list: E[], now: string): Record<string, ClockResult> {
  return Object.fromEntries(
    computeClocks({ caseType, events: events(list), now: at(now), calendar }).map((r) => [r.policyId, r]),
  );
}

interface Case {
  what: string;
  caseType: CaseType;
  events: E[];
  now: string;
  policy: string;
  state: ClockResult['state'];
  due?: string | null;
}

const cases: Case[] = [
  {
    what: 'A at night: work started within the hour is met',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-07T22:00:00+01:00', 'A'],
      ['work-started', '2026-03-07T22:40:00+01:00'],
    ],
    now: '2026-03-08T09:00:00+01:00',
    policy: 'incident-a-start',
    state: 'met',
    due: '2026-03-07T23:00:00+01:00',
  },
  {
    what: 'A: running at 30 minutes',
    caseType: 'incident',
    events: [['registered', '2026-03-07T22:00:00+01:00', 'A']],
    now: '2026-03-07T22:30:00+01:00',
    policy: 'incident-a-start',
    state: 'running',
  },
  {
    what: 'A: at risk with 15 minutes left',
    caseType: 'incident',
    events: [['registered', '2026-03-07T22:00:00+01:00', 'A']],
    now: '2026-03-07T22:45:00+01:00',
    policy: 'incident-a-start',
    state: 'at-risk',
  },
  {
    what: 'A: breached after the hour',
    caseType: 'incident',
    events: [['registered', '2026-03-07T22:00:00+01:00', 'A']],
    now: '2026-03-07T23:00:01+01:00',
    policy: 'incident-a-start',
    state: 'breached',
  },
  {
    what: 'A across the spring DST change: one real hour',
    caseType: 'incident',
    events: [['registered', '2026-03-29T01:30:00+01:00', 'A']],
    now: '2026-03-29T01:40:00+01:00',
    policy: 'incident-a-start',
    state: 'running',
    due: '2026-03-29T03:30:00+02:00',
  },
  {
    what: 'B on Friday afternoon: due Monday 08:45',
    caseType: 'incident',
    events: [['registered', '2026-03-27T15:30:00+01:00', 'B']],
    now: '2026-03-30T08:20:00+02:00',
    policy: 'incident-b-start',
    state: 'running',
    due: '2026-03-30T08:45:00+02:00',
  },
  {
    what: 'B: breached Monday 08:50',
    caseType: 'incident',
    events: [['registered', '2026-03-27T15:30:00+01:00', 'B']],
    now: '2026-03-30T08:50:00+02:00',
    policy: 'incident-b-start',
    state: 'breached',
  },
  {
    what: 'B: work started over the weekend is met',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-27T15:30:00+01:00', 'B'],
      ['work-started', '2026-03-28T10:00:00+01:00'],
    ],
    now: '2026-03-30T12:00:00+02:00',
    policy: 'incident-b-start',
    state: 'met',
  },
  {
    what: 'C: a workaround by Thursday meets it',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'C'],
      ['workaround', '2026-03-05T15:00:00+01:00'],
      ['resolved', '2026-03-06T10:00:00+01:00'],
    ],
    now: '2026-03-09T10:00:00+01:00',
    policy: 'incident-c-resolve',
    state: 'met',
    due: '2026-03-05T15:45:00+01:00',
  },
  {
    what: 'C: resolved after closing on the due day is breached',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'C'],
      ['resolved', '2026-03-05T18:00:00+01:00'],
    ],
    now: '2026-03-09T10:00:00+01:00',
    policy: 'incident-c-resolve',
    state: 'breached',
  },
  {
    what: 'C: a day paused moves the deadline a day of open time',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'C'],
      ['paused', '2026-03-03T10:00:00+01:00'],
      ['resumed', '2026-03-04T10:00:00+01:00'],
    ],
    now: '2026-03-04T11:00:00+01:00',
    policy: 'incident-c-resolve',
    state: 'running',
    due: '2026-03-06T15:45:00+01:00',
  },
  {
    what: 'C: while paused there is no deadline',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'C'],
      ['paused', '2026-03-03T10:00:00+01:00'],
    ],
    now: '2026-03-20T10:00:00+01:00',
    policy: 'incident-c-resolve',
    state: 'running',
    due: null,
  },
  {
    what: 'C → A: A applies from the original registration and is breached',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'C'],
      ['reclassified', '2026-03-02T12:00:00+01:00', 'A'],
    ],
    now: '2026-03-02T12:00:00+01:00',
    policy: 'incident-a-start',
    state: 'breached',
    due: '2026-03-02T11:00:00+01:00',
  },
  {
    what: 'C → A: the C clock no longer applies',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'C'],
      ['reclassified', '2026-03-02T12:00:00+01:00', 'A'],
    ],
    now: '2026-03-02T12:00:00+01:00',
    policy: 'incident-c-resolve',
    state: 'not-applicable',
  },
  {
    what: 'B → C keeps registration and the pause',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T09:00:00+01:00', 'B'],
      ['paused', '2026-03-02T09:10:00+01:00'],
      ['reclassified', '2026-03-02T09:30:00+01:00', 'C'],
      ['resumed', '2026-03-03T09:00:00+01:00'],
    ],
    now: '2026-03-03T10:00:00+01:00',
    policy: 'incident-c-resolve',
    state: 'running',
    due: '2026-03-06T15:35:00+01:00',
  },
  {
    what: 'B: work started while paused, within the open time used, is met',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T09:00:00+01:00', 'B'],
      ['paused', '2026-03-02T09:30:00+01:00'],
      ['work-started', '2026-03-02T12:00:00+01:00'],
    ],
    now: '2026-03-02T13:00:00+01:00',
    policy: 'incident-b-start',
    state: 'met',
    due: null,
  },
  {
    what: 'B: paused after the deadline is breached',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T09:00:00+01:00', 'B'],
      ['paused', '2026-03-02T10:30:00+01:00'],
    ],
    now: '2026-03-02T11:00:00+01:00',
    policy: 'incident-b-start',
    state: 'breached',
    due: '2026-03-02T10:00:00+01:00',
  },
  {
    what: 'B: overdue before a pause keeps the real deadline after resuming',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T09:00:00+01:00', 'B'],
      ['paused', '2026-03-02T10:30:00+01:00'],
      ['resumed', '2026-03-02T11:30:00+01:00'],
    ],
    now: '2026-03-02T12:00:00+01:00',
    policy: 'incident-b-start',
    state: 'breached',
    due: '2026-03-02T10:00:00+01:00',
  },
  {
    what: 'C: resolved while paused, with open time to spare, is met',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'C'],
      ['paused', '2026-03-03T10:00:00+01:00'],
      ['resolved', '2026-03-06T10:00:00+01:00'],
    ],
    now: '2026-03-06T11:00:00+01:00',
    policy: 'incident-c-resolve',
    state: 'met',
  },
  {
    what: 'feedback: resolved but the reporter not told yet is at risk',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'B'],
      ['resolved', '2026-03-02T12:00:00+01:00'],
    ],
    now: '2026-03-02T13:00:00+01:00',
    policy: 'incident-feedback',
    state: 'at-risk',
    due: null,
  },
  {
    what: 'feedback given at resolution is met',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'B'],
      ['resolved', '2026-03-02T12:00:00+01:00'],
      ['feedback-given', '2026-03-02T12:00:00+01:00'],
    ],
    now: '2026-03-02T13:00:00+01:00',
    policy: 'incident-feedback',
    state: 'met',
  },
  {
    what: 'closed without feedback is breached',
    caseType: 'incident',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00', 'B'],
      ['resolved', '2026-03-02T12:00:00+01:00'],
      ['closed', '2026-03-03T12:00:00+01:00'],
    ],
    now: '2026-03-04T13:00:00+01:00',
    policy: 'incident-feedback',
    state: 'breached',
  },
  {
    what: 'support request answered on day 3 is met',
    caseType: 'support-request',
    events: [
      ['registered', '2026-03-07T10:00:00+01:00'],
      ['feedback-given', '2026-03-11T15:00:00+01:00'],
    ],
    now: '2026-03-12T10:00:00+01:00',
    policy: 'support-portal-reply',
    state: 'met',
    due: '2026-03-11T15:45:00+01:00',
  },
  {
    what: 'end-user e-mail: 8 h of brukerservice',
    caseType: 'enduser-email',
    events: [['registered', '2026-03-03T12:00:00+01:00']],
    now: '2026-03-04T08:00:00+01:00',
    policy: 'enduser-email-reply',
    state: 'running',
    due: '2026-03-04T12:30:00+01:00',
  },
  {
    what: 'change request: status within 10 business days',
    caseType: 'change-request',
    events: [['registered', '2026-03-02T10:00:00+01:00']],
    now: '2026-03-17T00:00:01+01:00',
    policy: 'change-request-feedback',
    state: 'breached',
    due: '2026-03-17T00:00:00+01:00',
  },
  {
    what: 'change request: qualified within 20 business days',
    caseType: 'change-request',
    events: [
      ['registered', '2026-03-02T10:00:00+01:00'],
      ['qualified', '2026-03-20T10:00:00+01:00'],
    ],
    now: '2026-04-01T10:00:00+02:00',
    policy: 'change-request-qualification',
    state: 'met',
  },
  {
    what: 'not registered yet: nothing applies',
    caseType: 'incident',
    events: [],
    now: '2026-03-02T10:00:00+01:00',
    policy: 'incident-a-start',
    state: 'not-applicable',
  },
];

describe('computeClocks', () => {
  for (const c of cases) {
    it(c.what, () => {
      const result = clocks(c.caseType, c.events, c.now)[c.policy];
      assert.ok(result, `no result for ${c.policy}`);
      assert.equal(result.state, c.state);
      if (c.due !== undefined) assert.equal(result.dueAt === null ? null : formatInstant(result.dueAt), c.due);
    });
  }

  it('is deterministic and independent of the order events are given in', () => {
    const list: E[] = [
      ['registered', '2026-03-02T09:00:00+01:00', 'B'],
      ['paused', '2026-03-02T09:10:00+01:00'],
      ['reclassified', '2026-03-02T09:30:00+01:00', 'C'],
      ['resumed', '2026-03-03T09:00:00+01:00'],
    ];
    const a = clocks('incident', list, '2026-03-03T10:00:00+01:00');
    const b = clocks('incident', [...list].reverse(), '2026-03-03T10:00:00+01:00');
    assert.deepEqual(a, b);
  });

  it('reports elapsed and remaining open time', () => {
    const r = clocks('incident', [['registered', '2026-03-27T15:30:00+01:00', 'B']], '2026-03-30T08:20:00+02:00')[
      'incident-b-start'
    ];
    assert.equal(r?.elapsedMs, 35 * 60_000);
    assert.equal(r?.remainingMs, 25 * 60_000);
  });
});
