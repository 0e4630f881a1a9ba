import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/platform/domain/clock.ts';
import { AppError } from '../../src/platform/services/app-error.ts';
import { logIn } from '../../src/platform/auth/log-in.ts';
import { resolveSession } from '../../src/platform/auth/sessions.ts';
import { authenticateApiToken } from '../../src/platform/auth/authenticate-api-token.ts';
import { createApiToken } from '../../src/modules/access/services/create-api-token.ts';
import { revokeApiToken } from '../../src/modules/access/services/revoke-api-token.ts';
import { createTenant, systemContext, testEpoch, testPassword, type TestTenant } from '../helpers/factories.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';

let store: TestStore;
let tenant: TestTenant;

/** The digest secrets are stored as, computed here independently of the code under test. */
const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
const policy = { maxFailures: 3, lockMs: 15 * 60_000, sessionTtlMs: 3_600_000 };

before(async () => {
  store = await createTestStore();
  tenant = await createTenant(store);
});
after(() => store.destroy());

describe('logIn', () => {
  it('opens a session that resolves to the user with memberships', async () => {
    const clock = fixedClock(testEpoch);
    const session = await logIn(
      systemContext(store, clock),
      { email: tenant.users['owner-admin'].email, password: testPassword },
      policy,
    );
    const resolved = await resolveSession(store.db, session.sessionToken, clock.now(), policy.sessionTtlMs);
    assert.equal(resolved?.actor.id, tenant.users['owner-admin'].userId);
    assert.equal(resolved?.actor.memberships[0]?.role, 'owner-admin');
    assert.equal(resolved?.csrfToken, session.csrfToken);
    assert.equal(
      await resolveSession(store.db, session.sessionToken, clock.now() + policy.sessionTtlMs + 1, policy.sessionTtlMs),
      null,
      'expired',
    );
    const stored = (
      await store.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', tenant.users['owner-admin'].userId)
        .execute()
    ).map((s) => s.id_hash);
    assert.ok(stored.includes(sha256(session.sessionToken)), 'the session is stored under the digest of its id');
    assert.ok(!stored.includes(sha256(`${session.sessionToken}x`)), 'and not under the digest of another id');
    assert.ok(!stored.includes(session.sessionToken), 'the session id itself is not stored');
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const ctx = systemContext(store);
    for (const email of ['nobody@test.niva.no', tenant.users['owner-member'].email]) {
      await assert.rejects(
        logIn(ctx, { email, password: 'wrong-password-123' }, policy),
        (e: unknown) =>
          e instanceof AppError && e.code === 'unauthenticated' && e.message === 'wrong e-mail or password',
      );
    }
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    const clock = fixedClock(testEpoch);
    const ctx = systemContext(store, clock);
    const email = tenant.users.auditor.email;
    for (let i = 0; i < policy.maxFailures; i++)
      await assert.rejects(logIn(ctx, { email, password: 'wrong-password-123' }, policy));
    await assert.rejects(
      logIn(ctx, { email, password: testPassword }, policy),
      (e: unknown) => e instanceof AppError && e.code === 'locked' && (e.retryAfterSeconds ?? 0) > 0,
    );
    clock.advance(policy.lockMs + 1);
    const session = await logIn(ctx, { email, password: testPassword }, policy);
    assert.ok(session.sessionToken);
    const actions = (
      await store.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', tenant.users.auditor.userId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);
    assert.deepEqual(actions.slice(-4), ['auth.login-failed', 'auth.login-failed', 'auth.lockout', 'auth.login']);
  });
});

describe('API tokens', () => {
  it('authenticates by secret, records last use, and stops working when revoked', async () => {
    const clock = fixedClock(testEpoch);
    const ctx = systemContext(store, clock);
    const { token, secret } = await createApiToken(ctx, {
      organisationId: tenant.organisation.id,
      name: 'monitor',
      scopes: ['services:read'],
    });
    assert.match(secret, /^niva_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    const row = await store.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.secret_hash, sha256(secret), 'the stored hash is the digest of the secret');
    assert.notEqual(row.secret_hash, sha256(`${secret}x`), 'and not that of another secret');
    assert.ok(!JSON.stringify(row).includes(secret.slice(14)), 'the secret is not stored');
    const actor = await authenticateApiToken(store.db, secret, clock.now());
    assert.deepEqual(actor?.scopes, ['services:read']);
    assert.equal(actor?.organisationId, tenant.organisation.id);
    const used = await store.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    assert.equal(used.last_used_at, clock.now());
    assert.equal(await authenticateApiToken(store.db, `${secret}x`, clock.now()), null);
    await revokeApiToken(ctx, { id: token.id });
    assert.equal(await authenticateApiToken(store.db, secret, clock.now()), null);
  });

  it('expires', async () => {
    const clock = fixedClock(testEpoch);
    const { secret } = await createApiToken(systemContext(store, clock), {
      organisationId: tenant.organisation.id,
      name: 'short',
      scopes: ['services:read'],
      expiresInDays: 1,
    });
    assert.ok(await authenticateApiToken(store.db, secret, clock.now()));
    assert.equal(await authenticateApiToken(store.db, secret, clock.now() + 86_400_000), null);
  });

  it('rejects unknown scopes naming the field', async () => {
    await assert.rejects(
      // Deliberately outside the typed scope list: the operation must refuse it at run time.
      createApiToken(systemContext(store), {
        organisationId: tenant.organisation.id,
        name: 'bad',
        scopes: ['everything' as 'services:read'],
      }),
      (e: unknown) => e instanceof AppError && e.code === 'validation' && e.fields[0]?.field === 'scopes.0',
    );
  });
});
