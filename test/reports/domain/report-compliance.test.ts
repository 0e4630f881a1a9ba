import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ComplianceFacts,
  type ComplianceRow,
  type ComplianceStatus,
  type ComplianceSubject,
  complianceRows,
  incidentSummary,
} from '../../../src/modules/reports/domain/compliance.ts';
import type { ClockState } from '../../../src/platform/domain/sla/clocks.ts';
import type { KpiTarget, KpiValue } from '../../../src/modules/support/domain/support-targets.ts';

const day = 86_400_000;
const monthStart = Date.UTC(2026, 1, 1);

function facts(overrides: Partial<ComplianceFacts> = {}): ComplianceFacts {
  return {
    clocks: [],
    incidents: [],
    components: [],
    changes: [],
    outages: [],
    deviations: [],
    supportMonth: [],
    supportWeeks: [],
    supportEmails: { inTime: 0, late: 0, pending: 0 },
    ...overrides,
  };
}

function rowOf(rows: ComplianceRow[], subject: ComplianceSubject, componentName: string | null = null): ComplianceRow {
  const row = rows.find((r) => r.subject === subject && r.componentName === componentName);
  assert.ok(row, `no row for ${subject} ${componentName ?? ''}`);
  return row;
}

let sequence = 0;
function clock(
  policyId: string,
  state: ClockState,
  reference = `S-${(sequence += 1)}`,
  registeredAt = monthStart + sequence * day,
): ComplianceFacts['clocks'][number] {
  return { policyId, reference, category: null, state, registeredAt };
}

function kpi(id: 'phone-wait' | 'phone-answer-rate', shown: number | null, met: boolean | null): KpiValue {
  const target: KpiTarget =
    id === 'phone-wait'
      ? { policyId: 'phone-wait', clause: '4.2', comparison: '<=', threshold: 60 }
      : { policyId: 'phone-answer-rate', clause: '4.2', comparison: '>=', threshold: 90 };
  return { id, unit: id === 'phone-wait' ? 'seconds' : 'percent', value: shown, shown, target, met };
}

function component(
  code: string,
  calendarId: string,
  figure: { rounded: string | null; meetsTarget: boolean; known: boolean; through?: number },
): ComplianceFacts['components'][number] {
  return {
    code,
    name: `Komponent ${code}`,
    calendarId,
    targetBasisPoints: calendarId === 'studio-hours' ? 9980 : 9990,
    ...figure,
  };
}

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

describe('complianceRows: end-user support', () => {
  const weekStart = (n: number) => Date.UTC(2026, 1, 2) + n * 7 * day;
  const cases: {
    what: string;
    id: 'phone-wait' | 'phone-answer-rate';
    weeks: [number | null, boolean | null][];
    month: number | null;
    status: ComplianceStatus;
    met: number;
    missed: number;
  }[] = [
    {
      what: 'two missed weeks miss it, one deviation each',
      id: 'phone-wait',
      weeks: [
        [45, true],
        [75, false],
        [null, null],
        [90, false],
      ],
      month: 62,
      status: 'missed',
      met: 1,
      missed: 2,
    },
    {
      what: 'every week met',
      id: 'phone-wait',
      weeks: [
        [40, true],
        [55, true],
      ],
      month: 48,
      status: 'met',
      met: 2,
      missed: 0,
    },
    {
      what: 'weeks without figures are no data',
      id: 'phone-wait',
      weeks: [[null, null]],
      month: null,
      status: 'no-data',
      met: 0,
      missed: 0,
    },
    {
      what: 'a missed week of the answer rate',
      id: 'phone-answer-rate',
      weeks: [
        [92, true],
        [85, false],
        [95, true],
      ],
      month: 91,
      status: 'missed',
      met: 2,
      missed: 1,
    },
    {
      what: 'answer rate met every week',
      id: 'phone-answer-rate',
      weeks: [[92, true]],
      month: 92,
      status: 'met',
      met: 1,
      missed: 0,
    },
  ];
  for (const c of cases) {
    it(`4.2 ${c.id}: ${c.what}`, () => {
      const other = c.id === 'phone-wait' ? 'phone-answer-rate' : 'phone-wait';
      // The other KPI misses every week, which must not count against this row.
      const supportWeeks = c.weeks.map(([shown, met], i) => ({
        start: weekStart(i),
        kpis: [kpi(c.id, shown, met), kpi(other, 1, false)],
      }));
      const row = rowOf(
        complianceRows(facts({ supportWeeks, supportMonth: c.month === null ? [] : [kpi(c.id, c.month, null)] })),
        c.id,
      );
      assert.equal(row.requirement, '4.2');
      assert.equal(row.status, c.status);
      assert.deepEqual(row.measure, {
        kind: 'weeks',
        met: c.met,
        missed: c.missed,
        monthShown: c.month,
        unit: c.id === 'phone-wait' ? 'seconds' : 'percent',
      });
      assert.deepEqual(
        row.target,
        c.id === 'phone-wait'
          ? { kind: 'at-most', value: 60, unit: 'seconds' }
          : { kind: 'at-least', value: 90, unit: 'percent' },
      );
      const missedWeeks = c.weeks.flatMap(([shown, met], i) =>
        met === false ? [{ reference: String(shown), kind: `week-${c.id}`, at: weekStart(i) }] : [],
      );
      assert.equal(row.deviations.length, c.missed);
      assert.deepEqual(row.deviations, missedWeeks);
    });
  }

  const emails: { what: string; counts: ComplianceFacts['supportEmails']; status: ComplianceStatus }[] = [
    { what: 'a late reply misses it', counts: { inTime: 120, late: 3, pending: 0 }, status: 'missed' },
    { what: 'every reply in time', counts: { inTime: 120, late: 0, pending: 4 }, status: 'met' },
    { what: 'only unanswered e-mails within their time', counts: { inTime: 0, late: 0, pending: 2 }, status: 'met' },
    { what: 'no e-mail is no data', counts: { inTime: 0, late: 0, pending: 0 }, status: 'no-data' },
  ];
  for (const c of emails) {
    it(`4.3 enduser-email-reply: ${c.what}`, () => {
      const row = rowOf(complianceRows(facts({ supportEmails: c.counts })), 'enduser-email-reply');
      assert.equal(row.requirement, '4.3');
      assert.equal(row.status, c.status);
      assert.deepEqual(row.measure, { kind: 'in-time', ...c.counts });
      assert.deepEqual(row.target, { kind: 'every-in-time', limit: '8 h' });
      assert.deepEqual(row.deviations, []);
    });
  }
});

describe('complianceRows: protected hours', () => {
  it('2.4.1: work inside the operating hours misses it, one deviation each', () => {
    const deviations: ComplianceFacts['deviations'] = [
      {
        kind: 'maintenance-in-operating-hours',
        componentCode: 'studio',
        reference: 'studio: Oppgradering',
        at: monthStart + day,
      },
      { kind: 'late-notice', componentCode: 'studio', reference: 'studio: Sen', at: monthStart + 2 * day },
      { kind: 'maintenance-in-operating-hours', componentCode: null, reference: 'Felles', at: monthStart + 3 * day },
    ];
    const row = rowOf(complianceRows(facts({ deviations })), 'operating-hours');
    assert.equal(row.requirement, '2.4.1');
    assert.equal(row.status, 'missed');
    assert.deepEqual(row.measure, { kind: 'occurrences', count: 2 });
    assert.deepEqual(row.target, { kind: 'none' });
    assert.deepEqual(row.deviations, [
      { reference: 'studio: Oppgradering', kind: 'maintenance-in-operating-hours', at: monthStart + day },
      { reference: 'Felles', kind: 'maintenance-in-operating-hours', at: monthStart + 3 * day },
    ]);
  });

  it('2.4.1: no work inside the operating hours is met, never no data', () => {
    const row = rowOf(complianceRows(facts()), 'operating-hours');
    assert.equal(row.status, 'met');
    assert.deepEqual(row.measure, { kind: 'occurrences', count: 0 });
  });
});

describe('complianceRows: clause order', () => {
  it('lists production availability after the incident clocks and development availability after emergency work', () => {
    const components = [
      component('studio', 'studio-hours', { rounded: '100.00', meetsTarget: true, known: true }),
      component('apps', 'always', { rounded: '100.00', meetsTarget: true, known: true }),
      component('tt02', 'studio-hours', { rounded: '100.00', meetsTarget: true, known: true }),
      component('apis', 'always', { rounded: '100.00', meetsTarget: true, known: true }),
    ];
    const rows = complianceRows(facts({ components }));
    assert.deepEqual(
      rows.map((r) => [r.requirement, r.subject, r.componentName]),
      [
        ['2.2.1', 'incident-a-start', null],
        ['2.2.2', 'incident-b-start', null],
        ['2.2.3', 'incident-c-resolve', null],
        ['2.2', 'incident-feedback', null],
        ['2.3.1', 'availability', 'Komponent apps'],
        ['2.3.1', 'availability', 'Komponent apis'],
        ['2.3.2 / 2.4.2', 'maintenance-notice', null],
        ['2.3.3 / 2.4.3', 'change-notice', null],
        ['2.3.4', 'major-change-notice', null],
        ['2.3.5 / 2.4.4', 'emergency-change', null],
        ['2.4.1', 'availability', 'Komponent studio'],
        ['2.4.1', 'availability', 'Komponent tt02'],
        ['2.4.1', 'operating-hours', null],
        ['4.2', 'phone-wait', null],
        ['4.2', 'phone-answer-rate', null],
        ['4.3', 'enduser-email-reply', null],
        ['5.2', 'support-portal-reply', null],
        ['6.1', 'change-request-feedback', null],
        ['6.2', 'change-request-qualification', null],
      ],
    );
  });

  it('has a row for every requirement even without any facts', () => {
    const rows = complianceRows(facts());
    assert.equal(rows.length, 15);
    assert.deepEqual(
      rows.filter((r) => r.status !== 'no-data').map((r) => r.subject),
      ['operating-hours'],
    );
  });
});

describe('incidentSummary', () => {
  const incident = (reference: string, category: string | null, resolved: boolean) => ({
    reference,
    category,
    resolved,
  });
  const cases: { what: string; input: Partial<ComplianceFacts>; expected: ReturnType<typeof incidentSummary> }[] = [
    {
      what: 'no incidents: three empty categories',
      input: {},
      expected: (['A', 'B', 'C'] as const).map((category) => ({
        category,
        registered: 0,
        resolved: 0,
        open: 0,
        breached: 0,
        breachedReferences: [],
      })),
    },
    {
      what: 'counts per category, breaches of the incident clocks only, each case once',
      input: {
        incidents: [
          incident('S-9', 'A', true),
          incident('S-3', 'A', false),
          incident('S-4', 'B', true),
          incident('S-5', 'C', true),
          incident('S-6', 'C', true),
          incident('S-7', 'C', false),
          incident('S-8', null, false),
        ],
        clocks: [
          clock('incident-a-start', 'breached', 'S-9'),
          clock('incident-feedback', 'breached', 'S-9'),
          clock('incident-a-start', 'breached', 'S-3'),
          clock('incident-b-start', 'met', 'S-4'),
          clock('incident-c-resolve', 'breached', 'S-6'),
          // A breach outside the incident policies does not make an incident breached.
          clock('support-portal-reply', 'breached', 'S-5'),
          clock('incident-c-resolve', 'running', 'S-7'),
        ],
      },
      expected: [
        { category: 'A', registered: 2, resolved: 1, open: 1, breached: 2, breachedReferences: ['S-3', 'S-9'] },
        { category: 'B', registered: 1, resolved: 1, open: 0, breached: 0, breachedReferences: [] },
        { category: 'C', registered: 3, resolved: 2, open: 1, breached: 1, breachedReferences: ['S-6'] },
      ],
    },
  ];
  for (const c of cases) {
    it(c.what, () => assert.deepEqual(incidentSummary(facts(c.input)), c.expected));
  }
});
