import { enqueueJob } from '../../src/platform/jobs/enqueue-job.ts';
import { outgoingLog } from '../../src/platform/outgoing/record-outgoing-message.ts';
import { reportEmailJob } from '../../src/modules/reports/services/generate-service-report.ts';
import { createApiToken } from '../../src/modules/access/services/create-api-token.ts';
import { provisionMember } from '../../src/modules/access/services/provision-member.ts';
import { inviteMember } from '../../src/modules/access/services/invite-member.ts';
import {
  systemContext,
  testEpoch,
  unique,
  orgNumber,
  type TestOperator,
  type TestParty,
  type TestTenant,
} from '../helpers/factories.ts';
import type { TestStore } from '../helpers/test-store.ts';
import { createWebhookEndpoint } from '../helpers/webhook-receiver.ts';
import { reportContentCases } from '../reports/http/route-matrix-report-content.ts';
import { reportCases } from '../reports/http/route-matrix-reports.ts';
import { availabilityCases } from '../availability/http/route-matrix-availability.ts';
import { billingCases } from '../billing/http/route-matrix-billing.ts';
import { caseCases } from '../cases/http/route-matrix-cases.ts';
import { supportCases } from '../support/http/route-matrix-support.ts';
import { usageCases } from '../usage/http/route-matrix-usage.ts';

/** Who calls: every role, as a session user, plus API tokens of each side. */
export const callers = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'operator-token',
  'owner-admin',
  'owner-member',
  'owner-auditor',
  'owner-token',
  'party-admin',
  'party-member',
  'party-token',
  // The machine issuer's tokens, expected to fare as their API-token twins (route-matrix-machine-callers.ts).
  'operator-machine-token',
  'owner-machine-token',
] as const;
export type Caller = (typeof callers)[number];

export interface Fixtures {
  store: TestStore;
  operator: TestOperator;
  /** The caller's own tenant. */
  a: TestTenant;
  /** Another tenant whose data must stay out of reach. */
  b: TestTenant;
  /** A party: neither operator nor owner, so every owner's data is out of its reach. */
  party: TestParty;
}

export interface RouteRequest {
  path: string;
  body?: unknown;
  /** A multipart form instead of a JSON body (file uploads). */
  form?: () => FormData;
}

export interface RouteCase {
  /** Callers that succeed on their own tenant's resource. */
  allow: readonly Caller[];
  own(fx: Fixtures): Promise<RouteRequest> | RouteRequest;
  /** The same request aimed at tenant B; absent for platform-level routes that name no tenant. */
  other?(fx: Fixtures): Promise<RouteRequest> | RouteRequest;
}

const partyCallers: Caller[] = ['party-admin', 'party-member', 'party-token'];
// "Everyone" and "users" are the operator's and the owners' callers; a route a party reaches says so itself.
const everyone = callers.filter((c) => !partyCallers.includes(c));
const users = everyone.filter((c) => !c.endsWith('-token'));
/**
 * A party's members read the platform's public facts and list their own members and tokens (aimed at another
 * organisation, such a list is empty); its token holds only organisations:read.
 */
const partyUsers: Caller[] = ['party-admin', 'party-member'];
const admins: Caller[] = ['operator-admin', 'owner-admin'];
const serviceWriters: Caller[] = ['operator-admin', 'operator-agent', 'owner-admin', 'owner-token'];
async function freshMembership(fx: Fixtures, organisationId: string): Promise<string> {
  const { membershipId } = await provisionMember(systemContext(fx.store), {
    organisationId,
    email: `${unique('m')}@test.niva.no`,
    name: 'Temporary Member',
    role: 'owner-member',
  });
  return membershipId;
}

async function freshInvitation(fx: Fixtures, organisationId: string): Promise<string> {
  const invitation = await inviteMember(
    systemContext(fx.store),
    { organisationId, email: `${unique('i')}@test.niva.no`, role: 'owner-member' },
    { publicUrl: 'http://localhost:8080', locale: 'nb' },
  );
  return invitation.id;
}

async function freshToken(fx: Fixtures, organisationId: string): Promise<string> {
  const { token } = await createApiToken(systemContext(fx.store), {
    organisationId,
    name: 'temporary',
    scopes: ['services:read'],
  });
  return token.id;
}

async function freshWebhook(fx: Fixtures, organisationId: string): Promise<string> {
  const { id } = await createWebhookEndpoint(fx.store, organisationId, 'https://hooks.example.no/niva', testEpoch);
  return id;
}

async function deadJob(fx: Fixtures): Promise<string> {
  const ctx = systemContext(fx.store);
  const id = await fx.store.db.transaction().execute((trx) =>
    enqueueJob(trx, ctx, {
      kind: reportEmailJob,
      payload: { reportId: unique('report'), email: 'matrix@test.niva.no', lang: 'nb' },
      maxAttempts: 1,
    }),
  );
  await fx.store.db.updateTable('jobs').set({ status: 'dead', attempts: 1 }).where('id', '=', id).execute();
  return id;
}

/** An e-mail kept by the development transport, as the outgoing-message log holds it. */
function keptMail(fx: Fixtures): Promise<string> {
  return outgoingLog(fx.store.db, null).record({
    kind: 'email',
    to: ['matrix@test.niva.no'],
    subject: 'Saken er løst',
    body: 'Hei',
    headers: {},
    outcome: 'kept',
    at: testEpoch,
  });
}

// Availability is public to every role; its routes and fixtures are in test/availability/http/route-matrix-availability.ts.

/**
 * Every API route of the OpenAPI document, keyed "METHOD /path". A route missing here fails the matrix test,
 * so each new route must say who may call it and how it is aimed at another tenant.
 */
export const routeCases: Record<string, RouteCase> = {
  ...reportContentCases,
  ...reportCases,
  ...availabilityCases,
  ...billingCases,
  ...caseCases,
  ...supportCases,
  ...usageCases,
  'GET /organisations': { allow: callers, own: () => ({ path: '/organisations' }) },
  'POST /organisations': {
    allow: ['operator-admin'],
    own: () => {
      const code = unique('n');
      return {
        path: '/organisations',
        body: { name: `Ny etat ${code}`, code, orgNumber: orgNumber(), contactEmail: `post@${code}.no` },
      };
    },
  },
  'GET /organisations/{id}': {
    allow: everyone,
    own: (fx) => ({ path: `/organisations/${fx.a.organisation.id}` }),
    other: (fx) => ({ path: `/organisations/${fx.b.organisation.id}` }),
  },
  'PATCH /organisations/{id}': {
    allow: admins,
    own: (fx) => ({ path: `/organisations/${fx.a.organisation.id}`, body: { contactEmail: `${unique('c')}@a.no` } }),
    other: (fx) => ({ path: `/organisations/${fx.b.organisation.code}`, body: { contactEmail: 'hijack@evil.no' } }),
  },
  'GET /services': {
    allow: everyone,
    own: (fx) => ({ path: `/services?organisationId=${fx.a.organisation.id}` }),
    other: (fx) => ({ path: `/services?organisationId=${fx.b.organisation.id}` }),
  },
  'POST /services': {
    allow: serviceWriters,
    own: (fx) => ({
      path: '/services',
      body: { organisationId: fx.a.organisation.id, name: 'Ny tjeneste', platform: 'altinn3', resourceId: unique('r') },
    }),
    other: (fx) => ({
      path: '/services',
      body: { organisationId: fx.b.organisation.id, name: 'Planted', platform: 'altinn3', resourceId: unique('x') },
    }),
  },
  'GET /services/{id}': {
    allow: everyone,
    own: (fx) => ({ path: `/services/${fx.a.service.id}` }),
    other: (fx) => ({ path: `/services/${fx.b.service.resource_id}` }),
  },
  'PATCH /services/{id}': {
    allow: serviceWriters,
    own: (fx) => ({ path: `/services/${fx.a.service.id}`, body: { name: `Omdøpt ${unique('')}` } }),
    other: (fx) => ({ path: `/services/${fx.b.service.id}`, body: { status: 'retired' } }),
  },
  'GET /components': { allow: [...everyone, ...partyUsers], own: () => ({ path: '/components' }) },
  'POST /components': {
    allow: ['operator-admin'],
    own: () => ({
      path: '/components',
      body: { code: unique('c'), name: 'Komponent', calendarId: 'always', targetBasisPoints: 9990 },
    }),
  },
  'GET /me': { allow: callers, own: () => ({ path: '/me' }) },
  'GET /members': {
    allow: [...users, ...partyUsers],
    own: (fx) => ({ path: `/members?organisationId=${fx.a.organisation.id}` }),
    other: (fx) => ({ path: `/members?organisationId=${fx.b.organisation.id}` }),
  },
  'POST /members': {
    allow: admins,
    own: (fx) => ({
      path: '/members',
      body: {
        organisationId: fx.a.organisation.id,
        email: `${unique('p')}@a.no`,
        role: 'owner-member',
      },
    }),
    other: (fx) => ({
      path: '/members',
      body: {
        organisationId: fx.b.organisation.id,
        email: `${unique('p')}@evil.no`,
        role: 'owner-admin',
      },
    }),
  },
  'GET /invitations': {
    allow: [...users, ...partyUsers],
    own: (fx) => ({ path: `/invitations?organisationId=${fx.a.organisation.id}` }),
    other: (fx) => ({ path: `/invitations?organisationId=${fx.b.organisation.id}` }),
  },
  'DELETE /invitations/{id}': {
    allow: admins,
    own: async (fx) => ({ path: `/invitations/${await freshInvitation(fx, fx.a.organisation.id)}` }),
    other: async (fx) => ({ path: `/invitations/${await freshInvitation(fx, fx.b.organisation.id)}` }),
  },
  'DELETE /members/{id}': {
    allow: admins,
    own: async (fx) => ({ path: `/members/${await freshMembership(fx, fx.a.organisation.id)}` }),
    other: async (fx) => ({ path: `/members/${await freshMembership(fx, fx.b.organisation.id)}` }),
  },
  'GET /tokens': {
    allow: [...users, ...partyUsers],
    own: (fx) => ({ path: `/tokens?organisationId=${fx.a.organisation.id}` }),
    other: (fx) => ({ path: `/tokens?organisationId=${fx.b.organisation.id}` }),
  },
  'POST /tokens': {
    allow: admins,
    own: (fx) => ({
      path: '/tokens',
      body: { organisationId: fx.a.organisation.id, name: 'ci', scopes: ['services:read'] },
    }),
    other: (fx) => ({
      path: '/tokens',
      body: { organisationId: fx.b.organisation.id, name: 'stolen', scopes: ['services:write'] },
    }),
  },
  'GET /tokens/{id}': {
    allow: users,
    own: (fx) => ({ path: `/tokens/${fx.a.token.id}` }),
    other: (fx) => ({ path: `/tokens/${fx.b.token.id}` }),
  },
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
  'GET /audit-events/verify': {
    allow: ['operator-admin', 'operator-auditor'],
    own: () => ({ path: '/audit-events/verify' }),
  },
  'GET /jobs': { allow: ['operator-admin', 'operator-agent', 'operator-auditor'], own: () => ({ path: '/jobs' }) },
  'GET /outgoing-messages': {
    allow: ['operator-admin', 'operator-agent', 'operator-auditor'],
    own: () => ({ path: '/outgoing-messages?kind=email' }),
  },
  'GET /outgoing-messages/{id}': {
    allow: ['operator-admin', 'operator-agent', 'operator-auditor'],
    own: async (fx) => ({ path: `/outgoing-messages/${await keptMail(fx)}` }),
  },
  'POST /jobs/{id}/retry': {
    allow: ['operator-admin'],
    own: async (fx) => ({ path: `/jobs/${await deadJob(fx)}/retry` }),
  },
  'GET /webhooks': {
    allow: admins,
    own: (fx) => ({ path: `/webhooks?organisationId=${fx.a.organisation.id}` }),
    other: (fx) => ({ path: `/webhooks?organisationId=${fx.b.organisation.id}` }),
  },
  'POST /webhooks': {
    allow: admins,
    own: (fx) => ({
      path: '/webhooks',
      body: {
        organisationId: fx.a.organisation.id,
        url: 'https://hooks.example.no/niva',
        eventTypes: ['no.niva.case.resolved'],
      },
    }),
    other: (fx) => ({
      path: '/webhooks',
      body: { organisationId: fx.b.organisation.id, url: 'https://evil.example.com/steal', eventTypes: ['*'] },
    }),
  },
  'DELETE /webhooks/{id}': {
    allow: admins,
    own: async (fx) => ({ path: `/webhooks/${await freshWebhook(fx, fx.a.organisation.id)}` }),
    other: async (fx) => ({ path: `/webhooks/${await freshWebhook(fx, fx.b.organisation.id)}` }),
  },
};
