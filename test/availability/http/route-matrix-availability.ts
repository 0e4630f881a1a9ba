import { planMaintenance } from '../../../src/modules/availability/services/plan-maintenance.ts';
import { recordOutage } from '../../../src/modules/availability/services/record-outage.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import { createMonitor } from '../../../src/modules/availability/services/create-monitor.ts';
import { systemContext, testEpoch, unique } from '../../helpers/factories.ts';
import { testOutbound } from '../../helpers/outbound.ts';
import type { Caller, Fixtures, RouteCase } from '../../app/route-matrix-routes.ts';

// The availability routes of the route matrix: monitors, outages, planned work and the monthly figures. Availability
// is public to every signed-in role; the fixture tokens hold no availability scope, so only sessions read it.
// Spelled out, not derived from `callers`: the matrix imports this file, so a value from it is not ready here yet.
const users: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'owner-admin',
  'owner-member',
  'owner-auditor',
  'party-admin',
  'party-member',
];
const outageWriters: Caller[] = ['operator-admin', 'operator-agent'];

let matrixComponent: Promise<string> | null = null;

/** One platform component shared by the availability routes (components belong to no tenant). */
function componentOf(fx: Fixtures): Promise<string> {
  matrixComponent ??= createComponent(systemContext(fx.store), {
    code: unique('m'),
    name: 'Matrise-komponent',
    calendarId: 'always',
    targetBasisPoints: 9990,
  }).then((c) => c.id);
  return matrixComponent;
}

async function freshMonitor(fx: Fixtures): Promise<string> {
  const { monitor } = await createMonitor(
    systemContext(fx.store),
    {
      component: await componentOf(fx),
      kind: 'heartbeat',
      name: 'Matrise-puls',
    },
    testOutbound(),
  );
  return monitor.id;
}

// Monitors are the operator's; the push endpoints (/heartbeats, /intake/…) are outside the OpenAPI document, because
// their credential is the token in the path, and are covered by test/http/monitor-intake.test.ts instead.
const monitorReaders: Caller[] = ['operator-admin', 'operator-agent', 'operator-auditor'];
const monitorWriters: Caller[] = ['operator-admin', 'operator-agent'];

async function freshOutage(fx: Fixtures): Promise<string> {
  const row = await recordOutage(systemContext(fx.store), {
    componentId: await componentOf(fx),
    start: testEpoch - 3_600_000,
    publicText: 'Nede',
  });
  return row.id;
}

async function freshDraft(fx: Fixtures): Promise<string> {
  const row = await planMaintenance(systemContext(fx.store), {
    componentId: await componentOf(fx),
    kind: 'maintenance',
    title: 'Oppgradering',
    publicText: 'Kort nedetid',
    start: testEpoch + 30 * 86_400_000,
    end: testEpoch + 30 * 86_400_000 + 3_600_000,
  });
  return row.id;
}

export const availabilityCases: Record<string, RouteCase> = {
  'GET /monitors': { allow: monitorReaders, own: () => ({ path: '/monitors' }) },
  'POST /monitors': {
    allow: monitorWriters,
    own: async (fx) => ({
      path: '/monitors',
      body: {
        component: await componentOf(fx),
        kind: 'http',
        name: 'Matrise-probe',
        url: 'https://status.example.no/health',
      },
    }),
  },
  'DELETE /monitors/{id}': {
    allow: monitorWriters,
    own: async (fx) => ({ path: `/monitors/${await freshMonitor(fx)}` }),
  },
  'GET /outages': { allow: users, own: () => ({ path: '/outages' }) },
  'POST /outages': {
    allow: outageWriters,
    own: async (fx) => ({
      path: '/outages',
      body: {
        componentId: await componentOf(fx),
        start: '2026-03-01T10:00:00+01:00',
        end: '2026-03-01T10:05:00+01:00',
        publicText: 'Kort brudd',
      },
    }),
  },
  'PATCH /outages/{id}': {
    allow: outageWriters,
    own: async (fx) => ({ path: `/outages/${await freshOutage(fx)}`, body: { end: '2026-03-02T09:30:00+01:00' } }),
  },
  'GET /maintenance': { allow: users, own: () => ({ path: '/maintenance' }) },
  'POST /maintenance': {
    allow: outageWriters,
    own: async (fx) => ({
      path: '/maintenance',
      body: {
        componentId: await componentOf(fx),
        kind: 'maintenance',
        title: 'Oppgradering',
        publicText: 'Kort nedetid',
        start: '2026-04-16T02:00:00+02:00',
        end: '2026-04-16T03:00:00+02:00',
      },
    }),
  },
  'POST /maintenance/{id}/publish': {
    allow: outageWriters,
    own: async (fx) => ({ path: `/maintenance/${await freshDraft(fx)}/publish` }),
  },
  'POST /maintenance/{id}/cancel': {
    allow: outageWriters,
    own: async (fx) => ({ path: `/maintenance/${await freshDraft(fx)}/cancel` }),
  },
  'GET /components/{id}/availability': {
    allow: users,
    own: async (fx) => ({ path: `/components/${await componentOf(fx)}/availability?month=2026-02` }),
  },
  'GET /components/{id}/availability/history': {
    allow: users,
    own: async (fx) => ({ path: `/components/${await componentOf(fx)}/availability/history?months=3` }),
  },
  'POST /components/{id}/availability/{month}/recompute': {
    allow: ['operator-admin'],
    own: async (fx) => ({ path: `/components/${await componentOf(fx)}/availability/2026-02/recompute` }),
  },
};
