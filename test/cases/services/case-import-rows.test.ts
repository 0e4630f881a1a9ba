import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import {
  caseFromRow,
  closedUnresolvedReason,
  type ColumnProblem,
  columnOfField,
  type RowValues,
} from '../../../src/modules/cases/services/case-import-rows.ts';

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(iso);
  return t;
};
const now = at('2026-11-01T12:00:00+01:00');
const base: RowValues = {
  external_id: 'X-1',
  type: 'incident',
  category: 'C',
  owner: 'skd',
  title: 'Kvittering mangler',
  registered_at: '2026-03-02T10:00:00+01:00',
  work_started_at: '',
  workaround_at: '',
  resolved_at: '',
  feedback_at: '',
};
const row = (changes: RowValues): RowValues => ({ ...base, ...changes });

interface Valid {
  what: string;
  values: RowValues;
  kindDefault?: 'support-request';
  expect: {
    kind: string;
    category: 'A' | 'B' | 'C' | null;
    owner: string | null;
    registeredAt: string;
    history: [string, string, string?][];
  };
}

const valid: Valid[] = [
  {
    what: 'an incident with every event, in time order',
    values: row({
      work_started_at: '2026-03-02T10:30:00+01:00',
      workaround_at: '2026-03-03T09:00:00+01:00',
      resolved_at: '2026-03-04T12:00:00+01:00',
      feedback_at: '2026-03-04T12:05:00+01:00',
      closed_at: '2026-03-06T08:00:00+01:00',
    }),
    expect: {
      kind: 'incident',
      category: 'C',
      owner: 'skd',
      registeredAt: '2026-03-02T10:00:00+01:00',
      history: [
        ['work-started', '2026-03-02T10:30:00+01:00'],
        ['workaround', '2026-03-03T09:00:00+01:00'],
        ['resolved', '2026-03-04T12:00:00+01:00'],
        ['feedback-given', '2026-03-04T12:05:00+01:00'],
        ['closed', '2026-03-06T08:00:00+01:00'],
      ],
    },
  },
  {
    what: 'columns out of time order are sorted by time',
    values: row({
      resolved_at: '2026-03-03T09:00:00+01:00',
      work_started_at: '2026-03-03T08:00:00+01:00',
      feedback_at: '2026-03-02T11:00:00+01:00',
    }),
    expect: {
      kind: 'incident',
      category: 'C',
      owner: 'skd',
      registeredAt: '2026-03-02T10:00:00+01:00',
      history: [
        ['feedback-given', '2026-03-02T11:00:00+01:00'],
        ['work-started', '2026-03-03T08:00:00+01:00'],
        ['resolved', '2026-03-03T09:00:00+01:00'],
      ],
    },
  },
  {
    what: 'events at the same instant keep the natural order',
    values: row({
      closed_at: '2026-03-03T09:00:00+01:00',
      feedback_at: '2026-03-03T09:00:00+01:00',
      resolved_at: '2026-03-03T09:00:00+01:00',
      workaround_at: '2026-03-03T09:00:00+01:00',
      work_started_at: '2026-03-03T09:00:00+01:00',
    }),
    expect: {
      kind: 'incident',
      category: 'C',
      owner: 'skd',
      registeredAt: '2026-03-02T10:00:00+01:00',
      history: [
        ['work-started', '2026-03-03T09:00:00+01:00'],
        ['workaround', '2026-03-03T09:00:00+01:00'],
        ['resolved', '2026-03-03T09:00:00+01:00'],
        ['feedback-given', '2026-03-03T09:00:00+01:00'],
        ['closed', '2026-03-03T09:00:00+01:00'],
      ],
    },
  },
  {
    what: 'local times without offset are Oslo time; a lower-case category is accepted',
    values: row({ category: ' b ', registered_at: '2026-07-01 08:00', work_started_at: '2026-07-01T08:20' }),
    expect: {
      kind: 'incident',
      category: 'B',
      owner: 'skd',
      registeredAt: '2026-07-01T08:00:00+02:00',
      history: [['work-started', '2026-07-01T08:20:00+02:00']],
    },
  },
  {
    what: 'an empty owner is a platform-wide incident',
    values: row({ owner: '', category: 'A' }),
    expect: { kind: 'incident', category: 'A', owner: null, registeredAt: '2026-03-02T10:00:00+01:00', history: [] },
  },
  {
    what: 'a change request is qualified',
    values: row({
      type: 'change-request',
      category: '',
      qualified_at: '2026-03-20T10:00:00+01:00',
      feedback_at: '2026-03-10T10:00:00+01:00',
    }),
    expect: {
      kind: 'change-request',
      category: null,
      owner: 'skd',
      registeredAt: '2026-03-02T10:00:00+01:00',
      history: [
        ['feedback-given', '2026-03-10T10:00:00+01:00'],
        ['qualified', '2026-03-20T10:00:00+01:00'],
      ],
    },
  },
  {
    what: 'an empty type takes --kind-default',
    values: row({ type: '', category: '' }),
    kindDefault: 'support-request',
    expect: {
      kind: 'support-request',
      category: null,
      owner: 'skd',
      registeredAt: '2026-03-02T10:00:00+01:00',
      history: [],
    },
  },
  {
    what: 'closed without resolution carries the reason the lifecycle asks for',
    values: row({ closed_at: '2026-03-02T12:00:00+01:00' }),
    expect: {
      kind: 'incident',
      category: 'C',
      owner: 'skd',
      registeredAt: '2026-03-02T10:00:00+01:00',
      history: [['closed', '2026-03-02T12:00:00+01:00', closedUnresolvedReason]],
    },
  },
];

interface Invalid {
  what: string;
  values: RowValues;
  problems: ColumnProblem[];
}

const invalid: Invalid[] = [
  {
    what: 'an incident without a category',
    values: row({ category: '' }),
    problems: [{ column: 'category', problem: 'is empty; an incident needs category A, B or C' }],
  },
  {
    what: 'a support request with a category',
    values: row({ type: 'support-request' }),
    problems: [{ column: 'category', problem: 'a support-request has no category; leave it empty' }],
  },
  {
    what: 'a category that is not A, B or C',
    values: row({ category: 'D' }),
    problems: [{ column: 'category', problem: 'not A, B or C: D' }],
  },
  {
    what: 'an unknown type',
    values: row({ type: 'incidnet' }),
    problems: [
      {
        column: 'type',
        problem:
          'unknown type incidnet; one of incident, support-request, change-request, deletion-request, deactivation-order',
      },
    ],
  },
  {
    what: 'resolved before registered',
    values: row({ resolved_at: '2026-03-01T10:00:00+01:00' }),
    problems: [{ column: 'resolved_at', problem: 'is before registered_at' }],
  },
  {
    what: 'a bad instant and an empty registration',
    values: row({ registered_at: '', workaround_at: '3 March' }),
    problems: [
      { column: 'registered_at', problem: 'is empty' },
      { column: 'workaround_at', problem: 'not an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00): 3 March' },
    ],
  },
  {
    what: 'an impossible date',
    values: row({ registered_at: '2026-02-30T10:00:00+01:00' }),
    problems: [
      {
        column: 'registered_at',
        problem: 'not an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00): 2026-02-30T10:00:00+01:00',
      },
    ],
  },
  {
    what: 'a registration in the future',
    values: row({ registered_at: '2026-12-24T10:00:00+01:00' }),
    problems: [{ column: 'registered_at', problem: 'lies in the future' }],
  },
  {
    what: 'an event the type does not have',
    values: row({ type: 'support-request', category: '', workaround_at: '2026-03-03T10:00:00+01:00' }),
    problems: [{ column: 'workaround_at', problem: 'a support-request has no workaround event; leave it empty' }],
  },
  {
    what: 'work started after the resolution',
    values: row({ resolved_at: '2026-03-03T10:00:00+01:00', work_started_at: '2026-03-04T10:00:00+01:00' }),
    problems: [{ column: 'work_started_at', problem: 'is after resolved_at: the case is already resolved' }],
  },
  {
    what: 'feedback after closing',
    values: row({
      resolved_at: '2026-03-03T10:00:00+01:00',
      closed_at: '2026-03-04T10:00:00+01:00',
      feedback_at: '2026-03-05T10:00:00+01:00',
    }),
    problems: [{ column: 'feedback_at', problem: 'is after closed_at: the case is closed' }],
  },
  {
    what: 'no external id, a short title, and no owner on a support request',
    values: row({ external_id: ' ', title: 'x', type: 'support-request', category: '', owner: '' }),
    problems: [
      { column: 'external_id', problem: 'is empty; every row needs the id it has in the source system' },
      { column: 'owner', problem: 'is empty; a support-request belongs to a service owner' },
      { column: 'title', problem: 'at least 3 characters' },
    ],
  },
  {
    what: 'a deactivation order without its service',
    values: row({ type: 'deactivation-order', category: '' }),
    problems: [{ column: 'service', problem: 'a deactivation-order names the service it concerns' }],
  },
];

describe('caseFromRow: one CSV row as a registration with its history', () => {
  for (const c of valid) {
    it(c.what, () => {
      const mapped = caseFromRow(c.values, { now, ...(c.kindDefault ? { kindDefault: c.kindDefault } : {}) });
      assert.ok(mapped.ok, JSON.stringify(mapped));
      const { input, history, ownerCode, externalId } = mapped.value;
      assert.equal(externalId, 'X-1');
      assert.equal(input.externalId, 'X-1');
      assert.equal(input.channel, 'import');
      assert.equal(input.kind, c.expect.kind);
      assert.equal(input.category, c.expect.category);
      assert.equal(ownerCode, c.expect.owner);
      assert.equal(input.organisationId, c.expect.owner);
      assert.equal(input.registeredAt, at(c.expect.registeredAt));
      assert.deepEqual(
        history.map((e) => [e.type, e.at, e.body]),
        c.expect.history.map(([type, iso, body]) => [type, at(iso), body]),
      );
    });
  }
  for (const c of invalid) {
    it(`reports ${c.what}`, () => {
      const mapped = caseFromRow(c.values, { now });
      assert.equal(mapped.ok, false);
      if (!mapped.ok)
        assert.deepEqual(
          [...mapped.problems].sort((a, b) => String(a.column).localeCompare(String(b.column))),
          [...c.problems].sort((a, b) => String(a.column).localeCompare(String(b.column))),
        );
    });
  }
});

describe('columnOfField: field names of the operation as the file’s columns', () => {
  const history = [
    { type: 'work-started' as const, at: 1 },
    { type: 'workaround' as const, at: 2 },
  ];
  const table: [string, string | null][] = [
    ['organisationId', 'owner'],
    ['registeredAt', 'registered_at'],
    ['kind', 'type'],
    ['externalId', 'external_id'],
    ['history.1.at', 'workaround_at'],
    ['history.0.type', 'work_started_at'],
    ['history.7.at', null],
    ['reporterEmail', null],
  ];
  for (const [field, column] of table)
    it(`${field} → ${String(column)}`, () => assert.equal(columnOfField(field, history), column));
});
