import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { formatInstant, parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import { type ClockEvent, computeClocks, policyDue } from '../../../src/platform/domain/sla/clocks.ts';
import { checkNotice } from '../../../src/platform/domain/sla/notice-check.ts';
import { findPolicy, policies } from '../../../src/platform/domain/sla/policies.ts';

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

describe('the at-risk horizon', () => {
  it('is a fixed amount of open time for every deadline clock', () => {
    for (const p of policies)
      if (p.kind === 'clock') assert.ok(p.atRiskWithinHours > 0 && Number.isFinite(p.atRiskWithinHours), p.id);
  });

  // Two C incidents registered at different times on Monday are both due Thursday 15:45. With a share of each one's
  // target they went at risk at different instants; with a horizon they turn together.
  const registrations = ['2026-03-02T08:00:00+01:00', '2026-03-02T15:00:00+01:00'];
  const states: [now: string, state: string][] = [
    ['2026-03-05T08:44:00+01:00', 'running'],
    ['2026-03-05T08:45:00+01:00', 'at-risk'],
    ['2026-03-05T15:45:00+01:00', 'at-risk'],
    ['2026-03-05T15:45:01+01:00', 'breached'],
  ];
  for (const [now, state] of states)
    it(`C incidents due at the same instant are both ${state} at ${now}`, () => {
      for (const registered of registrations) {
        const events: ClockEvent[] = [{ type: 'registered', at: at(registered), category: 'C' }];
        const clock = computeClocks({ caseType: 'incident', events, now: at(now), calendar }).find(
          (c) => c.policyId === 'incident-c-resolve',
        );
        assert.equal(clock && formatInstant(clock.dueAt ?? 0), '2026-03-05T15:45:00+01:00', registered);
        assert.equal(clock?.state, state, registered);
        assert.equal(clock && formatInstant(clock.atRiskAt ?? 0), '2026-03-05T08:45:00+01:00', registered);
      }
    });

  const horizons: [policy: string, registered: string, atRisk: string][] = [
    ['incident-a-start', '2026-03-07T22:00:00+01:00', '2026-03-07T22:45:00+01:00'],
    ['incident-b-start', '2026-03-02T15:30:00+01:00', '2026-03-03T08:30:00+01:00'],
    ['support-portal-reply', '2026-03-02T10:00:00+01:00', '2026-03-05T08:45:00+01:00'],
    ['change-request-feedback', '2026-03-02T10:00:00+01:00', '2026-03-13T00:00:00+01:00'],
  ];
  for (const [id, registered, atRisk] of horizons)
    it(`${id} registered ${registered} is at risk from ${atRisk}`, () => {
      const policy = findPolicy(id);
      assert.ok(policy && policy.kind === 'clock');
      const caseType = policy.appliesTo.caseType;
      const category = policy.appliesTo.categories?.[0];
      const events: ClockEvent[] = [{ type: 'registered', at: at(registered), ...(category ? { category } : {}) }];
      const clock = computeClocks({ caseType, events, now: at(registered), calendar }).find((c) => c.policyId === id);
      assert.equal(clock && formatInstant(clock.atRiskAt ?? 0), atRisk);
    });
});

describe('policies as data', () => {
  it('has every policy id of the agreement, each tied to a clause', () => {
    const ids = [
      'incident-a-start',
      'incident-b-start',
      'incident-c-resolve',
      'incident-feedback',
      'maintenance-notice',
      'change-notice',
      'major-change-notice',
      'emergency-change',
      'support-portal-reply',
      'enduser-email-reply',
      'phone-wait',
      'phone-answer-rate',
      'change-request-feedback',
      'change-request-qualification',
    ];
    assert.deepEqual(policies.map((p) => p.id).sort(), [...ids].sort());
    for (const p of policies) assert.match(p.clause, /^\d/, p.id);
  });

  const dues: [string, string, string][] = [
    ['incident-a-start', '2026-12-24T23:30:00+01:00', '2026-12-25T00:30:00+01:00'],
    ['incident-b-start', '2026-12-24T15:30:00+01:00', '2026-12-28T08:45:00+01:00'],
    ['incident-c-resolve', '2026-12-23T10:00:00+01:00', '2026-12-29T15:45:00+01:00'],
    ['support-portal-reply', '2027-01-01T10:00:00+01:00', '2027-01-06T15:45:00+01:00'],
    ['change-request-feedback', '2026-03-02T10:00:00+01:00', '2026-03-17T00:00:00+01:00'],
  ];
  for (const [id, registered, due] of dues) {
    it(`${id} registered ${registered} is due ${due}`, () => {
      const policy = findPolicy(id);
      assert.ok(policy && policy.kind === 'clock');
      assert.equal(formatInstant(policyDue(policy, calendar(policy.calendar), at(registered))), due);
    });
  }
});

describe('checkNotice', () => {
  const cases: [string, string, string, boolean, string][] = [
    [
      'maintenance announced at the end of the 5th business day before',
      'maintenance-notice',
      '2026-03-13T00:00:00+01:00',
      true,
      '2026-03-13T00:00:00+01:00',
    ],
    [
      'maintenance announced a second later',
      'maintenance-notice',
      '2026-03-13T00:00:01+01:00',
      false,
      '2026-03-13T00:00:00+01:00',
    ],
    [
      'change announced 8 weeks before',
      'change-notice',
      '2026-01-22T10:00:00+01:00',
      true,
      '2026-01-22T10:00:00+01:00',
    ],
    [
      'major change announced one month before',
      'major-change-notice',
      '2026-02-19T10:00:00+01:00',
      false,
      '2025-09-19T10:00:00+02:00',
    ],
    [
      'emergency change announced at its start',
      'emergency-change',
      '2026-03-19T10:00:00+01:00',
      true,
      '2026-03-19T10:00:00+01:00',
    ],
    [
      'emergency change announced after its start',
      'emergency-change',
      '2026-03-19T10:05:00+01:00',
      false,
      '2026-03-19T10:00:00+01:00',
    ],
  ];
  for (const [what, id, announced, ok, latest] of cases) {
    it(what, () => {
      const policy = findPolicy(id);
      assert.ok(policy && (policy.kind === 'notice' || policy.kind === 'exemption'));
      const result = checkNotice(policy, calendar, at(announced), at('2026-03-19T10:00:00+01:00'));
      assert.equal(result.ok, ok);
      assert.equal(formatInstant(result.latest), latest);
    });
  }
});
