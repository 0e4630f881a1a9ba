import { unique } from '../../helpers/factories.ts';
import type { Caller, RouteCase } from '../../app/route-matrix-routes.ts';

// The support routes of the route matrix, with their caller lists spelled out (the matrix imports this file, so a
// value from it is not ready here yet).
const users: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'owner-admin',
  'owner-member',
  'owner-auditor',
];
const supportWriters: Caller[] = ['operator-admin', 'operator-agent'];

export const supportCases: Record<string, RouteCase> = {
  // Support logs are the operator's lines; their KPIs are read by every role (the fixture tokens hold no support scope).
  'POST /support/calls': {
    allow: supportWriters,
    own: () => ({
      path: '/support/calls',
      body: [
        {
          line: 'brukerservice',
          externalId: unique('call-'),
          queuedAt: '2026-02-02T09:00:00+01:00',
          answeredAt: '2026-02-02T09:00:40+01:00',
        },
      ],
    }),
  },
  'POST /support/emails': {
    allow: supportWriters,
    own: () => ({
      path: '/support/emails',
      body: [{ line: 'brukerservice', externalId: unique('mail-'), receivedAt: '2026-02-02T09:00:00+01:00' }],
    }),
  },
  'GET /support/kpis': { allow: users, own: () => ({ path: '/support/kpis?from=2026-01&to=2026-02' }) },
};
