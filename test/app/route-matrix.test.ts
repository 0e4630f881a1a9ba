import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { callerHeaders, createMatrixFixtures } from './route-matrix-callers.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';
import { startTestTokenIssuer, type TestTokenIssuer } from '../helpers/test-token-issuer.ts';
import { allows, machineTokens, machineTokenTwins } from './route-matrix-machine-callers.ts';
import { type Caller, callers, type Fixtures, type RouteRequest, routeCases } from './route-matrix-routes.ts';

/**
 * Walks every API route as every role, anonymously, and as a member of another tenant.
 * Denied means 401/403/404 and nothing changed; a list may succeed but must not contain the other tenant's data.
 */
let store: TestStore;
let issuer: TestTokenIssuer;
let app: TestApp;
let fx: Fixtures;
const auth = new Map<Caller, Record<string, string>>();
let apiRoutes: string[] = [];

function send(caller: Caller | 'anonymous', method: string, request: RouteRequest): Promise<Response> {
  const credentials = caller === 'anonymous' ? {} : (auth.get(caller) ?? {});
  // A multipart body brings its own content type (with the boundary).
  if (request.form)
    return Promise.resolve(
      app.request(`/api/v1${request.path}`, { method, headers: credentials, body: request.form() }),
    );
  const headers: Record<string, string> = { ...credentials, 'content-type': 'application/json' };
  return Promise.resolve(
    app.request(`/api/v1${request.path}`, {
      method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    }),
  );
}

/** Every identifier of a tenant that must never appear in what another's callers see. */
function secretsOf(b: Fixtures['a']): string[] {
  return [
    b.organisation.id,
    b.organisation.code,
    b.organisation.org_number,
    b.service.id,
    b.service.resource_id,
    b.token.id,
    ...Object.values(b.users).flatMap((u) => [u.userId, u.email]),
  ];
}

before(async () => {
  store = await createTestStore();
  issuer = await startTestTokenIssuer();
  ({ app } = createTestApp(store, { loginRatePerMinute: 10_000, ...issuer.config() }, { names: issuer.names }));
  fx = await createMatrixFixtures(store);
  for (const [caller, headers] of await callerHeaders(app, fx)) auth.set(caller, headers);
  for (const [caller, token] of await machineTokens(issuer, fx)) auth.set(caller, bearer(token));
  const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  apiRoutes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
});

after(async () => {
  await issuer.close();
  await store.destroy();
});

describe('route matrix', () => {
  it('covers every route of the OpenAPI document', () => {
    assert.ok(apiRoutes.length >= 20, `only ${apiRoutes.length} routes found`);
    const missing = apiRoutes.filter((r) => !(r in routeCases));
    assert.deepEqual(missing, [], 'routes without a matrix entry');
    const stale = Object.keys(routeCases).filter((r) => !apiRoutes.includes(r));
    assert.deepEqual(stale, [], 'matrix entries for routes that no longer exist');
  });

  it('calls as the machine-token callers through the issuer, with the scopes of their API-token twins', async () => {
    for (const [machine, twin] of Object.entries(machineTokenTwins)) {
      const [mine, theirs] = await Promise.all(
        [machine as Caller, twin].map(async (caller) => {
          const response = await send(caller, 'GET', { path: '/me' });
          return (await response.json()) as { actor: { label: string }; scopes: string[] };
        }),
      );
      assert.match(mine?.actor.label ?? '', /^maskinporten:/, machine);
      assert.deepEqual(mine?.scopes.sort(), theirs?.scopes.sort(), machine);
    }
  });

  it('refuses anonymous callers on every route', async () => {
    for (const route of apiRoutes) {
      const [method = 'GET'] = route.split(' ');
      const request = await routeCases[route]?.own(fx);
      assert.ok(request, route);
      const response = await send('anonymous', method, request);
      assert.equal(response.status, 401, `${route} anonymous`);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
  });

  it('lets each caller do exactly what its role allows on its own tenant', async () => {
    const failures: string[] = [];
    for (const route of apiRoutes) {
      const [method = 'GET'] = route.split(' ');
      const routeCase = routeCases[route];
      assert.ok(routeCase);
      for (const caller of callers) {
        const response = await send(caller, method, await routeCase.own(fx));
        const allowed = allows(routeCase, caller);
        // Tenant A is a party's someone else: like any other tenant's, its ids may be answered as unknown (400).
        const foreign = caller.startsWith('party-');
        const denied = foreign ? response.status >= 400 && response.status < 500 : [403, 404].includes(response.status);
        const ok = allowed ? response.status >= 200 && response.status < 300 : denied;
        if (!ok)
          failures.push(
            `${route} as ${caller}: ${response.status} (expected ${allowed ? '2xx' : '403/404'}) ${allowed ? await response.text() : ''}`,
          );
      }
    }
    assert.deepEqual(failures, []);
  });

  it("never lets one tenant read or write another tenant's data", async () => {
    const failures: string[] = [];
    const ownerCallers = callers.filter((c) => c.startsWith('owner-'));
    const secrets = secretsOf(fx.b);
    for (const route of apiRoutes) {
      const [method = 'GET'] = route.split(' ');
      const routeCase = routeCases[route];
      assert.ok(routeCase);
      for (const caller of ownerCallers) {
        const targeted = routeCase.other ? await routeCase.other(fx) : await routeCase.own(fx);
        const response = await send(caller, method, targeted);
        // A problem document echoes the request path; what the caller sent is not a leak.
        const text = (await response.text()).split(`/api/v1${targeted.path.split('?')[0] ?? ''}`).join('');
        const leaked = secrets.filter((s) => text.includes(s));
        if (
          response.status >= 200 &&
          response.status < 300 &&
          (method !== 'GET' || (routeCase.other !== undefined && !/\?organisationId=/.test(targeted.path)))
        ) {
          failures.push(`${route} as ${caller} reached tenant B: ${response.status}`);
        } else if (leaked.length > 0) {
          failures.push(`${route} as ${caller} leaked ${leaked.join(', ')}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    const b = await store.db
      .selectFrom('organisations')
      .select(['contact_email'])
      .where('id', '=', fx.b.organisation.id)
      .executeTakeFirstOrThrow();
    assert.equal(b.contact_email, fx.b.organisation.contact_email, "tenant B's organisation is unchanged");
    const planted = await store.db
      .selectFrom('services')
      .select('id')
      .where('organisation_id', '=', fx.b.organisation.id)
      .execute();
    assert.equal(planted.length, 1, 'no service was planted in tenant B');
  });
  it('lets a party reach nothing of any owner, through any route', async () => {
    const failures: string[] = [];
    const secrets = [...secretsOf(fx.a), ...secretsOf(fx.b)];
    for (const route of apiRoutes) {
      const [method = 'GET'] = route.split(' ');
      const routeCase = routeCases[route];
      assert.ok(routeCase);
      for (const caller of ['party-admin', 'party-member', 'party-token'] as const) {
        // Aimed at owner A and at owner B: to a party both are someone else's.
        for (const targeted of [await routeCase.own(fx), ...(routeCase.other ? [await routeCase.other(fx)] : [])]) {
          const response = await send(caller, method, targeted);
          const text = (await response.text()).split(`/api/v1${targeted.path.split('?')[0] ?? ''}`).join('');
          const leaked = secrets.filter((s) => text.includes(s));
          if (response.status >= 200 && response.status < 300 && method !== 'GET')
            failures.push(`${route} as ${caller} changed an owner's data: ${response.status}`);
          else if (leaked.length > 0) failures.push(`${route} as ${caller} leaked ${leaked.join(', ')}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
