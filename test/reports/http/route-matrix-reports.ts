import { loadConfig } from '../../../src/platform/config/config.ts';
import { generateServiceReport } from '../../../src/modules/reports/services/generate-service-report.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { systemContext } from '../../helpers/factories.ts';
import type { Caller, Fixtures, RouteCase } from '../../app/route-matrix-routes.ts';

// Every signed-in role reads reports (the fixture tokens hold no reports scope); an owner reads the platform report
// and its own, never another owner's. Archiving a version is the operator's staff's.
const readers: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'owner-admin',
  'owner-member',
  'owner-auditor',
];
const archivers: Caller[] = ['operator-admin', 'operator-agent'];
const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };

const versions = new Map<string, string>();
/** One archived version of each tenant's own report, made on first use and shared by the read routes. */
async function versionOf(fx: Fixtures, tenant: Fixtures['a']): Promise<string> {
  const known = versions.get(tenant.organisation.id);
  if (known) return known;
  const { id } = await generateServiceReport(
    systemContext(fx.store),
    { month: '2026-02', owner: tenant.organisation.code },
    settings,
  );
  versions.set(tenant.organisation.id, id);
  return id;
}

/** The report routes of the route matrix, spread into `routeCases`. */
export const reportCases: Record<string, RouteCase> = {
  'GET /reports': {
    allow: readers,
    own: (fx) => ({ path: `/reports?month=2026-02&owner=${fx.a.organisation.code}` }),
    other: (fx) => ({ path: `/reports?month=2026-02&owner=${fx.b.organisation.code}` }),
  },
  'GET /reports/export': {
    allow: readers,
    own: (fx) => ({ path: `/reports/export?month=2026-02&owner=${fx.a.organisation.code}&format=csv&table=incidents` }),
    other: (fx) => ({
      path: `/reports/export?month=2026-02&owner=${fx.b.organisation.code}&format=csv&table=incidents`,
    }),
  },
  'POST /reports/versions': {
    allow: archivers,
    own: () => ({ path: '/reports/versions', body: { month: '2026-02' } }),
  },
  'GET /reports/versions': { allow: readers, own: () => ({ path: '/reports/versions?month=2026-02' }) },
  'GET /reports/versions/{id}': {
    allow: readers,
    own: async (fx) => ({ path: `/reports/versions/${await versionOf(fx, fx.a)}` }),
    other: async (fx) => ({ path: `/reports/versions/${await versionOf(fx, fx.b)}` }),
  },
  'GET /reports/versions/{id}/export': {
    allow: readers,
    own: async (fx) => ({ path: `/reports/versions/${await versionOf(fx, fx.a)}/export?format=csv&table=compliance` }),
    other: async (fx) => ({
      path: `/reports/versions/${await versionOf(fx, fx.b)}/export?format=csv&table=compliance`,
    }),
  },
};
