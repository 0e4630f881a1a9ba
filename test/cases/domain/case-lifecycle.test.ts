import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkEvent,
  checkRegistration,
  deriveCase,
  isOpenStatus,
  type LifecycleEvent,
} from '../../../src/modules/cases/domain/case-lifecycle.ts';
import { type CaseKind, policiesOf } from '../../../src/modules/cases/domain/case-types.ts';

const t0 = Date.UTC(2026, 2, 2, 9, 0);
const min = 60_000;
const ev = (type: LifecycleEvent['type'], minutes: number, extra: Partial<LifecycleEvent> = {}): LifecycleEvent => ({
  type,
  at: t0 + minutes * min,
  ...extra,
});
const registeredB = ev('registered', 0, { category: 'B' });

describe('deriveCase', () => {
  const cases: { what: string; events: LifecycleEvent[]; expect: Partial<ReturnType<typeof deriveCase>> }[] = [
    {
      what: 'a new incident',
      events: [registeredB],
      expect: { status: 'registered', category: 'B', paused: false, registeredAt: t0 },
    },
    {
      what: 'work started',
      events: [registeredB, ev('work-started', 10)],
      expect: { status: 'in-progress', workStartedAt: t0 + 10 * min },
    },
    {
      what: 'paused then resumed',
      events: [registeredB, ev('paused', 5, { body: 'venter' }), ev('resumed', 20)],
      expect: { paused: false, lastEventAt: t0 + 20 * min },
    },
    {
      what: 'resolution ends a pause',
      events: [registeredB, ev('paused', 5, { body: 'venter' }), ev('resolved', 30)],
      expect: { status: 'resolved', paused: false, resolvedAt: t0 + 30 * min },
    },
    {
      what: 'reclassified',
      events: [registeredB, ev('reclassified', 5, { category: 'A' })],
      expect: { category: 'A' },
    },
    {
      what: 'a workaround after qualification does not move the status back',
      events: [ev('registered', 0), ev('qualified', 5), ev('workaround', 6)],
      expect: { status: 'workaround' },
    },
    {
      what: 'assigned then unassigned',
      events: [registeredB, ev('assigned', 1, { assigneeId: 'u1' }), ev('assigned', 2, { assigneeId: null })],
      expect: { assigneeId: null },
    },
    {
      what: 'closed',
      events: [registeredB, ev('resolved', 1), ev('closed', 2)],
      expect: { status: 'closed', closedAt: t0 + 2 * min },
    },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const view = deriveCase(c.events);
      for (const [key, value] of Object.entries(c.expect)) assert.deepEqual(view[key as keyof typeof view], value, key);
    });
  }
});

describe('checkRegistration', () => {
  const now = t0;
  const rows: [string, CaseKind, 'A' | 'B' | 'C' | null, number, string | null][] = [
    ['an incident with a category', 'incident', 'C', now, null],
    ['an incident without one', 'incident', null, now, 'category'],
    ['a support request with a category', 'support-request', 'A', now, 'category'],
    ['registered in the future', 'change-request', null, now + 10 * min, 'at'],
    ['within the clock-skew tolerance', 'change-request', null, now + 4 * min, null],
  ];
  for (const [what, kind, category, at, field] of rows) {
    it(what, () => assert.equal(checkRegistration(kind, { at, category }, now)?.field ?? null, field));
  }
});

describe('checkEvent', () => {
  const now = t0 + 120 * min;
  const rows: {
    what: string;
    kind: CaseKind;
    log: LifecycleEvent[];
    next: LifecycleEvent;
    problem: [string, string] | null;
  }[] = [
    { what: 'work starts', kind: 'incident', log: [registeredB], next: ev('work-started', 10), problem: null },
    {
      what: 'work starts twice',
      kind: 'incident',
      log: [registeredB, ev('work-started', 10)],
      next: ev('work-started', 11),
      problem: ['type', 'conflict'],
    },
    {
      what: 'an event before the latest one',
      kind: 'incident',
      log: [registeredB, ev('work-started', 10)],
      next: ev('resolved', 5),
      problem: ['at', 'validation'],
    },
    {
      what: 'an event in the future',
      kind: 'incident',
      log: [registeredB],
      next: ev('resolved', 200),
      problem: ['at', 'validation'],
    },
    {
      what: 'a pause without a reason',
      kind: 'incident',
      log: [registeredB],
      next: ev('paused', 5),
      problem: ['body', 'validation'],
    },
    {
      what: 'a pause while paused',
      kind: 'incident',
      log: [registeredB, ev('paused', 5, { body: 'x' })],
      next: ev('paused', 6, { body: 'y' }),
      problem: ['type', 'conflict'],
    },
    {
      what: 'resuming what is not paused',
      kind: 'incident',
      log: [registeredB],
      next: ev('resumed', 5),
      problem: ['type', 'conflict'],
    },
    {
      what: 'reclassifying to the same category',
      kind: 'incident',
      log: [registeredB],
      next: ev('reclassified', 5, { category: 'B' }),
      problem: ['category', 'validation'],
    },
    {
      what: 'reclassifying a support request',
      kind: 'support-request',
      log: [ev('registered', 0)],
      next: ev('reclassified', 5, { category: 'A' }),
      problem: ['type', 'validation'],
    },
    {
      what: 'a workaround on a change request',
      kind: 'change-request',
      log: [ev('registered', 0)],
      next: ev('workaround', 5),
      problem: ['type', 'validation'],
    },
    {
      what: 'qualifying a change request',
      kind: 'change-request',
      log: [ev('registered', 0)],
      next: ev('qualified', 5),
      problem: null,
    },
    {
      what: 'anything after closing',
      kind: 'incident',
      log: [registeredB, ev('resolved', 1), ev('closed', 2)],
      next: ev('commented', 3, { body: 'hei' }),
      problem: ['type', 'conflict'],
    },
    {
      what: 'closing unresolved without a reason',
      kind: 'incident',
      log: [registeredB],
      next: ev('closed', 3),
      problem: ['body', 'validation'],
    },
    {
      what: 'closing unresolved with a reason',
      kind: 'incident',
      log: [registeredB],
      next: ev('closed', 3, { body: 'duplikat av NIVA-1001' }),
      problem: null,
    },
    {
      what: 'an empty comment',
      kind: 'incident',
      log: [registeredB],
      next: ev('commented', 3, { body: '  ' }),
      problem: ['body', 'validation'],
    },
    {
      what: 'feedback after resolution',
      kind: 'incident',
      log: [registeredB, ev('resolved', 1)],
      next: ev('feedback-given', 3),
      problem: null,
    },
    {
      what: 'a pause after resolution',
      kind: 'incident',
      log: [registeredB, ev('resolved', 1)],
      next: ev('paused', 3, { body: 'x' }),
      problem: ['type', 'conflict'],
    },
    {
      what: 'registering twice',
      kind: 'incident',
      log: [registeredB],
      next: ev('registered', 3),
      problem: ['type', 'conflict'],
    },
    {
      what: 'assigning without naming anyone',
      kind: 'incident',
      log: [registeredB],
      next: ev('assigned', 3),
      problem: ['assigneeId', 'validation'],
    },
  ];
  for (const r of rows) {
    it(r.what, () => {
      const problem = checkEvent(r.kind, deriveCase(r.log), r.next, now);
      assert.deepEqual(problem ? [problem.field, problem.code] : null, r.problem);
    });
  }
});

describe('case kinds', () => {
  it('open means work is outstanding', () => {
    assert.deepEqual(
      (['registered', 'in-progress', 'qualified', 'workaround', 'resolved', 'closed'] as const).map(isOpenStatus),
      [true, true, true, true, false, false],
    );
  });
  const kinds: [CaseKind, string[]][] = [
    ['incident', ['incident-a-start', 'incident-b-start', 'incident-c-resolve', 'incident-feedback']],
    ['support-request', ['support-portal-reply']],
    ['change-request', ['change-request-feedback', 'change-request-qualification']],
    ['deletion-request', []],
    ['deactivation-order', []],
  ];
  for (const [kind, ids] of kinds)
    it(`${kind} carries ${ids.join(', ') || 'no SLA policy'}`, () => assert.deepEqual(policiesOf(kind), ids));
});
