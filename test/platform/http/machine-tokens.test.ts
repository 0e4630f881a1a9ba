import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { pino } from 'pino';
import { createApiToken } from '../../../src/modules/access/services/create-api-token.ts';
import { keySetRefetchFloorMs } from '../../../src/platform/auth/machine-token-keys.ts';
import type { TokenScope } from '../../../src/platform/domain/roles.ts';
import {
  createParty,
  createTenant,
  orgNumber,
  systemContext,
  testEpoch,
  unique,
  type TestTenant,
} from '../../helpers/factories.ts';
import { bearer, createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { issuerScope, startTestTokenIssuer, type TestTokenIssuer } from '../../helpers/test-token-issuer.ts';

interface Problem {
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
}

let store: TestStore;
let tenant: TestTenant;
let other: TestTenant;
const issuers: TestTokenIssuer[] = [];

before(async () => {
  store = await createTestStore();
  tenant = await createTenant(store);
  other = await createTenant(store);
});
after(async () => {
  for (const issuer of issuers) await issuer.close();
  await store.destroy();
});

async function issuerAndApp(env: Record<string, string> = {}, logger?: pino.Logger) {
  const issuer = await startTestTokenIssuer();
  issuers.push(issuer);
  const { app, clock } = createTestApp(store, issuer.config(env), {
    names: issuer.names,
    ...(logger ? { logger } : {}),
  });
  return { issuer, app, clock };
}

const caseWriter = ['organisations:read', 'cases:write', 'services:read', 'services:write'].map((s) =>
  issuerScope(s as TokenScope),
);

function get(app: TestApp, token: string, path: string): Promise<Response> {
  return Promise.resolve(app.request(`/api/v1${path}`, { headers: bearer(token) }));
}

/** The answer without what differs per request, for comparing two refusals. */
async function refusal(response: Response): Promise<{ status: number; challenge: string | null; body: Problem }> {
  const body = (await response.json()) as Problem;
  delete body.requestId;
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body };
}

async function assertRefused(response: Response, detail: RegExp): Promise<void> {
  const { status, challenge, body } = await refusal(response);
  assert.equal(status, 401, JSON.stringify(body));
  assert.equal(body.code, 'unauthenticated');
  assert.match(body.detail, detail);
  assert.match(challenge ?? '', /^Bearer error="invalid_token", error_description="[^"]+"$/);
}

describe('machine-to-machine access tokens (Maskinporten-style)', () => {
  it('grants a consumer no more than its kind of organisation can hold, whatever the issuer granted', async () => {
    const { issuer, app } = await issuerAndApp();
    const party = await createParty(store);
    const token = await issuer.token({ orgNumber: party.organisation.org_number, scopes: caseWriter });
    const me = (await (await get(app, token, '/me')).json()) as { scopes: string[] };
    assert.deepEqual(me.scopes, ['organisations:read'], 'a party holds no case or service scope');
    assert.equal((await get(app, token, '/cases')).status, 403);
    const only = await issuer.token({
      orgNumber: party.organisation.org_number,
      scopes: [issuerScope('cases:write')],
    });
    await assertRefused(await get(app, only, '/me'), /./);
  });

  it("calls the API for the consumer's organisation with the mapped scopes, and the audit shows the client", async () => {
    const { issuer, app } = await issuerAndApp();
    const token = await issuer.token({
      orgNumber: tenant.organisation.org_number,
      scopes: [...caseWriter, 'altinn:some/other.scope'],
      claims: { client_id: 'client-a' },
    });
    const me = (await (await get(app, token, '/me')).json()) as { actor: { type: string; label: string }; scopes: [] };
    assert.deepEqual(me.actor, { type: 'token', id: 'maskinporten:client-a', label: 'maskinporten:client-a' });
    assert.deepEqual(me.scopes.sort(), ['cases:write', 'organisations:read', 'services:read', 'services:write']);

    const services = (await (await get(app, token, '/services')).json()) as { items: { organisationId: string }[] };
    assert.ok(services.items.length > 0);
    assert.ok(
      services.items.every((s) => s.organisationId === tenant.organisation.id),
      'only its own services',
    );
    assert.equal((await get(app, token, `/services/${other.service.id}`)).status, 404, "another tenant's service");

    const created = await app.request('/api/v1/services', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({
        organisationId: tenant.organisation.id,
        name: 'Maskinell tjeneste',
        platform: 'altinn3',
        resourceId: unique('m2m-'),
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    const audit = await store.db
      .selectFrom('audit_events')
      .select(['actor_type', 'actor_id', 'actor_label', 'organisation_id'])
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit, {
      actor_type: 'token',
      actor_id: 'maskinporten:client-a',
      actor_label: 'maskinporten:client-a',
      organisation_id: tenant.organisation.id,
    });
    // Without client_id the token's own id names it.
    const anonymousClient = await issuer.token({
      orgNumber: tenant.organisation.org_number,
      scopes: caseWriter,
      claims: { client_id: undefined, jti: 'jti-123' },
    });
    const named = (await (await get(app, anonymousClient, '/me')).json()) as { actor: { label: string } };
    assert.equal(named.actor.label, 'maskinporten:jti-123');
  });

  it('refuses another audience, an expired token and one not valid yet, within the leeway only', async () => {
    const { issuer, app } = await issuerAndApp();
    const orgNumber = tenant.organisation.org_number;
    const scopes = caseWriter;
    await assertRefused(
      await get(app, await issuer.token({ orgNumber, scopes, claims: { aud: 'https://other.example.no/' } }), '/me'),
      /meant for another audience/,
    );
    const ago = (seconds: number) => testEpoch - seconds * 1000;
    // Issued 149 s ago for 120 s: expired 29 s ago, which the 30 s leeway still forgives; 30 s ago it does not.
    assert.equal((await get(app, await issuer.token({ orgNumber, scopes, issuedAt: ago(149) }), '/me')).status, 200);
    await assertRefused(
      await get(app, await issuer.token({ orgNumber, scopes, issuedAt: ago(150) }), '/me'),
      /has expired/,
    );
    const nbf = (seconds: number) => ({ nbf: Math.floor(testEpoch / 1000) + seconds });
    assert.equal((await get(app, await issuer.token({ orgNumber, scopes, claims: nbf(30) }), '/me')).status, 200);
    await assertRefused(
      await get(app, await issuer.token({ orgNumber, scopes, claims: nbf(31) }), '/me'),
      /not valid yet/,
    );
    await assertRefused(
      await get(app, await issuer.token({ orgNumber, scopes, claims: { exp: undefined } }), '/me'),
      /is not valid$/,
    );
  });

  it('honours a configured leeway of zero', async () => {
    const { issuer, app } = await issuerAndApp({ NIVA_M2M_LEEWAY_SECONDS: '0' });
    const token = await issuer.token({
      orgNumber: tenant.organisation.org_number,
      scopes: caseWriter,
      issuedAt: testEpoch - 121_000,
    });
    await assertRefused(await get(app, token, '/me'), /has expired/);
  });

  it('refuses the issuer written otherwise, a trailing slash included, without fetching any key', async () => {
    const { issuer, app } = await issuerAndApp();
    const orgNumber = tenant.organisation.org_number;
    for (const iss of [issuer.issuer.replace(/\/$/, ''), `${issuer.issuer}/`, issuer.issuer.toUpperCase(), undefined])
      await assertRefused(
        await get(app, await issuer.token({ orgNumber, scopes: caseWriter, claims: { iss } }), '/me'),
        /from another issuer/,
      );
    assert.equal(issuer.jwksRequests, 0);

    // Configured without the slash, the issuer's own tokens (with it) are another issuer's.
    const strict = createTestApp(store, issuer.config({ NIVA_M2M_ISSUER: issuer.issuer.replace(/\/$/, '') }), {
      names: issuer.names,
    }).app;
    await assertRefused(
      await get(strict, await issuer.token({ orgNumber, scopes: caseWriter }), '/me'),
      /from another issuer/,
    );
  });

  it('refuses alg none and HS256 (with the public key as the secret) before looking for a key', async () => {
    const { issuer, app } = await issuerAndApp();
    const claims = issuer.claims({ orgNumber: tenant.organisation.org_number, scopes: caseWriter });
    const unsigned = new UnsecuredJWT(claims).encode();
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: issuer.publicJwk.kid ?? '' })
      .sign(new TextEncoder().encode(JSON.stringify(issuer.publicJwk)));
    for (const token of [unsigned, hmac]) await assertRefused(await get(app, token, '/me'), /is not valid$/);
    assert.equal(issuer.jwksRequests, 0);
  });

  it('fetches the key set again for an unknown key at most once per floor interval, and finds rotated keys', async () => {
    const { issuer, app, clock } = await issuerAndApp();
    const orgNumber = tenant.organisation.org_number;
    assert.equal((await get(app, await issuer.token({ orgNumber, scopes: caseWriter }), '/me')).status, 200);
    assert.equal(issuer.jwksRequests, 1);

    // The floor counts from the last fetch of any kind, so an unknown key right after the first one waits too.
    const foreign = await issuer.foreignKey('attacker-key');
    const forged = await issuer.token({ orgNumber, scopes: caseWriter, key: foreign });
    await assertRefused(await get(app, forged, '/me'), /is not valid$/);
    assert.equal(issuer.jwksRequests, 1, 'not within the floor of the first fetch');

    clock.advance(keySetRefetchFloorMs);
    await assertRefused(await get(app, forged, '/me'), /is not valid$/);
    assert.equal(issuer.jwksRequests, 2, 'an unknown key fetches the set again');
    for (let i = 0; i < 5; i++) await assertRefused(await get(app, forged, '/me'), /is not valid$/);
    assert.equal(issuer.jwksRequests, 2, 'but not again within the floor');

    // A key the issuer does publish, but the token is signed by someone else: no fetch at all.
    clock.advance(keySetRefetchFloorMs);
    const impostor = await issuer.foreignKey(issuer.publicJwk.kid ?? '');
    await assertRefused(
      await get(app, await issuer.token({ orgNumber, scopes: caseWriter, key: impostor }), '/me'),
      /not valid$/,
    );
    assert.equal(issuer.jwksRequests, 2);
    await assertRefused(await get(app, forged, '/me'), /is not valid$/);
    assert.equal(issuer.jwksRequests, 3, 'after the floor an unknown key may fetch once more');

    await issuer.rotate();
    const rotated = await issuer.token({ orgNumber, scopes: caseWriter, issuedAt: clock.now() });
    await assertRefused(await get(app, rotated, '/me'), /is not valid$/);
    assert.equal(issuer.jwksRequests, 3, 'a new key within the floor waits for it');
    clock.advance(keySetRefetchFloorMs);
    assert.equal((await get(app, rotated, '/me')).status, 200);
    assert.equal(issuer.jwksRequests, 4);
  });

  it('fetches the key set once for a burst of first tokens', async () => {
    const { issuer, app } = await issuerAndApp();
    const token = await issuer.token({ orgNumber: tenant.organisation.org_number, scopes: caseWriter });
    const answers = await Promise.all(Array.from({ length: 10 }, () => get(app, token, '/me')));
    assert.deepEqual(
      answers.map((r) => r.status),
      Array.from({ length: 10 }, () => 200),
    );
    assert.equal(issuer.jwksRequests, 1);
  });

  it('answers an unknown consumer exactly as a bad signature, and refuses malformed consumers the same way', async () => {
    const { issuer, app } = await issuerAndApp();
    const foreign = await issuer.foreignKey(issuer.publicJwk.kid ?? '');
    const badSignature = await issuer.token({
      orgNumber: tenant.organisation.org_number,
      scopes: caseWriter,
      key: foreign,
    });
    const unknownConsumer = await issuer.token({ orgNumber: orgNumber(), scopes: caseWriter });
    const expected = await refusal(await get(app, badSignature, '/me'));
    assert.deepEqual(await refusal(await get(app, unknownConsumer, '/me')), expected);
    const consumers = [
      { authority: 'iso6523-actorid-upis', ID: `9908:${tenant.organisation.org_number}` },
      { authority: 'other', ID: `0192:${tenant.organisation.org_number}` },
      { authority: 'iso6523-actorid-upis', ID: '0192:123456789' },
      `0192:${tenant.organisation.org_number}`,
      undefined,
    ];
    for (const consumer of consumers) {
      const token = await issuer.token({ orgNumber: '', scopes: caseWriter, claims: { consumer } });
      assert.deepEqual(await refusal(await get(app, token, '/me')), expected, JSON.stringify(consumer));
    }
  });

  it('refuses a token with no mapped scope, and answers 403 insufficient_scope as for an own token', async () => {
    const { issuer, app } = await issuerAndApp();
    const orgNumber = tenant.organisation.org_number;
    await assertRefused(
      await get(app, await issuer.token({ orgNumber, scopes: ['altinn:some/other.scope'] }), '/me'),
      /grants no scope/,
    );
    const readScopes: TokenScope[] = ['organisations:read', 'services:read'];
    const reader = await issuer.token({ orgNumber, scopes: readScopes.map(issuerScope) });
    const { secret } = await createApiToken(systemContext(store), {
      organisationId: tenant.organisation.id,
      name: 'lesar',
      scopes: readScopes,
    });
    const body = JSON.stringify({
      organisationId: tenant.organisation.id,
      name: 'Nei',
      platform: 'altinn3',
      resourceId: 'x-nei',
    });
    const answers = [];
    for (const credential of [reader, secret]) {
      const response = await app.request('/api/v1/services', {
        method: 'POST',
        headers: { ...bearer(credential), 'content-type': 'application/json' },
        body,
      });
      answers.push(await refusal(response));
    }
    assert.equal(answers[0]?.status, 403);
    assert.match(answers[0]?.challenge ?? '', /^Bearer error="insufficient_scope"/);
    assert.deepEqual(answers[0], answers[1]);
  });

  it('answers 401 while the issuer is down, logs why, and says so on /readyz without failing it', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const { issuer, app } = await issuerAndApp({}, logger);
    const token = await issuer.token({ orgNumber: tenant.organisation.org_number, scopes: caseWriter });
    await issuer.close();
    await assertRefused(await get(app, token, '/me'), /cannot be checked now: the issuer's keys are unavailable/);
    const logged = lines.map(
      (line) => JSON.parse(line) as { level: number; msg: string; jwksUrl?: string; problem?: string },
    );
    const warning = logged.find((entry) => entry.msg.includes('key set could not be fetched'));
    assert.ok(warning, lines.join('\n'));
    assert.equal(warning.jwksUrl, issuer.jwksUrl);
    assert.match(warning.problem ?? '', /could not be reached: ECONNREFUSED/);
    const ready = await app.request('/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), {
      status: 'ready',
      dialect: store.dialect,
      machineTokenIssuer: 'unreachable',
    });
  });

  it('says the issuer is unchecked on /readyz until a fetch finished, and does not wait for it', async () => {
    const { issuer, app } = await issuerAndApp();
    issuer.answerWith(503);
    const first = (await (await app.request('/readyz')).json()) as { machineTokenIssuer: string };
    assert.equal(first.machineTokenIssuer, 'unchecked');
  });

  it('reports a reachable issuer on /readyz once its keys were fetched', async () => {
    const { issuer, app } = await issuerAndApp();
    assert.equal(
      (await get(app, await issuer.token({ orgNumber: tenant.organisation.org_number, scopes: caseWriter }), '/me'))
        .status,
      200,
    );
    assert.deepEqual(await (await app.request('/readyz')).json(), {
      status: 'ready',
      dialect: store.dialect,
      machineTokenIssuer: 'reachable',
    });
  });

  it('treats a JWT as an unknown own token when no issuer is configured', async () => {
    const issuer = await startTestTokenIssuer();
    issuers.push(issuer);
    const { app } = createTestApp(store);
    const response = await get(
      app,
      await issuer.token({ orgNumber: tenant.organisation.org_number, scopes: caseWriter }),
      '/me',
    );
    await assertRefused(response, /unknown, revoked or expired/);
    assert.equal(issuer.jwksRequests, 0);
  });
});
