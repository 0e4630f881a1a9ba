import { enqueueJob } from '../../src/services/jobs/enqueue-job.ts';
import { createApiToken } from '../../src/services/tokens/create-api-token.ts';
import { addMember } from '../../src/services/users/add-member.ts';
import { systemContext, unique, orgNumber, type TestOperator, type TestTenant } from '../support/factories.ts';
import type { TestStore } from '../support/test-store.ts';

/** Who calls: every role, as a session user, plus API tokens of each side. */
export const callers = ['operator-admin', 'operator-agent', 'operator-auditor', 'operator-token', 'owner-admin', 'owner-member', 'owner-auditor', 'owner-token'] as const;
export type Caller = (typeof callers)[number];

export interface Fixtures {
  store: TestStore;
  operator: TestOperator;
  /** The caller's own tenant. */
  a: TestTenant;
  /** Another tenant whose data must stay out of reach. */
  b: TestTenant;
}

export interface RouteRequest {
  path: string;
  body?: unknown;
}

export interface RouteCase {
  /** Callers that succeed on their own tenant's resource. */
  allow: readonly Caller[];
  own(fx: Fixtures): Promise<RouteRequest> | RouteRequest;
  /** The same request aimed at tenant B; absent for platform-level routes that name no tenant. */
  other?(fx: Fixtures): Promise<RouteRequest> | RouteRequest;
}

const everyone = callers;
const users = callers.filter((c) => !c.endsWith('-token'));
const admins: Caller[] = ['operator-admin', 'owner-admin'];
const serviceWriters: Caller[] = ['operator-admin', 'operator-agent', 'owner-admin', 'owner-token'];

async function freshMembership(fx: Fixtures, organisationId: string): Promise<string> {
  const { membershipId } = await addMember(systemContext(fx.store), { organisationId, email: `${unique('m')}@test.niva.no`, name: 'Temporary Member', role: 'owner-member' });
  return membershipId;
}

async function freshToken(fx: Fixtures, organisationId: string): Promise<string> {
  const { token } = await createApiToken(systemContext(fx.store), { organisationId, name: 'temporary', scopes: ['services:read'] });
  return token.id;
}

async function deadJob(fx: Fixtures): Promise<string> {
  const ctx = systemContext(fx.store);
  const id = await fx.store.db.transaction().execute((trx) => enqueueJob(trx, ctx, { kind: 'matrix.never-handled', payload: {}, maxAttempts: 1 }));
  await fx.store.db.updateTable('jobs').set({ status: 'dead', attempts: 1 }).where('id', '=', id).execute();
  return id;
}

/**
 * Every API route of the OpenAPI document, keyed "METHOD /path". A route missing here fails the matrix test,
 * so each new route must say who may call it and how it is aimed at another tenant.
 */
export const routeCases: Record<string, RouteCase> = {
  'GET /organisations': { allow: everyone, own: () => ({ path: '/organisations' }) },
  'POST /organisations': {
    allow: ['operator-admin'],
    own: () => {
      const code = unique('n');
      return { path: '/organisations', body: { name: `Ny etat ${code}`, code, orgNumber: orgNumber(), contactEmail: `post@${code}.no` } };
    },
  },
  'GET /organisations/{id}': { allow: everyone, own: (fx) => ({ path: `/organisations/${fx.a.organisation.id}` }), other: (fx) => ({ path: `/organisations/${fx.b.organisation.id}` }) },
  'PATCH /organisations/{id}': {
    allow: admins,
    own: (fx) => ({ path: `/organisations/${fx.a.organisation.id}`, body: { contactEmail: `${unique('c')}@a.no` } }),
    other: (fx) => ({ path: `/organisations/${fx.b.organisation.code}`, body: { contactEmail: 'hijack@evil.no' } }),
  },
  'GET /services': { allow: everyone, own: (fx) => ({ path: `/services?organisationId=${fx.a.organisation.id}` }), other: (fx) => ({ path: `/services?organisationId=${fx.b.organisation.id}` }) },
  'POST /services': {
    allow: serviceWriters,
    own: (fx) => ({ path: '/services', body: { organisationId: fx.a.organisation.id, name: 'Ny tjeneste', platform: 'altinn3', resourceId: unique('r') } }),
    other: (fx) => ({ path: '/services', body: { organisationId: fx.b.organisation.id, name: 'Planted', platform: 'altinn3', resourceId: unique('x') } }),
  },
  'GET /services/{id}': { allow: everyone, own: (fx) => ({ path: `/services/${fx.a.service.id}` }), other: (fx) => ({ path: `/services/${fx.b.service.resource_id}` }) },
  'PATCH /services/{id}': {
    allow: serviceWriters,
    own: (fx) => ({ path: `/services/${fx.a.service.id}`, body: { name: `Omdøpt ${unique('')}` } }),
    other: (fx) => ({ path: `/services/${fx.b.service.id}`, body: { status: 'retired' } }),
  },
  'GET /components': { allow: everyone, own: () => ({ path: '/components' }) },
  'POST /components': { allow: ['operator-admin'], own: () => ({ path: '/components', body: { code: unique('c'), name: 'Komponent', calendarId: 'always', targetBasisPoints: 9990 } }) },
  'GET /me': { allow: everyone, own: () => ({ path: '/me' }) },
  'GET /members': { allow: users, own: (fx) => ({ path: `/members?organisationId=${fx.a.organisation.id}` }), other: (fx) => ({ path: `/members?organisationId=${fx.b.organisation.id}` }) },
  'POST /members': {
    allow: admins,
    own: (fx) => ({ path: '/members', body: { organisationId: fx.a.organisation.id, email: `${unique('p')}@a.no`, name: 'Ny Person', role: 'owner-member' } }),
    other: (fx) => ({ path: '/members', body: { organisationId: fx.b.organisation.id, email: `${unique('p')}@evil.no`, name: 'Intruder', role: 'owner-admin' } }),
  },
  'DELETE /members/{id}': {
    allow: admins,
    own: async (fx) => ({ path: `/members/${await freshMembership(fx, fx.a.organisation.id)}` }),
    other: async (fx) => ({ path: `/members/${await freshMembership(fx, fx.b.organisation.id)}` }),
  },
  'GET /tokens': { allow: users, own: (fx) => ({ path: `/tokens?organisationId=${fx.a.organisation.id}` }), other: (fx) => ({ path: `/tokens?organisationId=${fx.b.organisation.id}` }) },
  'POST /tokens': {
    allow: admins,
    own: (fx) => ({ path: '/tokens', body: { organisationId: fx.a.organisation.id, name: 'ci', scopes: ['services:read'] } }),
    other: (fx) => ({ path: '/tokens', body: { organisationId: fx.b.organisation.id, name: 'stolen', scopes: ['services:write'] } }),
  },
  'GET /tokens/{id}': { allow: users, own: (fx) => ({ path: `/tokens/${fx.a.token.id}` }), other: (fx) => ({ path: `/tokens/${fx.b.token.id}` }) },
  'DELETE /tokens/{id}': {
    allow: admins,
    own: async (fx) => ({ path: `/tokens/${await freshToken(fx, fx.a.organisation.id)}` }),
    other: async (fx) => ({ path: `/tokens/${await freshToken(fx, fx.b.organisation.id)}` }),
  },
  'GET /audit-events': {
    allow: ['operator-admin', 'operator-auditor', 'owner-admin', 'owner-auditor', 'owner-token'],
    own: (fx) => ({ path: `/audit-events?organisationId=${fx.a.organisation.id}` }),
    other: (fx) => ({ path: `/audit-events?organisationId=${fx.b.organisation.id}` }),
  },
  'GET /audit-events/verify': { allow: ['operator-admin', 'operator-auditor'], own: () => ({ path: '/audit-events/verify' }) },
  'GET /jobs': { allow: ['operator-admin', 'operator-agent', 'operator-auditor'], own: () => ({ path: '/jobs' }) },
  'POST /jobs/{id}/retry': { allow: ['operator-admin'], own: async (fx) => ({ path: `/jobs/${await deadJob(fx)}/retry` }) },
};
