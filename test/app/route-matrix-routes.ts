import { storeAttachment } from '../../src/modules/cases/services/add-case-attachment.ts';
import { registerCase } from '../../src/modules/cases/services/register-case.ts';
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
const caseReporters: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-token',
  'owner-admin',
  'owner-member',
  'owner-token',
];

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

const fixtureCases = new Map<string, Promise<{ caseId: string; attachmentId: string }>>();

/** One support request with a file per tenant, created on first use and shared by the read routes. */
function caseOf(fx: Fixtures, tenant: Fixtures['a']): Promise<{ caseId: string; attachmentId: string }> {
  let pending = fixtureCases.get(tenant.organisation.id);
  if (!pending) {
    pending = (async () => {
      const ctx = systemContext(fx.store);
      const { row } = await registerCase(ctx, {
        organisationId: tenant.organisation.id,
        kind: 'support-request',
        title: 'Matrise-sak',
      });
      const attachment = await fx.store.db
        .transaction()
        .execute((trx) =>
          storeAttachment(
            trx,
            ctx,
            row,
            { fileName: 'matrise.txt', contentType: 'text/plain', content: Buffer.from('innhold') },
            'text/plain',
          ),
        );
      return { caseId: row.id, attachmentId: attachment.id };
    })();
    fixtureCases.set(tenant.organisation.id, pending);
  }
  return pending;
}

const usageCsv = (): FormData => {
  const form = new FormData();
  form.set('file', new File(['year,jan,feb\n2025,10,20\n'], 'usage.csv', { type: 'text/csv' }));
  return form;
};
const textFile = (): FormData => {
  const form = new FormData();
  form.set('file', new File(['skjermbilde mangler'], 'notat.txt', { type: 'text/plain' }));
  return form;
};

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

/** A pending message from an unknown sender, as the mail listener leaves it in the quarantine. */
async function quarantinedMail(fx: Fixtures): Promise<string> {
  const id = unique('q');
  const raw = Buffer.from(
    `From: Ukjent <ukjent@example.com>\r\nSubject: Hjelp med innlogging\r\nMessage-ID: <${id}@example.com>\r\n\r\nVi får ikke logget inn.\r\n`,
  );
  await fx.store.db
    .insertInto('mail_quarantine')
    .values({
      id,
      message_id: `<${id}@example.com>`,
      from_address: 'ukjent@example.com',
      from_name: 'Ukjent',
      subject: 'Hjelp med innlogging',
      text_body: 'Vi får ikke logget inn.',
      reason: 'unknown-sender',
      raw,
      size_bytes: raw.length,
      received_at: testEpoch,
      status: 'pending',
      case_id: null,
      handled_by: null,
      handled_at: null,
    })
    .execute();
  return id;
}

// Availability is public to every role; its routes and fixtures are in test/availability/http/route-matrix-availability.ts.
const supportWriters: Caller[] = ['operator-admin', 'operator-agent'];

/**
 * Every API route of the OpenAPI document, keyed "METHOD /path". A route missing here fails the matrix test,
 * so each new route must say who may call it and how it is aimed at another tenant.
 */
export const routeCases: Record<string, RouteCase> = {
  ...reportContentCases,
  ...reportCases,
  ...availabilityCases,
  ...billingCases,
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
  'GET /cases': {
    allow: everyone,
    own: (fx) => ({ path: `/cases?organisationId=${fx.a.organisation.id}&state=all` }),
    other: (fx) => ({ path: `/cases?organisationId=${fx.b.organisation.id}&state=all` }),
  },
  'POST /cases': {
    allow: caseReporters,
    own: (fx) => ({
      path: '/cases',
      body: { organisationId: fx.a.organisation.id, kind: 'support-request', title: 'Hvordan får vi tilgang?' },
    }),
    other: (fx) => ({
      path: '/cases',
      body: { organisationId: fx.b.organisation.id, kind: 'support-request', title: 'Planted' },
    }),
  },
  'GET /cases/{id}': {
    allow: everyone,
    own: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.a)).caseId}` }),
    other: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.b)).caseId}` }),
  },
  'POST /cases/{id}/events': {
    allow: caseReporters,
    own: async (fx) => ({
      path: `/cases/${(await caseOf(fx, fx.a)).caseId}/events`,
      body: { type: 'commented', body: 'Oppdatering' },
    }),
    other: async (fx) => ({
      path: `/cases/${(await caseOf(fx, fx.b)).caseId}/events`,
      body: { type: 'commented', body: 'Planted' },
    }),
  },
  'POST /cases/{id}/attachments': {
    allow: caseReporters,
    own: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.a)).caseId}/attachments`, form: textFile }),
    other: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.b)).caseId}/attachments`, form: textFile }),
  },
  'GET /cases/{id}/attachments/{attachmentId}': {
    allow: everyone,
    own: async (fx) => {
      const { caseId, attachmentId } = await caseOf(fx, fx.a);
      return { path: `/cases/${caseId}/attachments/${attachmentId}` };
    },
    other: async (fx) => {
      const { caseId, attachmentId } = await caseOf(fx, fx.b);
      return { path: `/cases/${caseId}/attachments/${attachmentId}` };
    },
  },
  'POST /jobs/{id}/retry': {
    allow: ['operator-admin'],
    own: async (fx) => ({ path: `/jobs/${await deadJob(fx)}/retry` }),
  },
  'GET /mail-quarantine': {
    allow: ['operator-admin', 'operator-agent'],
    own: () => ({ path: '/mail-quarantine?status=all' }),
  },
  'GET /mail-quarantine/{id}': {
    allow: ['operator-admin', 'operator-agent'],
    own: async (fx) => ({ path: `/mail-quarantine/${await quarantinedMail(fx)}` }),
  },
  'POST /mail-quarantine/{id}/accept': {
    allow: ['operator-admin', 'operator-agent'],
    own: async (fx) => ({
      path: `/mail-quarantine/${await quarantinedMail(fx)}/accept`,
      body: { organisationId: fx.a.organisation.id },
    }),
  },
  'POST /mail-quarantine/{id}/discard': {
    allow: ['operator-admin', 'operator-agent'],
    own: async (fx) => ({ path: `/mail-quarantine/${await quarantinedMail(fx)}/discard` }),
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
