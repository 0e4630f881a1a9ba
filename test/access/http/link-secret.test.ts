import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openRuntime, type Runtime } from '../../../src/app/runtime.ts';
import { resolveLinkSecret } from '../../../src/platform/auth/link-secret.ts';
import { subscriptionSignature } from '../../../src/modules/availability/services/subscription-links.ts';
import { systemContext } from '../../helpers/factories.ts';
import { subscribe } from '../../../src/modules/availability/services/status-subscriptions.ts';
import { testOutbound } from '../../helpers/outbound.ts';
import { testConfig } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let runtime: Runtime;

before(async () => {
  store = await createTestStore();
  runtime = await openRuntime(testConfig({ databaseUrl: store.url, linkSecret: null, jobsEnabled: false }), {
    migrate: true,
  });
});
after(async () => {
  await runtime.close();
  await store.destroy();
});

describe('the link-signing key without NIVA_LINK_SECRET', () => {
  it('refuses an unsubscribe link signed with the key anyone could derive from the public settings', async () => {
    const { config } = runtime;
    const derived = createHash('sha256')
      .update(`niva-link-secret\n${config.databaseUrl}\n${config.publicUrl}`)
      .digest('base64url');
    const subscription = await subscribe(
      systemContext(store),
      {
        kind: 'email',
        address: 'a@test.niva.no',
        locale: 'nb',
      },
      testOutbound(),
    );
    const forged = subscriptionSignature(derived, subscription.id);
    const response = await runtime.app.request(`/status/unsubscribe?id=${subscription.id}&sig=${forged}`);
    assert.equal(response.status, 403);
    const stored = await resolveLinkSecret(store.db, null, 0);
    const genuine = subscriptionSignature(stored, subscription.id);
    assert.equal((await runtime.app.request(`/status/unsubscribe?id=${subscription.id}&sig=${genuine}`)).status, 200);
  });

  it('is random, stored once and the same for every start, concurrent ones included', async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, () => resolveLinkSecret(store.db, null, 0)));
    assert.equal(new Set(keys).size, 1);
    assert.ok((keys[0] ?? '').length >= 43, '32 random bytes');
    const rows = await store.db.selectFrom('secrets').selectAll().where('name', '=', 'link-signing-key').execute();
    assert.equal(rows.length, 1);
    assert.equal(
      await resolveLinkSecret(store.db, 'configured-key-wins-over-the-stored-one', 0),
      'configured-key-wins-over-the-stored-one',
    );
  });
});
