import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ComplianceFacts,
  type ComplianceRow,
  type ComplianceStatus,
  type ComplianceSubject,
  complianceRows,
} from '../../../src/modules/reports/domain/compliance.ts';
import type { ClockState } from '../../../src/platform/domain/sla/clocks.ts';
import { clock, component, day, facts, monthStart, rowOf } from './compliance-fixtures.ts';

describe('complianceRows: the case clocks', () => {
  const clockRows: { subject: ComplianceSubject; policyId: string; requirement: string; limit: string }[] = [
    { subject: 'incident-a-start', policyId: 'incident-a-start', requirement: '2.2.1', limit: '1 h' },
    { subject: 'incident-b-start', policyId: 'incident-b-start', requirement: '2.2.2', limit: '1 h' },
    { subject: 'incident-c-resolve', policyId: 'incident-c-resolve', requirement: '2.2.3', limit: '3 BD' },
    { subject: 'incident-feedback', policyId: 'incident-feedback', requirement: '2.2', limit: '' },
    { subject: 'support-portal-reply', policyId: 'support-portal-reply', requirement: '5.2', limit: '3 BD' },
    { subject: 'change-request-feedback', policyId: 'change-request-feedback', requirement: '6.1', limit: '10 BD' },
    {
      subject: 'change-request-qualification',
      policyId: 'change-request-qualification',
      requirement: '6.2',
      limit: '20 BD',
    },
  ];
  const scenarios: {
    what: string;
    states: ClockState[];
    status: ComplianceStatus;
    measure: { inTime: number; late: number; pending: number };
  }[] = [
    {
      what: 'a breached clock misses it',
      states: ['met', 'breached', 'running'],
      status: 'missed',
      measure: { inTime: 1, late: 1, pending: 1 },
    },
    {
      what: 'clocks still running (even at risk) only are met so far',
      states: ['running', 'at-risk'],
      status: 'met',
      measure: { inTime: 0, late: 0, pending: 2 },
    },
    { what: 'met clocks are met', states: ['met', 'met'], status: 'met', measure: { inTime: 2, late: 0, pending: 0 } },
    { what: 'no clock is no data', states: [], status: 'no-data', measure: { inTime: 0, late: 0, pending: 0 } },
    {
      what: 'clocks that do not apply are no data',
      states: ['not-applicable', 'not-applicable'],
      status: 'no-data',
      measure: { inTime: 0, late: 0, pending: 0 },
    },
  ];
  for (const spec of clockRows) {
    for (const s of scenarios) {
      it(`${spec.requirement} ${spec.subject}: ${s.what}`, () => {
        const own = s.states.map((state) => clock(spec.policyId, state));
        // Another policy's breach must not leak into this row.
        const other = clock(
          spec.policyId === 'incident-a-start' ? 'incident-b-start' : 'incident-a-start',
          'breached',
          'OTHER-1',
        );
        const row = rowOf(complianceRows(facts({ clocks: [...own, other] })), spec.subject);
        assert.equal(row.requirement, spec.requirement);
        assert.equal(row.status, s.status);
        assert.deepEqual(row.measure, { kind: 'in-time', ...s.measure });
        assert.deepEqual(row.target, { kind: 'every-in-time', limit: spec.limit });
        const breached = own.filter((c) => c.state === 'breached');
        assert.deepEqual(
          row.deviations,
          breached.map((c) => ({ reference: c.reference, kind: 'breached', at: c.registeredAt })),
        );
      });
    }
  }

  it('lists every breached case by its reference', () => {
    const clocks = [
      clock('incident-a-start', 'breached', 'S-2026-0007', monthStart + 3 * day),
      clock('incident-a-start', 'breached', 'S-2026-0011', monthStart + 9 * day),
    ];
    const row = rowOf(complianceRows(facts({ clocks })), 'incident-a-start');
    assert.equal(row.status, 'missed');
    assert.deepEqual(
      row.deviations.map((d) => d.reference),
      ['S-2026-0007', 'S-2026-0011'],
    );
  });
});

describe('complianceRows: availability', () => {
  const outages: ComplianceFacts['outages'] = [
    { componentCode: 'apps', startAt: monthStart + 10 * day, severity: 'major' },
    { componentCode: 'apps', startAt: monthStart + 2 * day, severity: 'partial' },
    { componentCode: 'studio', startAt: monthStart + 5 * day, severity: 'major' },
  ];
  const cases: {
    what: string;
    component: ComplianceFacts['components'][number];
    requirement: string;
    status: ComplianceStatus;
    deviations: ComplianceRow['deviations'];
  }[] = [
    {
      what: 'production met',
      component: component('apps', 'always', { rounded: '99.95', meetsTarget: true, known: true }),
      requirement: '2.3.1',
      status: 'met',
      deviations: [],
    },
    {
      what: 'production missed lists its own outages, oldest first, and its late notices',
      component: component('apps', 'always', { rounded: '99.80', meetsTarget: false, known: true }),
      requirement: '2.3.1',
      status: 'missed',
      deviations: [
        { reference: 'apps', kind: 'outage-partial', at: monthStart + 2 * day },
        { reference: 'apps: Oppgradering', kind: 'late-notice', at: monthStart + 4 * day },
        { reference: 'apps', kind: 'outage-major', at: monthStart + 10 * day },
      ],
    },
    {
      what: 'production unknown',
      component: component('apps', 'always', { rounded: null, meetsTarget: false, known: false }),
      requirement: '2.3.1',
      status: 'no-data',
      deviations: [],
    },
    {
      what: 'another production calendar is still 2.3.1',
      component: component('apis', 'business-hours', { rounded: '100.00', meetsTarget: true, known: true }),
      requirement: '2.3.1',
      status: 'met',
      deviations: [],
    },
    {
      what: 'development met',
      component: component('studio', 'studio-hours', { rounded: '99.90', meetsTarget: true, known: true }),
      requirement: '2.4.1',
      status: 'met',
      deviations: [],
    },
    {
      what: 'production so far, met: the measure says up to when',
      component: component('apps', 'always', {
        rounded: '100.00',
        meetsTarget: true,
        known: true,
        through: monthStart + 7 * day,
      }),
      requirement: '2.3.1',
      status: 'met',
      deviations: [],
    },
    {
      what: 'production missed so far lists only what happened before the instant it is counted up to',
      component: component('apps', 'always', {
        rounded: '99.80',
        meetsTarget: false,
        known: true,
        through: monthStart + 5 * day,
      }),
      requirement: '2.3.1',
      status: 'missed',
      deviations: [
        { reference: 'apps', kind: 'outage-partial', at: monthStart + 2 * day },
        { reference: 'apps: Oppgradering', kind: 'late-notice', at: monthStart + 4 * day },
      ],
    },
    {
      what: 'production missed so far leaves out late work still ahead',
      component: component('apps', 'always', {
        rounded: '99.80',
        meetsTarget: false,
        known: true,
        through: monthStart + 3 * day,
      }),
      requirement: '2.3.1',
      status: 'missed',
      deviations: [{ reference: 'apps', kind: 'outage-partial', at: monthStart + 2 * day }],
    },
    {
      what: 'development missed lists only its own outage',
      component: component('studio', 'studio-hours', { rounded: '99.51', meetsTarget: false, known: true }),
      requirement: '2.4.1',
      status: 'missed',
      deviations: [{ reference: 'studio', kind: 'outage-major', at: monthStart + 5 * day }],
    },
  ];
  for (const c of cases) {
    it(`${c.requirement}: ${c.what}`, () => {
      const deviations: ComplianceFacts['deviations'] = [
        { kind: 'late-notice', componentCode: 'apps', reference: 'apps: Oppgradering', at: monthStart + 4 * day },
        // Work in protected hours is its own row, not behind an availability miss.
        {
          kind: 'maintenance-in-operating-hours',
          componentCode: 'apps',
          reference: 'apps: Dagtid',
          at: monthStart + 6 * day,
        },
      ];
      const row = rowOf(
        complianceRows(facts({ components: [c.component], outages, deviations })),
        'availability',
        c.component.name,
      );
      assert.equal(row.requirement, c.requirement);
      assert.equal(row.status, c.status);
      const { rounded, through } = c.component;
      assert.deepEqual(row.measure, { kind: 'availability', rounded, ...(through === undefined ? {} : { through }) });
      assert.deepEqual(row.target, { kind: 'availability', basisPoints: c.component.targetBasisPoints });
      assert.deepEqual(row.deviations, c.deviations);
    });
  }
});

describe('complianceRows: notice of planned work', () => {
  const change = (
    noticePolicy: string,
    noticeInTime: boolean | null,
    title: string,
  ): ComplianceFacts['changes'][number] => ({
    title,
    componentCode: 'apps',
    noticePolicy,
    noticeInTime,
    startAt: monthStart + 8 * day,
  });
  const specs: { subject: ComplianceSubject; policy: string; requirement: string; limit: string }[] = [
    { subject: 'maintenance-notice', policy: 'maintenance-notice', requirement: '2.3.2 / 2.4.2', limit: '5 BD' },
    { subject: 'change-notice', policy: 'change-notice', requirement: '2.3.3 / 2.4.3', limit: '8 w' },
    { subject: 'major-change-notice', policy: 'major-change-notice', requirement: '2.3.4', limit: '6 m' },
  ];
  const cases: { what: string; notices: (boolean | null)[]; status: ComplianceStatus; inTime: number; late: number }[] =
    [
      { what: 'a late notice misses it', notices: [true, false], status: 'missed', inTime: 1, late: 1 },
      { what: 'notices in time meet it', notices: [true, true], status: 'met', inTime: 2, late: 0 },
      { what: 'no work is no data', notices: [], status: 'no-data', inTime: 0, late: 0 },
      { what: 'work whose notice is undecided is no data', notices: [null], status: 'no-data', inTime: 0, late: 0 },
    ];
  for (const spec of specs) {
    for (const c of cases) {
      it(`${spec.requirement}: ${c.what}`, () => {
        const changes = [
          ...c.notices.map((n, i) => change(spec.policy, n, `Arbeid ${i + 1}`)),
          change('emergency-change', null, 'Nødendring'),
        ];
        const row = rowOf(complianceRows(facts({ changes })), spec.subject);
        assert.equal(row.requirement, spec.requirement);
        assert.equal(row.status, c.status);
        assert.deepEqual(row.measure, { kind: 'in-time', inTime: c.inTime, late: c.late, pending: 0 });
        assert.deepEqual(row.target, { kind: 'every-in-time', limit: spec.limit });
        const late = c.notices.flatMap((n, i) =>
          n === false ? [{ reference: `apps: Arbeid ${i + 1}`, kind: 'late-notice', at: monthStart + 8 * day }] : [],
        );
        assert.deepEqual(row.deviations, late);
      });
    }
  }

  it('2.3.5 / 2.4.4: emergency work is counted, no data without any', () => {
    assert.equal(rowOf(complianceRows(facts()), 'emergency-change').status, 'no-data');
    const row = rowOf(
      complianceRows(
        facts({
          changes: [change('emergency-change', null, 'Nødretting'), change('emergency-change', null, 'Nødretting 2')],
        }),
      ),
      'emergency-change',
    );
    assert.equal(row.status, 'met');
    assert.deepEqual(row.measure, { kind: 'occurrences', count: 2 });
  });
});
