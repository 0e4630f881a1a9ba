import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import {
  type ClockSnapshot,
  nextDue,
  remainingAt,
  snapshotOf,
  stateAt,
} from '../../../src/platform/domain/sla/clock-snapshot.ts';
import { type ClockEvent, computeClocks } from '../../../src/platform/domain/sla/clocks.ts';
import { type CaseType, type ClockEventType, findPolicy } from '../../../src/platform/domain/sla/policies.ts';

const calendar = (id: string) => {
  const c = builtInCalendars().get(id);
  if (!c) throw new Error(id);
  return c;
};
const min = 60_000;
const t0 = Date.UTC(2026, 2, 2, 8, 0); // Monday 09:00 Oslo

const snap = (over: Partial<ClockSnapshot>): ClockSnapshot => ({
  policyId: 'incident-b-start',
  state: 'running',
  dueAt: t0 + 60 * min,
  atRiskAt: t0 + 45 * min,
  targetMs: 60 * min,
  remainingMs: null,
  stoppedAt: null,
  paused: false,
  live: true,
  ...over,
});

describe('stateAt', () => {
  const rows: [string, ClockSnapshot, number, string][] = [
    ['running before the at-risk point', snap({}), t0 + 10 * min, 'running'],
    ['at risk from the at-risk point', snap({}), t0 + 45 * min, 'at-risk'],
    ['still at risk at the deadline itself', snap({}), t0 + 60 * min, 'at-risk'],
    ['breached after the deadline', snap({}), t0 + 60 * min + 1, 'breached'],
    ['a stopped clock keeps its verdict', snap({ live: false, state: 'met', stoppedAt: t0 }), t0 + 600 * min, 'met'],
    [
      'a paused clock keeps its state',
      snap({ live: false, paused: true, state: 'at-risk', dueAt: null, remainingMs: 5 * min }),
      t0 + 600 * min,
      'at-risk',
    ],
  ];
  for (const [what, s, now, state] of rows) it(what, () => assert.equal(stateAt(s, now), state));
});

describe('remainingAt and nextDue', () => {
  it('counts open time only, frozen while paused, zero when overdue', () => {
    const desk = calendar('servicedesk');
    assert.equal(remainingAt(snap({}), desk, t0 + 20 * min), 40 * min);
    assert.equal(
      remainingAt(snap({ live: false, paused: true, dueAt: null, remainingMs: 7 * min }), desk, t0 + 999 * min),
      7 * min,
    );
    assert.equal(remainingAt(snap({}), desk, t0 + 90 * min), 0);
    assert.equal(remainingAt(snap({ live: false, state: 'met', stoppedAt: t0 }), desk, t0), null);
  });
  it('sorts by the earliest running deadline, ignoring stopped and paused clocks', () => {
    assert.equal(
      nextDue([
        snap({ dueAt: t0 + 5 * min, live: false, stoppedAt: t0 }),
        snap({ dueAt: t0 + 90 * min }),
        snap({ dueAt: t0 + 70 * min }),
      ]),
      t0 + 70 * min,
    );
    assert.equal(nextDue([snap({ live: false, paused: true, dueAt: null })]), null);
  });
});

describe('at-risk instants', () => {
  it('are whole milliseconds even when a share of the target is not', () => {
    for (const offset of [1, 7, 333]) {
      const registered = t0 + 15 * min + offset;
      const result = computeClocks({
        caseType: 'support-request',
        events: [{ type: 'registered', at: registered }],
        now: registered,
        calendar,
      });
      const clock = result.find((r) => r.policyId === 'support-portal-reply');
      assert.ok(
        clock?.atRiskAt !== null && clock?.atRiskAt !== undefined && Number.isInteger(clock.atRiskAt),
        `registered at +${offset} ms`,
      );
    }
  });
});

/**
 * The property the work queue rests on: a snapshot taken after a case's latest event gives, at any later moment,
 * the same state, deadline and remaining time as replaying the whole log at that moment.
 */
describe('snapshots agree with replaying the log', () => {
  const kinds: CaseType[] = ['incident', 'support-request', 'change-request'];
  const steps: ClockEventType[] = [
    'work-started',
    'workaround',
    'qualified',
    'resolved',
    'feedback-given',
    'paused',
    'resumed',
    'reclassified',
    'closed',
  ];
  const logArb = fc.record({
    kind: fc.constantFrom(...kinds),
    category: fc.constantFrom('A', 'B', 'C' as const),
    start: fc.integer({ min: 0, max: 60 * 24 * 14 }),
    steps: fc.array(
      fc.record({
        type: fc.constantFrom(...steps),
        gap: fc.integer({ min: 0, max: 60 * 24 * 3 }),
        category: fc.constantFrom('A', 'B', 'C' as const),
      }),
      { maxLength: 6 },
    ),
    later: fc.integer({ min: 0, max: 60 * 24 * 30 }),
  });

  it('for random logs and moments (fixed seed)', () => {
    fc.assert(
      fc.property(logArb, ({ kind, category, start, steps: list, later }) => {
        let at = t0 + start * min;
        const events: ClockEvent[] = [{ type: 'registered', at, ...(kind === 'incident' ? { category } : {}) }];
        for (const s of list) {
          at += s.gap * min;
          events.push({ type: s.type, at, ...(s.type === 'reclassified' ? { category: s.category } : {}) });
        }
        const last = at;
        const now = last + later * min;
        const snapshots = computeClocks({ caseType: kind, events, now: last, calendar }).map(snapshotOf);
        const replayed = computeClocks({ caseType: kind, events, now, calendar });
        for (const r of replayed) {
          const s = snapshots.find((x) => x.policyId === r.policyId);
          assert.ok(s);
          assert.equal(stateAt(s, now), r.state, `${r.policyId} state`);
          assert.equal(s.dueAt, r.dueAt, `${r.policyId} due`);
          assert.ok(
            s.atRiskAt === null || Number.isInteger(s.atRiskAt),
            `${r.policyId} at-risk instant is whole milliseconds`,
          );
          const policy = findPolicy(r.policyId);
          if (s.live && policy && policy.kind === 'clock')
            assert.equal(remainingAt(s, calendar(policy.calendar), now), r.remainingMs, `${r.policyId} remaining`);
        }
      }),
      { seed: 20_261_124, numRuns: 400 },
    );
  });
});
