import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  publicSizeCategoryTerms,
  type PriceListTerms,
  type ProductDefinition,
  type SizeCategory,
} from '../../../src/modules/billing/domain/billing-model.ts';
import { ownerCostThrough } from '../../../src/modules/billing/domain/financing.ts';
import {
  ratePeriod,
  type OwnerCost,
  type Rating,
  type RatingInput,
  type UsageTotal,
} from '../../../src/modules/billing/domain/rate-period.ts';

const products: ProductDefinition[] = [
  { id: 'post', centralByPrinciple: false, metrics: ['email', 'sms'] },
  { id: 'exchange', centralByPrinciple: false, metrics: ['messages'] },
  { id: 'development', centralByPrinciple: false, metrics: ['forms'] },
];

const terms: PriceListTerms = {
  weightsPermille: { email: 500, sms: 1000 },
  products: {
    post: {
      tierModel: 'volume',
      tiers: [
        { from: 0, ratePermille: 1000 },
        { from: 500, ratePermille: 800 },
      ],
    },
    exchange: {
      tierModel: 'graduated',
      tiers: [
        { from: 0, ratePermille: 1000 },
        { from: 1000, ratePermille: 500 },
      ],
    },
  },
  sizeCategories: publicSizeCategoryTerms,
};

const usage = (rows: [owner: string, metric: string, count: number][]): UsageTotal[] =>
  rows.map(([owner, metric, count]) => ({ owner, metric, count }));

/** An owner as the tables below state it: code, category, total, and lines as `product/metric weighted øre`. */
type Expected = [owner: string, category: SizeCategory, totalOre: number, lines: string[]];

function summary(rating: Rating): Expected[] {
  return rating.owners.map((o) => [
    o.owner,
    o.category,
    o.totalOre,
    o.lines.map((l) => `${l.product}/${l.metric} ${l.weightedTransactions} ${l.ore}`),
  ]);
}

// Weighted: andre 5 000, liten 100 000, medium 300 000, stor 2 000 000, svaert 6 000 000, storst 10 M email (at
// 500 ‰) + 10 M messages. `nothing` counts 0 and `stray` only a metric that belongs to no product: neither is billed.
const publicModelUsage = usage([
  ['svaert', 'messages', 6_000_000],
  ['storst', 'email', 20_000_000],
  ['storst', 'messages', 10_000_000],
  ['andre', 'messages', 5_000],
  ['liten', 'messages', 100_000],
  ['liten', 'not-a-product-metric', 5_000_000],
  ['medium', 'messages', 300_000],
  ['stor', 'messages', 2_000_000],
  ['nothing', 'messages', 0],
  ['stray', 'not-a-product-metric', 20_000_000],
]);
const mnok230: OwnerCost = { method: 'size-categories', totalOre: 23_000_000_000 };

const perProductUsage = usage([
  ['d', 'forms', 30],
  ['b', 'sms', 100],
  ['b', 'messages', 500],
  ['b', 'forms', 10],
  ['a', 'email', 400],
  ['a', 'sms', 300],
  ['a', 'messages', 1000],
  ['a', 'messages', 500],
  ['c', 'messages', 0],
  ['c', 'not-a-product-metric', 1000],
]);
const perProductCost: OwnerCost = {
  method: 'per-product',
  productOre: { post: 1_000_000, exchange: 700_001, development: 400_000 },
};

const cases: { name: string; input: RatingInput; owners: Expected[]; ownerCostOre: number; billedOre: number }[] = [
  {
    name: 'size categories, a year: fixed fees, the rest shared by weighted transactions',
    input: { products, terms, usage: publicModelUsage, cost: mnok230, quarter: null },
    owners: [
      ['andre', 'andre', 7_000_000, ['exchange/messages 5000 7000000']],
      ['liten', 'liten', 27_500_000, ['exchange/messages 100000 27500000']],
      ['medium', 'medium', 103_000_000, ['exchange/messages 300000 103000000']],
      // 230 MNOK − 1.375 MNOK of fees over 2 M : 20 M : 6 M; the two leftover øre to the equal remainders.
      ['stor', 'stor', 1_633_035_714, ['exchange/messages 2000000 1633035714']],
      ['storst', 'storst', 16_330_357_143, ['post/email 10000000 8165178572', 'exchange/messages 10000000 8165178571']],
      ['svaert', 'svaert-stor', 4_899_107_143, ['exchange/messages 6000000 4899107143']],
    ],
    ownerCostOre: 23_000_000_000,
    billedOre: 23_000_000_000,
  },
  {
    name: 'size categories, the same as quarter 4',
    input: { products, terms, usage: publicModelUsage, cost: mnok230, quarter: 4 },
    owners: [
      ['andre', 'andre', 7_000_000, ['exchange/messages 5000 7000000']],
      ['liten', 'liten', 27_500_000, ['exchange/messages 100000 27500000']],
      ['medium', 'medium', 103_000_000, ['exchange/messages 300000 103000000']],
      ['stor', 'stor', 1_633_035_714, ['exchange/messages 2000000 1633035714']],
      ['storst', 'storst', 16_330_357_143, ['post/email 10000000 8165178572', 'exchange/messages 10000000 8165178571']],
      ['svaert', 'svaert-stor', 4_899_107_143, ['exchange/messages 6000000 4899107143']],
    ],
    ownerCostOre: 23_000_000_000,
    billedOre: 23_000_000_000,
  },
  {
    // The same volumes in three months are a pace four times higher: every owner moves up, and the fees and the
    // cost are a quarter's.
    name: 'size categories, quarter 1: thresholds and fees scaled',
    input: { products, terms, usage: publicModelUsage, cost: ownerCostThrough(mnok230, 1), quarter: 1 },
    owners: [
      ['andre', 'liten', 6_875_000, ['exchange/messages 5000 6875000']],
      ['liten', 'medium', 25_750_000, ['exchange/messages 100000 25750000']],
      ['medium', 'stor', 60_608_216, ['exchange/messages 300000 60608216']],
      ['stor', 'svaert-stor', 404_054_770, ['exchange/messages 2000000 404054770']],
      ['storst', 'storst', 4_040_547_703, ['post/email 10000000 2020273852', 'exchange/messages 10000000 2020273851']],
      ['svaert', 'storst', 1_212_164_311, ['exchange/messages 6000000 1212164311']],
    ],
    ownerCostOre: 5_750_000_000,
    billedOre: 5_750_000_000,
  },
  {
    name: 'size categories, fees above the cost: the sharing owners pay nothing and the fees over-cover',
    input: {
      products,
      terms,
      usage: usage([
        ['big', 'messages', 2_000_000],
        ['small', 'messages', 300_000],
      ]),
      cost: { method: 'size-categories', totalOre: 50_000_000 },
      quarter: null,
    },
    owners: [
      ['big', 'stor', 0, ['exchange/messages 2000000 0']],
      ['small', 'medium', 103_000_000, ['exchange/messages 300000 103000000']],
    ],
    ownerCostOre: 50_000_000,
    billedOre: 103_000_000,
  },
  {
    name: 'size categories, no sharing owner: what the fees leave is uncovered',
    input: {
      products,
      terms,
      usage: usage([
        ['x', 'messages', 20_000],
        ['y', 'messages', 1],
      ]),
      cost: mnok230,
      quarter: null,
    },
    owners: [
      ['x', 'liten', 27_500_000, ['exchange/messages 20000 27500000']],
      ['y', 'andre', 7_000_000, ['exchange/messages 1 7000000']],
    ],
    ownerCostOre: 23_000_000_000,
    billedOre: 34_500_000,
  },
  {
    name: 'size categories, an owner whose weighted transactions round to 0 is not billed',
    input: {
      products,
      terms: { ...terms, weightsPermille: { messages: 1 } },
      usage: usage([
        ['rounded-away', 'messages', 499],
        ['one', 'messages', 500],
      ]),
      cost: mnok230,
      quarter: null,
    },
    owners: [['one', 'andre', 7_000_000, ['exchange/messages 1 7000000']]],
    ownerCostOre: 23_000_000_000,
    billedOre: 7_000_000,
  },
  {
    // post: volume, a 200 + 300 = 500 → 400 000 units, b 100 → 100 000; exchange: graduated, a 1 500 → 1 250 000,
    // b 500 → 500 000; development: flat (not named), b 10 000, d 30 000 units.
    name: 'per product: each product shared by units under its tiers',
    input: { products, terms, usage: perProductUsage, cost: perProductCost, quarter: null },
    owners: [
      ['a', 'andre', 1_300_001, ['post/email 200 320000', 'post/sms 300 480000', 'exchange/messages 1500 500001']],
      ['b', 'andre', 500_000, ['post/sms 100 200000', 'exchange/messages 500 200000', 'development/forms 10 100000']],
      ['d', 'andre', 300_000, ['development/forms 30 300000']],
    ],
    ownerCostOre: 2_100_001,
    billedOre: 2_100_001,
  },
  {
    name: 'per product, a quarter: the category by pace, the costs as given (already the year to date)',
    input: {
      products,
      terms,
      usage: usage([['a', 'forms', 2_500]]),
      cost: { method: 'per-product', productOre: { development: 1_000 } },
      quarter: 1,
    },
    owners: [['a', 'liten', 1_000, ['development/forms 2500 1000']]],
    ownerCostOre: 1_000,
    billedOre: 1_000,
  },
  {
    name: 'per product, a product without users or without units leaves its cost uncovered',
    input: {
      products,
      terms: {
        ...terms,
        products: { ...terms.products, development: { tierModel: 'flat', tiers: [{ from: 0, ratePermille: 0 }] } },
      },
      usage: usage([
        ['a', 'forms', 10],
        ['b', 'sms', 10],
      ]),
      cost: { method: 'per-product', productOre: { post: 500, exchange: 700, development: 900 } },
      quarter: null,
    },
    owners: [
      ['a', 'andre', 0, ['development/forms 10 0']],
      ['b', 'andre', 500, ['post/sms 10 500']],
    ],
    ownerCostOre: 2_100,
    billedOre: 500,
  },
  {
    name: 'no usage at all',
    input: { products, terms, usage: [], cost: mnok230, quarter: null },
    owners: [],
    ownerCostOre: 23_000_000_000,
    billedOre: 0,
  },
];

describe('ratePeriod', () => {
  for (const c of cases)
    it(c.name, () => {
      const rating = ratePeriod(c.input);
      assert.deepEqual(summary(rating), c.owners);
      assert.equal(rating.ownerCostOre, c.ownerCostOre);
      assert.equal(rating.billedOre, c.billedOre);
    });

  for (const c of cases)
    it(`${c.name}: lines sum to the owners' totals, the totals to what is billed`, () => {
      const rating = ratePeriod(c.input);
      const codes = rating.owners.map((o) => o.owner);
      assert.deepEqual(codes, [...codes].sort(), 'owners by code');
      for (const owner of rating.owners) {
        assert.equal(
          owner.lines.reduce((a, l) => a + l.ore, 0),
          owner.totalOre,
          owner.owner,
        );
        assert.equal(
          owner.lines.reduce((a, l) => a + l.weightedTransactions, 0),
          owner.weightedTransactions,
          owner.owner,
        );
        assert.ok(owner.weightedTransactions > 0, `${owner.owner} has weighted transactions`);
        assert.ok(
          owner.lines.every((l) => l.weightedTransactions > 0 && l.ore >= 0),
          owner.owner,
        );
      }
      assert.equal(
        rating.owners.reduce((a, o) => a + o.totalOre, 0),
        rating.billedOre,
      );
    });

  it('rates the same whatever order the usage comes in', () => {
    for (const c of cases) {
      const reversed = { ...c.input, usage: [...c.input.usage].reverse() };
      assert.deepEqual(ratePeriod(reversed), ratePeriod(c.input), c.name);
    }
  });

  it('leaves its input alone', () => {
    const input: RatingInput = { products, terms, usage: perProductUsage, cost: perProductCost, quarter: 2 };
    const copy = structuredClone(input);
    ratePeriod(input);
    assert.deepEqual(input, copy);
  });
});
