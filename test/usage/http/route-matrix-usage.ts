import { unique } from '../../helpers/factories.ts';
import type { Caller, RouteCase } from '../../app/route-matrix-routes.ts';

// The usage routes of the route matrix, with their caller lists spelled out (the matrix imports this file, so a
// value from it is not ready here yet).
const users: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'owner-admin',
  'owner-member',
  'owner-auditor',
];

const usageCsv = (): FormData => {
  const form = new FormData();
  form.set('file', new File(['year,jan,feb\n2025,10,20\n'], 'usage.csv', { type: 'text/csv' }));
  return form;
};

export const usageCases: Record<string, RouteCase> = {
  // Usage figures: every role reads them (owners their own); the fixture tokens hold no usage:read scope.
  'GET /usage/metrics': { allow: users, own: () => ({ path: '/usage/metrics' }) },
  'GET /usage/statistics': {
    allow: users,
    own: (fx) => ({ path: `/usage/statistics?metric=messages_sent&year=2026&owner=${fx.a.organisation.code}` }),
    other: (fx) => ({ path: `/usage/statistics?metric=messages_sent&year=2026&owner=${fx.b.organisation.code}` }),
  },
  'GET /usage/statistics.csv': {
    allow: users,
    own: (fx) => ({
      path: `/usage/statistics.csv?metric=messages_sent&year=2026&years=2&owner=${fx.a.organisation.code}`,
    }),
    other: (fx) => ({ path: `/usage/statistics.csv?metric=messages_sent&year=2026&owner=${fx.b.organisation.code}` }),
  },
  // Usage events come from the platform's own systems; the operator fixture token holds usage:write.
  'POST /events': {
    allow: ['operator-admin', 'operator-token'],
    own: (fx) => ({
      path: '/events',
      body: [
        {
          specversion: '1.0',
          id: unique('ev-'),
          source: 'https://matrix.test',
          type: 'no.niva.usage',
          time: '2026-03-01T10:00:00Z',
          data: { metric: 'consents', owner: fx.a.organisation.code, service: null, count: 1 },
        },
      ],
    }),
  },
  'POST /usage/adjustments': {
    allow: ['operator-admin'],
    own: (fx) => ({
      path: '/usage/adjustments',
      body: {
        metric: 'consents',
        month: '2026-02',
        owner: fx.a.organisation.code,
        delta: 5,
        reason: 'Etterregistrert fra kilde',
      },
    }),
  },
  'GET /usage/months/closed': { allow: users, own: () => ({ path: '/usage/months/closed' }) },
  'POST /usage/months/{month}/close': {
    allow: ['operator-admin'],
    own: () => ({ path: '/usage/months/2026-01/close' }),
  },
  'POST /usage/imports': {
    allow: ['operator-admin'],
    own: (fx) => ({ path: `/usage/imports?metric=messages_sent&owner=${fx.a.organisation.code}`, form: usageCsv }),
  },
  'GET /usage/statistics.xlsx': {
    allow: users,
    own: (fx) => ({ path: `/usage/statistics.xlsx?metric=messages_sent&year=2026&owner=${fx.a.organisation.code}` }),
    other: (fx) => ({ path: `/usage/statistics.xlsx?metric=messages_sent&year=2026&owner=${fx.b.organisation.code}` }),
  },
};
