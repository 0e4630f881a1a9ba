import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { findStatusRecipient } from '../../../src/modules/availability/services/find-status-recipient.ts';
import { findUnsubscribeTarget } from '../../../src/modules/availability/services/find-unsubscribe-target.ts';
import { getComponent } from '../../../src/modules/availability/services/get-component.ts';
import { subscribe, unsubscribe } from '../../../src/modules/availability/services/status-subscriptions.ts';
import { subscriptionSignature } from '../../../src/modules/availability/services/subscription-links.ts';
import { createOperator, systemContext, testEpoch, type TestOperator } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { testOutbound } from '../../helpers/outbound.ts';

const linkSecret = 'subscription-lookups-link-secret';

let store: TestStore;
let operator: TestOperator;
let system: ServiceContext;

async function rejects(promise: Promise<unknown>, code: AppError['code']) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

async function emailSubscription(address: string, locale: string, confirmed: boolean): Promise<string> {
  const id = randomUUID();
  await store.db
    .insertInto('status_subscriptions')
    .values({
      id,
      kind: 'email',
      address,
      secret: null,
      confirm_token_digest: null,
      confirmed_at: confirmed ? testEpoch : null,
      unsubscribed_at: null,
      locale,
      created_at: testEpoch,
    })
    .execute();
  return id;
}

before(async () => {
  store = await createTestStore();
  operator = await createOperator(store);
  system = systemContext(store);
});
after(() => store.destroy());

describe('findUnsubscribeTarget', () => {
  it('shows the address a signed link names, and whether it has left already', async () => {
    const id = await emailSubscription('leaving@test.niva.no', 'nb', true);
    const sig = subscriptionSignature(linkSecret, id);
    assert.deepEqual(await findUnsubscribeTarget(system, { id, sig }, linkSecret), {
      address: 'leaving@test.niva.no',
      unsubscribed: false,
    });
    await unsubscribe(system, { id, sig }, linkSecret);
    assert.deepEqual(await findUnsubscribeTarget(system, { id, sig }, linkSecret), {
      address: 'leaving@test.niva.no',
      unsubscribed: true,
    });
  });

  it('refuses a link with a bad signature and does not find an unknown subscription', async () => {
    const id = await emailSubscription('staying@test.niva.no', 'nb', true);
    await rejects(findUnsubscribeTarget(system, { id, sig: 'forged' }, linkSecret), 'forbidden');
    const unknown = randomUUID();
    await rejects(
      findUnsubscribeTarget(system, { id: unknown, sig: subscriptionSignature(linkSecret, unknown) }, linkSecret),
      'not-found',
    );
  });
});

describe('findStatusRecipient', () => {
  it('gives the system an active subscriber with its language, bokmål when the stored one is not offered', async () => {
    const id = await emailSubscription('reader@test.niva.no', 'de', false);
    assert.deepEqual(await findStatusRecipient(system, { subscriptionId: id }), {
      id,
      kind: 'email',
      address: 'reader@test.niva.no',
      locale: 'nb',
      confirmed: false,
      createdAt: testEpoch,
      secret: null,
    });
    const webhook = await subscribe(
      system,
      { kind: 'webhook', address: 'https://hooks.test.niva.no/status' },
      testOutbound(),
    );
    const recipient = await findStatusRecipient(system, { subscriptionId: webhook.id });
    assert.equal(recipient?.kind, 'webhook');
    assert.equal(recipient.secret, webhook.secret);
    assert.equal(recipient.confirmed, false, 'pending until the endpoint echoes its challenge');
  });

  it('has no recipient once the subscription ended, or for an unknown one', async () => {
    const id = await emailSubscription('gone@test.niva.no', 'en', true);
    await unsubscribe(system, { id, sig: subscriptionSignature(linkSecret, id) }, linkSecret);
    assert.equal(await findStatusRecipient(system, { subscriptionId: id }), null);
    assert.equal(await findStatusRecipient(system, { subscriptionId: randomUUID() }), null);
  });

  it('is the system’s alone: no person reads a subscriber’s address and secret', async () => {
    const id = await emailSubscription('private@test.niva.no', 'nb', true);
    const actor = await loadUserActor(store.db, operator.users['operator-admin'].userId);
    assert.ok(actor);
    await rejects(findStatusRecipient({ ...system, actor }, { subscriptionId: id }), 'forbidden');
  });
});

describe('getComponent', () => {
  it('finds a component by code or id, and nothing for an unknown one', async () => {
    const id = randomUUID();
    await store.db
      .insertInto('components')
      .values({
        id,
        code: 'lookup-test',
        name: 'Oppslagstest',
        calendar_id: 'always',
        target_basis_points: 9990,
        created_at: testEpoch,
        updated_at: testEpoch,
      })
      .execute();
    const first = await store.db.selectFrom('components').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(await getComponent(system, { id: first.code }), first);
    assert.deepEqual(await getComponent(system, { id: first.id }), first);
    await rejects(getComponent(system, { id: 'no-such-component' }), 'not-found');
  });
});
