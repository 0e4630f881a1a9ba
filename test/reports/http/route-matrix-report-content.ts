import { createMeeting } from '../../../src/modules/reports/services/create-meeting.ts';
import { createReportBlock } from '../../../src/modules/reports/services/create-report-block.ts';
import { createRoadmapEntry } from '../../../src/modules/reports/services/create-roadmap-entry.ts';
import { subscribeToReport } from '../../../src/modules/reports/services/subscribe-to-report.ts';
import { systemContext, unique } from '../../helpers/factories.ts';
import type { Caller, Fixtures, RouteCase } from '../../app/route-matrix-routes.ts';

// Everyone signed in reads the report's content (the fixture tokens hold no reports scope); the operator's staff
// edit it; subscriptions are managed by the operator and, for its own organisation, an owner's admin.
const readers: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'owner-admin',
  'owner-member',
  'owner-auditor',
];
const editors: Caller[] = ['operator-admin', 'operator-agent'];
const subscribers: Caller[] = ['operator-admin', 'operator-agent', 'owner-admin'];

async function freshBlock(fx: Fixtures): Promise<string> {
  return (
    await createReportBlock(systemContext(fx.store), {
      month: '2026-02',
      kind: 'news',
      title: 'Matrise-nyhet',
      bodyMarkdown: 'Tekst',
    })
  ).id;
}

async function freshRoadmapEntry(fx: Fixtures): Promise<string> {
  return (await createRoadmapEntry(systemContext(fx.store), { title: 'Matrise-plan', period: '2026-Q3' })).id;
}

async function freshMeeting(fx: Fixtures): Promise<string> {
  return (
    await createMeeting(systemContext(fx.store), {
      title: 'Matrise-møte',
      startsAt: '2026-03-19T10:00:00+01:00',
      endsAt: '2026-03-19T12:00:00+01:00',
      format: 'digital',
    })
  ).id;
}

async function freshSubscription(fx: Fixtures, tenant: Fixtures['a']): Promise<string> {
  return (
    await subscribeToReport(systemContext(fx.store), {
      owner: tenant.organisation.code,
      email: `${unique('r')}@test.niva.no`,
      lang: 'nb',
    })
  ).id;
}

/** The report content routes of the route matrix, spread into `routeCases`. */
export const reportContentCases: Record<string, RouteCase> = {
  'GET /report-blocks': { allow: readers, own: () => ({ path: '/report-blocks?month=2026-02' }) },
  'POST /report-blocks': {
    allow: editors,
    own: () => ({
      path: '/report-blocks',
      body: { month: '2026-02', kind: 'news', title: 'Altinn-kaffe', bodyMarkdown: 'Velkommen' },
    }),
  },
  'PATCH /report-blocks/{id}': {
    allow: editors,
    own: async (fx) => ({ path: `/report-blocks/${await freshBlock(fx)}`, body: { title: 'Endret' } }),
  },
  'DELETE /report-blocks/{id}': {
    allow: editors,
    own: async (fx) => ({ path: `/report-blocks/${await freshBlock(fx)}` }),
  },
  'GET /roadmap-entries': { allow: readers, own: () => ({ path: '/roadmap-entries' }) },
  'POST /roadmap-entries': {
    allow: editors,
    own: () => ({ path: '/roadmap-entries', body: { title: 'Systembruker', period: '2026', status: 'in-progress' } }),
  },
  'PATCH /roadmap-entries/{id}': {
    allow: editors,
    own: async (fx) => ({ path: `/roadmap-entries/${await freshRoadmapEntry(fx)}`, body: { status: 'done' } }),
  },
  'DELETE /roadmap-entries/{id}': {
    allow: editors,
    own: async (fx) => ({ path: `/roadmap-entries/${await freshRoadmapEntry(fx)}` }),
  },
  'GET /meetings': { allow: readers, own: () => ({ path: '/meetings?from=2026-01-01&to=2026-12-31' }) },
  'POST /meetings': {
    allow: editors,
    own: () => ({
      path: '/meetings',
      body: {
        title: 'Styringsråd',
        startsAt: '2026-06-03T11:00:00+02:00',
        endsAt: '2026-06-04T13:00:00+02:00',
        format: 'physical',
        location: 'Oslo',
      },
    }),
  },
  'PATCH /meetings/{id}': {
    allow: editors,
    own: async (fx) => ({ path: `/meetings/${await freshMeeting(fx)}`, body: { location: 'Brønnøysund' } }),
  },
  'DELETE /meetings/{id}': { allow: editors, own: async (fx) => ({ path: `/meetings/${await freshMeeting(fx)}` }) },
  'GET /report-subscriptions': { allow: subscribers, own: () => ({ path: '/report-subscriptions' }) },
  'POST /report-subscriptions': {
    allow: subscribers,
    own: (fx) => ({
      path: '/report-subscriptions',
      body: { owner: fx.a.organisation.code, email: `${unique('s')}@a.no`, lang: 'nn' },
    }),
    other: (fx) => ({
      path: '/report-subscriptions',
      body: { owner: fx.b.organisation.code, email: `${unique('s')}@evil.no`, lang: 'nb' },
    }),
  },
  'DELETE /report-subscriptions/{id}': {
    allow: subscribers,
    own: async (fx) => ({ path: `/report-subscriptions/${await freshSubscription(fx, fx.a)}` }),
    other: async (fx) => ({ path: `/report-subscriptions/${await freshSubscription(fx, fx.b)}` }),
  },
};
