import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { bearer, createTestApp, logIn, postLogin, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 1_000 }));
  operator = await createOperator(store);
  tenant = await createTenant(store);
});
after(() => store.destroy());

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

describe('problem documents', () => {
  it('name every offending field of a JSON body, and nothing is written', async () => {
    const session = await logIn(app, operator.users['operator-admin'].email, testPassword);
    const before = await store.db.selectFrom('organisations').select('id').execute();
    const response = await app.request('/api/v1/organisations', {
      method: 'POST',
      headers: sessionHeaders(session),
      body: JSON.stringify({ name: 'X', code: 'OK CODE', orgNumber: '123', contactEmail: 'nope' }),
    });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const problem = (await response.json()) as Problem;
    assert.equal(problem.code, 'validation');
    assert.deepEqual(problem.errors?.map((e) => e.field).sort(), ['code', 'contactEmail', 'name', 'orgNumber']);
    assert.ok(problem.requestId);
    assert.equal((await store.db.selectFrom('organisations').select('id').execute()).length, before.length);
  });

  it('answer malformed JSON with 400, not a stack trace', async () => {
    const response = await app.request('/api/v1/services', {
      method: 'POST',
      headers: { ...bearer(tenant.token.secret), 'content-type': 'application/json' },
      body: '{"name": ',
    });
    assert.equal(response.status, 400);
    const body = await response.text();
    assert.doesNotMatch(body, /\n\s+at /);
    assert.equal((JSON.parse(body) as Problem).code, 'validation');
  });

  it('name query parameters too', async () => {
    const response = await app.request('/api/v1/audit-events?limit=9999', { headers: bearer(tenant.token.secret) });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as Problem).errors?.[0]?.field, 'limit');
  });

  it('answer an unknown bearer token with 401', async () => {
    const response = await app.request('/api/v1/organisations', { headers: bearer('niva_nottoken_abc') });
    assert.equal(response.status, 401);
  });

  it('answer an unknown API route with a 404 problem', async () => {
    const response = await app.request('/api/v1/nothing-here', { headers: bearer(tenant.token.secret) });
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as Problem).code, 'not-found');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated mutation without the token, or from another origin', async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    const body = JSON.stringify({ organisationId: tenant.organisation.id, name: 'ci', scopes: ['services:read'] });
    const without = await app.request('/api/v1/tokens', {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/json' },
      body,
    });
    assert.equal(without.status, 403);
    assert.equal(((await without.json()) as Problem).code, 'csrf');
    const crossSite = await app.request('/api/v1/tokens', {
      method: 'POST',
      headers: { ...sessionHeaders(session), origin: 'https://evil.example' },
      body,
    });
    assert.equal(crossSite.status, 403);
    const ok = await app.request('/api/v1/tokens', { method: 'POST', headers: sessionHeaders(session), body });
    assert.equal(ok.status, 201);
  });

  it('refuses a web form post without the token', async () => {
    const session = await logIn(app, tenant.users['owner-admin'].email, testPassword);
    const response = await app.request('/tokens', {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ organisationId: tenant.organisation.id, name: 'x', scopes: 'services:read' }),
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Skjemaet var utløpt/);
  });

  it('does not apply to bearer tokens', async () => {
    const response = await app.request('/api/v1/services', {
      method: 'POST',
      headers: { ...bearer(tenant.token.secret), 'content-type': 'application/json' },
      body: JSON.stringify({
        organisationId: tenant.organisation.id,
        name: 'Fra system',
        platform: 'altinn2',
        resourceId: `${tenant.organisation.code}-sys`,
      }),
    });
    assert.equal(response.status, 201);
  });
});

describe('sessions and login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, Secure behind HTTPS', async () => {
    const { app: secureApp } = createTestApp(store, { secureCookies: true, publicUrl: 'https://niva.example.no' });
    for (const [candidate, secure] of [
      [app, false],
      [secureApp, true],
    ] as const) {
      const response = await postLogin(candidate, {
        email: tenant.users['owner-member'].email,
        password: testPassword,
      });
      const cookie = response.headers.get('set-cookie') ?? '';
      assert.match(cookie, /niva_session=/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.equal(/Secure/.test(cookie), secure);
    }
  });

  it('limits login attempts per address', async () => {
    const { app: limited } = createTestApp(store, { loginRatePerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await postLogin(limited, { email: 'nobody@test.niva.no', password: 'wrong-password-1' });
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  });

  it('sends a logged-out visitor to the login page and back', async () => {
    const response = await app.request('/organisations?q=skatt');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/login?next=%2Forganisations%3Fq%3Dskatt');
  });

  it('ignores an absolute URL as the place to go after login', async () => {
    const response = await postLogin(app, {
      email: tenant.users['owner-member'].email,
      password: testPassword,
      next: '//evil.example/x',
    });
    assert.equal(response.headers.get('location'), '/');
  });
});

describe('platform endpoints', () => {
  it('sends security headers on every response', async () => {
    for (const path of ['/login', '/api/v1/organisations', '/healthz', '/nowhere']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /script-src 'self'/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.ok(response.headers.get('x-request-id'), path);
    }
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/organisations/{id}']);
    assert.ok(doc.components.schemas.Problem);
    const docs = await app.request('/api/docs');
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger-ui/);
    assert.equal((await app.request('/api/docs/swagger-ui-bundle.js')).status, 200);
    assert.equal((await app.request('/favicon.ico')).headers.get('content-type'), 'image/svg+xml');
  });

  it('reports readiness with the database and migrations, and exposes metrics', async () => {
    assert.deepEqual(await (await app.request('/readyz')).json(), { status: 'ready', dialect: store.dialect });
    await app.request('/healthz');
    const metrics = await (await app.request('/metrics')).text();
    assert.match(metrics, /niva_http_request_duration_seconds_bucket\{.*route="\/healthz"/);
  });

  it('remembers a language switch', async () => {
    const response = await app.request('/login?lang=en');
    assert.match(response.headers.get('set-cookie') ?? '', /niva_lang=en/);
    assert.match(await response.text(), /<html lang="en"/);
    const next = await app.request('/login', { headers: { cookie: 'niva_lang=nn' } });
    assert.match(await next.text(), /Logg inn med e-postadressa/);
  });

  it('renders a 404 page in the chosen language', async () => {
    const response = await app.request('/no/such/page?lang=en');
    assert.equal(response.status, 404);
    assert.match(await response.text(), /Page not found/);
  });
});
