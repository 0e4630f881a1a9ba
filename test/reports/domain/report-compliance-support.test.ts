import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ComplianceFacts,
  type ComplianceStatus,
  complianceRows,
  incidentSummary,
} from '../../../src/modules/reports/domain/compliance.ts';
import { clock, component, day, facts, kpi, monthStart, rowOf } from './compliance-fixtures.ts';

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
