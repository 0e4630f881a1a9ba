import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOperator, type TestOperator } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { billingRowCounts, createBillingYear, ensureBillingProducts, unbilledMetric } from '../billing-factories.ts';
import { caller, fieldsOf, signedIn } from './billing-api.ts';

// Bad input to the billing API: each is refused with a 4xx naming the field, and nothing is written.

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

/** Sends the request, expects the status and exactly the named fields, and that no billing row or audit event was added. */
async function refused(
  request: { method: string; path: string; body?: unknown },
  status: number,
  fields: string[],
): Promise<string> {
  const before = await billingRowCounts(store);
  const { status: actual, body } = await admin(request.method, request.path, request.body);
  assert.equal(actual, status, JSON.stringify(body));
  assert.deepEqual(fieldsOf(body), fields, JSON.stringify(body));
  assert.deepEqual(await billingRowCounts(store), before, 'nothing written');
  return JSON.stringify(body);
}

const priceList = (year: number, extra: Record<string, unknown> = {}) => ({
  method: 'POST',
  path: '/billing/price-lists',
  body: { name: `Prisliste ${year}`, validFrom: `${year}-01-01`, validTo: `${year}-12-31`, ...extra },
});

describe('billing input', () => {
  it('refuses a price list whose validity overlaps another with 409 naming validFrom', async () => {
    assert.equal((await admin('POST', '/billing/price-lists', priceList(2010).body)).status, 201);
    await refused(priceList(2010), 409, ['validFrom']);
    // An open-ended list from an earlier year reaches into the stored one.
    await refused({ ...priceList(2008), body: { name: 'Åpen', validFrom: '2008-01-01', validTo: null } }, 409, [
      'validFrom',
    ]);
    await refused(
      { ...priceList(2009), body: { name: 'To år', validFrom: '2009-01-01', validTo: '2010-12-31' } },
      409,
      ['validFrom'],
    );
    assert.equal((await admin('POST', '/billing/price-lists', priceList(2011).body)).status, 201, 'next year is free');
  });

  it('refuses a negative weight, a negative fee and tier bounds that do not increase', async () => {
    await refused(priceList(2012, { weights: { messages_sent: -0.5 } }), 400, ['weights.messages_sent']);
    await refused(
      priceList(2012, {
        sizeCategories: {
          from: { storst: 5000, svaertStor: 2000, stor: 1000, medium: 500, liten: 100 },
          feeOre: { medium: 300_000, liten: -1, andre: 50_000 },
        },
      }),
      400,
      ['sizeCategories.feeOre.liten'],
    );
    await refused(
      priceList(2012, {
        products: {
          'data-exchange': {
            tierModel: 'graduated',
            tiers: [
              { from: 0, rate: 1 },
              { from: 1000, rate: 0.5 },
              { from: 1000, rate: 0.4 },
            ],
          },
        },
      }),
      400,
      ['products.data-exchange.tiers.2.from'],
    );
    await refused(
      priceList(2012, {
        products: {
          'digital-post': {
            tierModel: 'volume',
            tiers: [
              { from: 0, rate: 1 },
              { from: 500, rate: 0.8 },
              { from: 100, rate: 0.6 },
            ],
          },
        },
      }),
      400,
      ['products.digital-post.tiers.2.from'],
    );
  });

  it('refuses a weight for a metric that counts for no product, and pricing of an unknown product', async () => {
    await refused(priceList(2013, { weights: { [unbilledMetric]: 1 } }), 400, [`weights.${unbilledMetric}`]);
    await refused(
      priceList(2013, { products: { 'no-such-product': { tierModel: 'flat', tiers: [{ from: 0, rate: 1 }] } } }),
      400,
      ['products.no-such-product'],
    );
  });

  it('refuses a product with a metric the usage catalogue does not know', async () => {
    const body = (metrics: string[]) => ({
      id: 'ny-tjeneste',
      names: { nb: 'Ny tjeneste', nn: 'Ny teneste', en: 'New service' },
      metrics,
    });
    await refused({ method: 'POST', path: '/billing/products', body: body(['hugs_given']) }, 400, ['metrics.0']);
    await refused({ method: 'POST', path: '/billing/products', body: body([unbilledMetric, 'hugs_given']) }, 400, [
      'metrics.1',
    ]);
    // A metric that already counts for a product.
    await refused({ method: 'POST', path: '/billing/products', body: body(['messages_sent']) }, 409, ['metrics']);
  });

  it('refuses a budget naming an unknown product', async () => {
    await refused(
      {
        method: 'PUT',
        path: '/billing/budgets/2014',
        body: {
          alternative: 0,
          centralAppropriationOre: 1_000,
          ownerFundingTodayOre: 1_000,
          costs: [
            { product: 'data-exchange', element: 'development', ore: 500 },
            { product: 'no-such-product', element: 'development', ore: 500 },
          ],
        },
      },
      400,
      ['costs.1.product'],
    );
    await refused(
      {
        method: 'PUT',
        path: '/billing/budgets/2014',
        body: { alternative: 0, centralAppropriationOre: -1, ownerFundingTodayOre: 1_000, costs: [] },
      },
      400,
      ['centralAppropriationOre'],
    );
    assert.equal((await admin('GET', '/billing/budgets/2014')).status, 404, 'no budget was stored');
  });

  it('refuses growth for an unknown product in the scenarios', async () => {
    await createBillingYear(store, { year: 2015, usage: [{ messages_sent: { 1: 10 } }] });
    assert.equal((await admin('GET', '/billing/scenarios?year=2015&growth=data-exchange=5')).status, 200);
    await refused({ method: 'GET', path: '/billing/scenarios?year=2015&growth=no-such-product=5' }, 400, [
      'growth.no-such-product',
    ]);
    await refused({ method: 'GET', path: '/billing/scenarios?year=2015&growth=data-exchange:5' }, 400, ['growth']);
  });

  it('answers an unknown owner in the overview with 404 naming the owner', async () => {
    await refused({ method: 'GET', path: '/billing/owners/no-such-owner/overview?year=2015' }, 404, ['owner']);
    // The operator organisation is not a service owner either.
    await refused({ method: 'GET', path: `/billing/owners/${operator.organisation.code}/overview?year=2015` }, 404, [
      'owner',
    ]);
  });

  it('refuses a run over an unclosed usage month, naming the year or the quarter', async () => {
    await createBillingYear(store, { year: 2016, usage: [{ messages_sent: { 1: 10 } }], closeThrough: 11 });
    const year = await refused({ method: 'POST', path: '/billing/runs', body: { year: 2016 } }, 400, ['year']);
    assert.match(year, /2016-12/);
    await createBillingYear(store, { year: 2017, usage: [{ messages_sent: { 1: 10 } }], closeThrough: 0 });
    const quarter = await refused({ method: 'POST', path: '/billing/runs', body: { year: 2017, quarter: 1 } }, 400, [
      'quarter',
    ]);
    assert.match(quarter, /2017-01, 2017-02, 2017-03/);
    await refused({ method: 'POST', path: '/billing/runs', body: { year: 2017, quarter: 5 } }, 400, ['quarter']);
  });
});
