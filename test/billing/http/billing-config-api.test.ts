import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findPriceList } from '../../../src/modules/billing/services/billing-catalogue.ts';
import { createOperator, createTenant, type TestOperator } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import {
  billingCatalogue,
  closeMonths,
  ensureBillingProducts,
  importUsage,
  unbilledMetric,
} from '../billing-factories.ts';
import { caller, signedIn } from './billing-api.ts';

// The catalogue, budgets and price lists through the API: what is stored is what was sent, and a run rates by it.

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let admin: ReturnType<typeof caller>;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  admin = caller(app, await signedIn(app, operator.users['operator-admin'].email));
  await ensureBillingProducts(store);
});
after(() => store.destroy());

describe('billing configuration', () => {
  it('lists the catalogue in its order and adds a product after it', async () => {
    const created = await admin('POST', '/billing/products', {
      id: 'autorisasjon',
      names: { nb: 'Autorisasjon', nn: 'Autorisasjon', en: 'Authorisation' },
      centralByPrinciple: true,
      metrics: [unbilledMetric],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { body } = await admin<{ items: { id: string; metrics: string[]; centralByPrinciple: boolean }[] }>(
      'GET',
      '/billing/products',
    );
    assert.deepEqual(
      body.items.map((p) => [p.id, p.metrics, p.centralByPrinciple]),
      [
        ...billingCatalogue.map((p) => [p.id, p.metrics, p.centralByPrinciple]),
        ['autorisasjon', [unbilledMetric], true],
      ],
    );
  });

  it('stores a budget year as sent and reads it back', async () => {
    const budget = {
      alternative: 3,
      centralAppropriationOre: 24_000_000_000,
      ownerFundingTodayOre: 23_000_000_000,
      paymentDays: 20,
      costs: [
        { product: 'digital-post', element: 'development', ore: 1_000_000_000 },
        { product: 'data-exchange', element: 'variable-operations', ore: 2_500_000_000 },
      ],
    };
    const put = await admin('PUT', '/billing/budgets/2024', budget);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual(put.body, { year: 2024, ...budget });
    assert.deepEqual((await admin('GET', '/billing/budgets/2024')).body, { year: 2024, ...budget });
    // Setting the year again replaces its costs.
    await admin('PUT', '/billing/budgets/2024', { ...budget, costs: [] });
    assert.deepEqual((await admin('GET', '/billing/budgets/2024')).body, { year: 2024, ...budget, costs: [] });
  });

  it('stores the weights and tier rates of a price list as the decimals sent, and a run rates by them', async () => {
    const terms = {
      weights: { messages_sent: 0.5, sms_notifications: 0.02 },
      products: {
        'data-exchange': {
          tierModel: 'graduated',
          tiers: [
            { from: 0, rate: 1 },
            { from: 1000, rate: 0.7 },
          ],
        },
      },
    };
    const created = await admin<{ id: string; weights: unknown; products: unknown }>('POST', '/billing/price-lists', {
      name: 'Prisliste 2023',
      validFrom: '2023-01-01',
      validTo: '2023-12-31',
      ...terms,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.weights, created.body.products], [terms.weights, terms.products]);
    const stored = await findPriceList(store.db, created.body.id);
    assert.deepEqual(stored?.terms.weightsPermille, { messages_sent: 500, sms_notifications: 20 });
    assert.deepEqual(stored?.terms.products['data-exchange']?.tiers, [
      { from: 0, ratePermille: 1000 },
      { from: 1000, ratePermille: 700 },
    ]);
    const listed = await admin<{ items: { id: string; weights: unknown }[] }>('GET', '/billing/price-lists');
    assert.deepEqual(listed.body.items.find((p) => p.id === created.body.id)?.weights, terms.weights);

    const put = await admin('PUT', '/billing/budgets/2023', {
      alternative: 5,
      centralAppropriationOre: 0,
      ownerFundingTodayOre: 0,
      costs: [{ product: 'data-exchange', element: 'variable-operations', ore: 1_850_000 }],
    });
    assert.equal(put.status, 200);
    const owners = [await createTenant(store), await createTenant(store)];
    await importUsage(store, 2023, owners, [{ messages_sent: { 3: 3000 } }, { messages_sent: { 4: 1000 } }]);
    await closeMonths(store, 2023, 1, 12);
    const run = await admin<{
      statements: { owner: string; lines: { weightedTransactions: number; ore: number }[] }[];
    }>('POST', '/billing/runs', { year: 2023 });
    assert.equal(run.status, 200, JSON.stringify(run.body));
    // 1500 and 500 weighted transactions; 1000 + 500 × 0.7 = 1350 units against 500.
    const lineOf = (owner: (typeof owners)[number]) =>
      run.body.statements.find((s) => s.owner === owner.organisation.code)?.lines;
    assert.deepEqual(lineOf(owners[0]!), [
      { product: 'data-exchange', metric: 'messages_sent', weightedTransactions: 1500, ore: 1_350_000 },
    ]);
    assert.deepEqual(lineOf(owners[1]!), [
      { product: 'data-exchange', metric: 'messages_sent', weightedTransactions: 500, ore: 500_000 },
    ]);
  });

  it('ends a price list at a year end, so the next year can have its own, but never before a year billed under it', async () => {
    const created = await admin<{ id: string }>('POST', '/billing/price-lists', {
      name: 'Prisliste 2015–2018',
      validFrom: '2015-01-01',
      validTo: '2018-12-31',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const later = { name: 'Prisliste 2018', validFrom: '2018-01-01', validTo: '2018-12-31' };
    assert.equal((await admin('POST', '/billing/price-lists', later)).status, 409, 'overlaps 2018');

    await admin('PUT', '/billing/budgets/2017', {
      alternative: 5,
      centralAppropriationOre: 0,
      ownerFundingTodayOre: 0,
      costs: [{ product: 'data-exchange', element: 'variable-operations', ore: 1_000_000 }],
    });
    await importUsage(store, 2017, [await createTenant(store)], [{ messages_sent: { 5: 100 } }]);
    await closeMonths(store, 2017, 1, 12);
    assert.equal((await admin('POST', '/billing/runs', { year: 2017 })).status, 200);

    const end = (validTo: string) =>
      admin<{ validTo: string | null; errors?: { field: string }[] }>(
        'POST',
        `/billing/price-lists/${created.body.id}/end`,
        { validTo },
      );
    const billed = await end('2016-12-31');
    assert.equal(billed.status, 409, JSON.stringify(billed.body));
    assert.deepEqual(
      billed.body.errors?.map((e) => e.field),
      ['validTo'],
    );
    assert.equal((await end('2019-12-31')).status, 400, 'never lengthened');
    assert.equal((await end('2014-12-31')).status, 400, 'not before it begins');
    assert.equal((await end('2017-06-30')).status, 400, 'only at a year end');
    const ended = await end('2017-12-31');
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.equal(ended.body.validTo, '2017-12-31');
    assert.equal((await admin('POST', '/billing/price-lists', later)).status, 201, '2018 is free now');
    assert.equal(
      (await admin('POST', `/billing/price-lists/${crypto.randomUUID()}/end`, { validTo: '2017-12-31' })).status,
      404,
    );
  });
});
