import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOperator, type TestOperator } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { createBillingYear, type BillingYear } from '../billing-factories.ts';
import { caller, fieldsOf, signedIn } from './billing-api.ts';

// The financing alternatives side by side: for every alternative the owners' parts add up to the owners' share and
// central plus owners is the total need, to the øre, whatever the odd amounts.

interface Scenario {
  alternative: number;
  year: number;
  totalOre: number;
  centralOre: number;
  ownersOre: number;
  products: { product: string; totalOre: number; centralOre: number; ownersOre: number }[];
  owners: { owner: string; ore: number; todayOre: number; changeOre: number }[];
}

interface Comparison {
  year: number;
  needOre: number;
  basis: { year: number; monthsCounted: number };
  alternatives: Scenario[];
}

const year = 2019;
const mnok = 100_000_000;
let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let agent: ReturnType<typeof caller>;
let setup: BillingYear;

// Odd amounts, so that every split leaves øre over. Nobody uses service development: its owners' part has no one to
// carry it and falls to the central budget.
const costs = {
  'digital-post': {
    'fixed-operations': 100_000_001,
    development: 33_333_333,
    maintenance: 50_000_007,
    management: 7,
    'variable-operations': 99_999_999,
  },
  'data-exchange': { 'fixed-operations': 70_000_003, maintenance: 41_111_111, 'variable-operations': 12_345_679 },
  'service-development': { development: 55_555_555, maintenance: 3 },
  'trust-services': { 'fixed-operations': 20_000_001, management: 9_999_999, 'variable-operations': 1 },
};
const total = Object.values(costs).reduce((a, cells) => a + Object.values(cells).reduce((b, c) => b + c, 0), 0);
const serviceDevelopment = 55_555_558;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  agent = caller(app, await signedIn(app, operator.users['operator-agent'].email));
  setup = await createBillingYear(store, {
    year,
    alternative: 0,
    centralAppropriationOre: 240 * mnok,
    ownerFundingTodayOre: 230_000_017,
    costs,
    priceList: {
      weights: { sms_notifications: 0.333, consents: 0.7 },
      // Two owners share today's funding, two pay the smallest fixed fee.
      sizeCategories: {
        from: { storst: 2000, svaertStor: 1000, stor: 400, medium: 100, liten: 10 },
        feeOre: { medium: 1_000_003, liten: 500_001, andre: 99_999 },
      },
      products: {
        'data-exchange': {
          tierModel: 'graduated',
          tiers: [
            { from: 0, rate: 1 },
            { from: 1001, rate: 0.37 },
          ],
        },
        'digital-post': {
          tierModel: 'volume',
          tiers: [
            { from: 0, rate: 1 },
            { from: 333, rate: 0.77 },
          ],
        },
      },
    },
    usage: [
      { messages_sent: { 1: 1234, 6: 777 }, email_notifications: { 2: 333 }, consents: { 3: 11 } },
      { messages_sent: { 4: 97 }, sms_notifications: { 7: 1001 }, consents: { 9: 13 } },
      { email_notifications: { 10: 5 }, sms_notifications: { 11: 7 } },
      { consents: { 12: 1 } },
    ],
  });
});
after(() => store.destroy());

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function assertAddsUp(comparison: Comparison, totalOre: number): void {
  assert.deepEqual(
    comparison.alternatives.map((a) => a.alternative),
    [0, 1, 2, 3, 4, 5],
  );
  for (const a of comparison.alternatives) {
    const label = `alternative ${a.alternative}`;
    assert.equal(a.totalOre, totalOre, label);
    assert.equal(a.centralOre + a.ownersOre, a.totalOre, label);
    assert.equal(sum(a.owners.map((o) => o.ore)), a.ownersOre, label);
    assert.equal(sum(a.products.map((p) => p.totalOre)), a.totalOre, label);
    assert.deepEqual(
      a.owners.map((o) => o.owner),
      [...setup.codes].sort(),
      label,
    );
    const today = comparison.alternatives[0]!;
    for (const o of a.owners) {
      assert.ok(Number.isSafeInteger(o.ore) && o.ore >= 0, label);
      assert.equal(o.todayOre, today.owners.find((t) => t.owner === o.owner)?.ore, label);
      assert.equal(o.changeOre, o.ore - o.todayOre, label);
    }
  }
}

describe('GET /api/v1/billing/scenarios', () => {
  it("adds up for every alternative: the owners' parts to the owners' share, central and owners to the total", async () => {
    const { status, body } = await agent<Comparison>('GET', `/billing/scenarios?year=${year}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual([body.year, body.needOre, body.basis], [year, total, { year, monthsCounted: 12 }]);
    assertAddsUp(body, total);
    const [today, central, , , , owners] = body.alternatives;
    assert.equal(today?.ownersOre, 230_000_017, "today's owner funding");
    assert.deepEqual([central?.centralOre, central?.ownersOre], [total, 0]);
    assert.ok(central?.owners.every((o) => o.ore === 0));
    assert.deepEqual(
      [owners?.centralOre, owners?.ownersOre],
      [serviceDevelopment, total - serviceDevelopment],
      'all owners, but what no owner uses falls to the central budget',
    );
  });

  it('scales the need above today and spreads growth, and still adds up', async () => {
    const refused = await agent('GET', `/billing/scenarios?year=${year}&extraNeedMnok=60.001`);
    assert.equal(refused.status, 400, 'MNOK with two decimals at most');
    assert.deepEqual(fieldsOf(refused.body), ['extraNeedMnok']);
    const scaled = await agent<Comparison>('GET', `/billing/scenarios?year=${year}&extraNeedMnok=60.01`);
    assert.equal(scaled.status, 200);
    // Today's central appropriation and owner funding, plus 60.01 MNOK.
    const need = 240 * mnok + 230_000_017 + 6_001_000_000;
    assert.equal(scaled.body.needOre, need);
    assertAddsUp(scaled.body, need);

    const plain = await agent<Comparison>('GET', `/billing/scenarios?year=${year}`);
    const grown = await agent<Comparison>(
      'GET',
      `/billing/scenarios?year=${year}&growth=data-exchange=50,digital-post=-2.5`,
    );
    assert.equal(grown.status, 200);
    assertAddsUp(grown.body, total);
    const partsOf = (c: Comparison) => c.alternatives[4]?.owners.map((o) => o.ore);
    assert.notDeepEqual(partsOf(grown.body), partsOf(plain.body), 'growth moves the parts between owners');
  });
});
