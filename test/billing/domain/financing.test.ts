import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { costElements, type ProductDefinition } from '../../../src/modules/billing/domain/billing-model.ts';
import {
  financingSplit,
  ownerCostThrough,
  scaleCostsToNeed,
  type AlternativeRules,
  type BudgetTerms,
  type CostTable,
  type FundingRule,
} from '../../../src/modules/billing/domain/financing.ts';
import type { OwnerCost } from '../../../src/modules/billing/domain/rate-period.ts';

const mnok = (n: number) => n * 100_000_000;

// Seed 003's products in the demo's catalogue order (src/app/demo/demo-billing.ts).
const products: ProductDefinition[] = [
  { id: 'digital-post', centralByPrinciple: false, metrics: ['email_notifications', 'sms_notifications'] },
  { id: 'catalogues', centralByPrinciple: true, metrics: ['authorizations'] },
  { id: 'trust-services', centralByPrinciple: true, metrics: ['consents'] },
  { id: 'data-exchange', centralByPrinciple: false, metrics: ['messages_sent'] },
  { id: 'service-development', centralByPrinciple: false, metrics: ['forms_archived', 'altinn3_submissions'] },
];

// The demo's 2026 costs in MNOK: fixed operations, development, maintenance, management, variable operations.
const mnok2026: Record<string, number[]> = {
  catalogues: [25, 20, 15, 12, 8],
  'trust-services': [15, 12, 10, 8, 5],
  'digital-post': [30, 20, 25, 30, 45],
  'data-exchange': [20, 15, 20, 25, 25],
  'service-development': [30, 25, 25, 35, 30],
};
// 2025 is 60 MNOK less development.
const developmentCut2025: Record<string, number> = {
  catalogues: 10,
  'trust-services': 6,
  'digital-post': 12,
  'data-exchange': 10,
  'service-development': 22,
};

function costTable(year: 2025 | 2026): CostTable {
  return Object.fromEntries(
    Object.entries(mnok2026).map(([product, amounts]) => [
      product,
      Object.fromEntries(
        costElements.map((element, i) => [
          element,
          mnok(
            (amounts[i] ?? 0) - (year === 2025 && element === 'development' ? (developmentCut2025[product] ?? 0) : 0),
          ),
        ]),
      ),
    ]),
  );
}

const budget: BudgetTerms = { centralAppropriationOre: mnok(240), ownerFundingTodayOre: mnok(230) };

// Seed 003's alternatives as the billing migration stores them.
const all = (rule: FundingRule) =>
  Object.fromEntries(costElements.map((e) => [e, rule])) as Record<(typeof costElements)[number], FundingRule>;
const alternatives: AlternativeRules[] = [
  { kind: 'today-level' },
  { kind: 'by-element', principle: all('central'), other: all('central'), appropriationOrder: [] },
  {
    kind: 'by-element',
    principle: all('central'),
    other: { ...all('central'), maintenance: 'owners', 'variable-operations': 'owners' },
    appropriationOrder: [],
  },
  {
    kind: 'by-element',
    principle: all('central'),
    other: {
      ...all('owners'),
      'fixed-operations': 'central-within-appropriation',
      maintenance: 'central-within-appropriation',
      management: 'central-within-appropriation',
    },
    appropriationOrder: ['management', 'fixed-operations', 'maintenance'],
  },
  {
    kind: 'by-element',
    principle: all('central'),
    other: { ...all('owners'), management: 'central' },
    appropriationOrder: [],
  },
  { kind: 'by-element', principle: all('owners'), other: all('owners'), appropriationOrder: [] },
];

const alternative = (n: number): AlternativeRules => {
  const rules = alternatives[n];
  if (!rules) throw new Error(`no alternative ${n}`);
  return rules;
};

describe('financingSplit: seed 003', () => {
  const cases: {
    year: 2025 | 2026;
    alternative: number;
    budget?: BudgetTerms;
    total: number;
    central: number;
    owners: number;
    /** Owners' øre per product in catalogue order, where the alternative decides it element by element. */
    productOwners?: number[];
  }[] = [
    {
      year: 2026,
      alternative: 0,
      total: 530,
      central: 300,
      owners: 230,
      // 230 MNOK over the products' totals 150 : 80 : 50 : 105 : 145.
      productOwners: [6_509_433_962, 3_471_698_113, 2_169_811_321, 4_556_603_774, 6_292_452_830],
    },
    { year: 2026, alternative: 1, total: 530, central: 530, owners: 0, productOwners: [0, 0, 0, 0, 0].map(mnok) },
    {
      year: 2026,
      alternative: 2,
      total: 530,
      central: 360,
      owners: 170,
      productOwners: [70, 0, 0, 45, 55].map(mnok),
    },
    {
      // The principle products take 130 of the 240; the other 110 fund management (90) and then 20 of digital post's
      // fixed operations.
      year: 2026,
      alternative: 3,
      total: 530,
      central: 240,
      owners: 290,
      productOwners: [100, 0, 0, 80, 110].map(mnok),
    },
    {
      year: 2026,
      alternative: 3,
      budget: { ...budget, centralAppropriationOre: mnok(100) },
      total: 530,
      central: 130,
      owners: 400,
    },
    {
      year: 2026,
      alternative: 3,
      budget: { ...budget, centralAppropriationOre: mnok(1000) },
      total: 530,
      central: 370,
      owners: 160,
    },
    {
      year: 2026,
      alternative: 4,
      total: 530,
      central: 220,
      owners: 310,
      productOwners: [120, 0, 0, 80, 110].map(mnok),
    },
    {
      year: 2026,
      alternative: 5,
      total: 530,
      central: 0,
      owners: 530,
      productOwners: [150, 80, 50, 105, 145].map(mnok),
    },
    {
      year: 2025,
      alternative: 0,
      total: 470,
      central: 240,
      owners: 230,
      productOwners: [6_753_191_490, 3_425_531_915, 2_153_191_489, 4_648_936_170, 6_019_148_936],
    },
    {
      year: 2025,
      alternative: 0,
      budget: { ...budget, ownerFundingTodayOre: mnok(500) },
      total: 470,
      central: 0,
      owners: 470,
    },
    { year: 2025, alternative: 2, total: 470, central: 300, owners: 170 },
  ];
  for (const c of cases)
    it(`${c.year}, alternative ${c.alternative}${c.budget ? ' (other budget)' : ''}: ${c.central} central, ${c.owners} owners of ${c.total} MNOK`, () => {
      const costs = costTable(c.year);
      const split = financingSplit(products, costs, alternative(c.alternative), c.budget ?? budget);
      assert.equal(split.totalOre, mnok(c.total));
      assert.equal(split.centralOre, mnok(c.central));
      assert.equal(split.ownersOre, mnok(c.owners));
      assert.deepEqual(
        split.products.map((p) => p.product),
        products.map((p) => p.id),
      );
      for (const p of split.products) {
        const total = costElements.reduce((a, e) => a + (costs[p.product]?.[e] ?? 0), 0);
        assert.equal(p.totalOre, total, p.product);
        assert.equal(p.centralOre + p.ownersOre, p.totalOre, p.product);
        assert.ok(p.centralOre >= 0 && p.ownersOre >= 0, p.product);
      }
      assert.equal(
        split.products.reduce((a, p) => a + p.ownersOre, 0),
        split.ownersOre,
      );
      if (c.productOwners)
        assert.deepEqual(
          split.products.map((p) => p.ownersOre),
          c.productOwners,
        );
      const expected: OwnerCost =
        c.alternative === 0
          ? { method: 'size-categories', totalOre: mnok(c.owners) }
          : {
              method: 'per-product',
              productOre: Object.fromEntries(split.products.map((p) => [p.product, p.ownersOre])),
            };
      assert.deepEqual(split.ownerCost, expected);
    });

  it('a year without costs splits nothing', () => {
    for (const rules of alternatives) {
      const split = financingSplit(products, {}, rules, budget);
      assert.equal(split.totalOre, 0);
      assert.equal(split.centralOre, 0);
      assert.equal(split.ownersOre, 0);
      assert.ok(split.products.every((p) => p.totalOre === 0 && p.ownersOre === 0));
    }
  });
});

describe('ownerCostThrough', () => {
  const cases: { name: string; cost: OwnerCost; quarter: number | null; through: OwnerCost }[] = [
    {
      name: 'size categories, Q1',
      cost: { method: 'size-categories', totalOre: mnok(230) },
      quarter: 1,
      through: { method: 'size-categories', totalOre: mnok(57.5) },
    },
    {
      name: 'size categories, Q3 of an odd amount',
      cost: { method: 'size-categories', totalOre: 7 },
      quarter: 3,
      through: { method: 'size-categories', totalOre: 6 },
    },
    {
      name: 'size categories, the year',
      cost: { method: 'size-categories', totalOre: 7 },
      quarter: null,
      through: { method: 'size-categories', totalOre: 7 },
    },
    {
      name: 'per product, Q1',
      cost: { method: 'per-product', productOre: { a: 10, b: 3, c: 0 } },
      quarter: 1,
      through: { method: 'per-product', productOre: { a: 3, b: 1, c: 0 } },
    },
    {
      name: 'per product, Q2',
      cost: { method: 'per-product', productOre: { a: 10, b: 3, c: 0 } },
      quarter: 2,
      through: { method: 'per-product', productOre: { a: 6, b: 2, c: 0 } },
    },
    {
      name: 'per product, Q3',
      cost: { method: 'per-product', productOre: { a: 10, b: 3, c: 0 } },
      quarter: 3,
      through: { method: 'per-product', productOre: { a: 8, b: 3, c: 0 } },
    },
    {
      name: 'per product, Q4',
      cost: { method: 'per-product', productOre: { a: 10, b: 3, c: 0 } },
      quarter: 4,
      through: { method: 'per-product', productOre: { a: 10, b: 3, c: 0 } },
    },
    {
      name: 'per product, the year',
      cost: { method: 'per-product', productOre: { a: 10, b: 3, c: 0 } },
      quarter: null,
      through: { method: 'per-product', productOre: { a: 10, b: 3, c: 0 } },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(ownerCostThrough(c.cost, c.quarter), c.through));
});

describe('scaleCostsToNeed', () => {
  const cells = (table: CostTable) =>
    products.flatMap((p) => costElements.map((e) => ({ key: `${p.id}/${e}`, ore: table[p.id]?.[e] ?? 0 })));
  const sum = (table: CostTable) => cells(table).reduce((a, c) => a + c.ore, 0);

  const cases: { name: string; costs: CostTable; need: number }[] = [
    { name: '2025 (470) to seed 003’s need of 530', costs: costTable(2025), need: mnok(530) },
    { name: '2026 to itself', costs: costTable(2026), need: mnok(530) },
    { name: '2026 to an odd number of øre', costs: costTable(2026), need: 59_999_999_999 },
    { name: '2026 to nothing', costs: costTable(2026), need: 0 },
    { name: 'one cell to 1 øre', costs: { catalogues: { development: 5 } }, need: 1 },
  ];
  for (const c of cases)
    it(`${c.name}: sums exactly to the need, each cell within one øre of its share`, () => {
      const scaled = scaleCostsToNeed(products, c.costs, c.need);
      assert.equal(sum(scaled), c.need);
      const before = cells(c.costs);
      const total = BigInt(sum(c.costs));
      for (const [i, cell] of cells(scaled).entries()) {
        const exact = BigInt(c.need) * BigInt(before[i]?.ore ?? 0);
        const part = BigInt(cell.ore) * total;
        assert.ok(part >= exact - total && part <= exact + total, cell.key);
      }
    });

  it('2026 to itself is unchanged', () =>
    assert.deepEqual(scaleCostsToNeed(products, costTable(2026), mnok(530)), costTable(2026)));

  it('a year without costs spreads the need evenly, the leftover øre to the first cells', () => {
    const scaled = scaleCostsToNeed(products, {}, 27);
    const ore = cells(scaled).map((c) => c.ore);
    assert.deepEqual(ore, [...Array<number>(2).fill(2), ...Array<number>(23).fill(1)]);
  });
});
