import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  publicSizeCategoryTerms as terms,
  sizeCategories,
  type SizeCategory,
} from '../../../src/modules/billing/domain/billing-model.ts';
import {
  distanceToNextCategory,
  scaledThreshold,
  sizeCategoryOf,
} from '../../../src/modules/billing/domain/size-category.ts';

describe('sizeCategoryOf a year (the public thresholds)', () => {
  const cases: [number, SizeCategory][] = [
    [50_000_000, 'storst'],
    [10_000_001, 'storst'],
    [10_000_000, 'svaert-stor'],
    [4_000_001, 'svaert-stor'],
    [4_000_000, 'svaert-stor'],
    [3_999_999, 'stor'],
    [1_000_001, 'stor'],
    [1_000_000, 'stor'],
    [999_999, 'medium'],
    [250_000, 'medium'],
    [249_999, 'liten'],
    [10_000, 'liten'],
    [9_999, 'andre'],
    [1, 'andre'],
    [0, 'andre'],
  ];
  for (const [transactions, category] of cases)
    it(`${transactions} → ${category}`, () => {
      assert.equal(sizeCategoryOf(terms, transactions), category);
      assert.equal(sizeCategoryOf(terms, transactions, 12), category);
    });
});

describe('sizeCategoryOf part of a year: placed by its pace', () => {
  const cases: { months: number; transactions: number; category: SizeCategory }[] = [
    // A quarter at exactly 10 M a year is Svært stor, as the year would be; one more is Størst.
    { months: 3, transactions: 2_500_000, category: 'svaert-stor' },
    { months: 3, transactions: 2_500_001, category: 'storst' },
    { months: 3, transactions: 1_000_000, category: 'svaert-stor' },
    { months: 3, transactions: 999_999, category: 'stor' },
    { months: 3, transactions: 250_000, category: 'stor' },
    { months: 3, transactions: 249_999, category: 'medium' },
    { months: 3, transactions: 2_500, category: 'liten' },
    { months: 3, transactions: 2_499, category: 'andre' },
    { months: 6, transactions: 5_000_000, category: 'svaert-stor' },
    { months: 6, transactions: 5_000_001, category: 'storst' },
    { months: 6, transactions: 1_999_999, category: 'stor' },
    { months: 9, transactions: 7_500_000, category: 'svaert-stor' },
    { months: 9, transactions: 7_500_001, category: 'storst' },
    { months: 9, transactions: 3_000_000, category: 'svaert-stor' },
    { months: 9, transactions: 2_999_999, category: 'stor' },
    // A year's volume in a quarter is far more than the year's threshold asks.
    { months: 3, transactions: 4_000_000, category: 'storst' },
    { months: 1, transactions: 833_334, category: 'storst' },
    { months: 1, transactions: 833_333, category: 'svaert-stor' },
  ];
  for (const c of cases)
    it(`${c.transactions} in ${c.months} months → ${c.category}`, () =>
      assert.equal(sizeCategoryOf(terms, c.transactions, c.months), c.category));

  it('every threshold scaled to 1–12 months is the least count whose yearly pace reaches it', () => {
    for (const category of sizeCategories) {
      if (category === 'andre') continue;
      const yearly = terms.from[category];
      for (let months = 1; months <= 12; months++) {
        const scaled = scaledThreshold(yearly, months);
        const label: string = `${category} over ${months} months`;
        assert.ok(scaled * 12 >= yearly * months, `${label}: ${scaled} reaches the pace`);
        assert.ok((scaled - 1) * 12 < yearly * months, `${label}: ${scaled - 1} does not`);
        assert.equal(sizeCategoryOf(terms, scaled, months), category, label);
        assert.notEqual(sizeCategoryOf(terms, scaled - 1, months), category, label);
      }
    }
  });
});

describe('scaledThreshold', () => {
  const cases: { yearly: number; months: number; scaled: number }[] = [
    { yearly: 10_000_001, months: 12, scaled: 10_000_001 },
    { yearly: 10_000_001, months: 3, scaled: 2_500_001 },
    { yearly: 10_000_001, months: 6, scaled: 5_000_001 },
    { yearly: 10_000_001, months: 9, scaled: 7_500_001 },
    { yearly: 10_000_001, months: 1, scaled: 833_334 },
    { yearly: 4_000_000, months: 3, scaled: 1_000_000 },
    { yearly: 4_000_000, months: 1, scaled: 333_334 },
    { yearly: 1_000_000, months: 12, scaled: 1_000_000 },
    { yearly: 1_000_000, months: 6, scaled: 500_000 },
    { yearly: 10_000, months: 3, scaled: 2_500 },
    { yearly: 10_000, months: 1, scaled: 834 },
    { yearly: 12, months: 1, scaled: 1 },
    { yearly: 0, months: 5, scaled: 0 },
  ];
  for (const c of cases)
    it(`${c.yearly} over ${c.months} months → ${c.scaled}`, () =>
      assert.equal(scaledThreshold(c.yearly, c.months), c.scaled));
});

describe('distanceToNextCategory', () => {
  const cases: {
    transactions: number;
    months?: number;
    next: { category: SizeCategory; transactions: number } | null;
  }[] = [
    { transactions: 20_000_000, next: null },
    { transactions: 10_000_001, next: null },
    { transactions: 10_000_000, next: { category: 'storst', transactions: 1 } },
    { transactions: 4_000_000, next: { category: 'storst', transactions: 6_000_001 } },
    { transactions: 3_999_999, next: { category: 'svaert-stor', transactions: 1 } },
    { transactions: 1_000_000, next: { category: 'svaert-stor', transactions: 3_000_000 } },
    { transactions: 999_999, next: { category: 'stor', transactions: 1 } },
    { transactions: 250_000, next: { category: 'stor', transactions: 750_000 } },
    { transactions: 249_999, next: { category: 'medium', transactions: 1 } },
    { transactions: 10_000, next: { category: 'medium', transactions: 240_000 } },
    { transactions: 9_999, next: { category: 'liten', transactions: 1 } },
    { transactions: 0, next: { category: 'liten', transactions: 10_000 } },
    { transactions: 2_500_000, months: 3, next: { category: 'storst', transactions: 1 } },
    { transactions: 2_500_001, months: 3, next: null },
    { transactions: 1_000_000, months: 3, next: { category: 'storst', transactions: 1_500_001 } },
    { transactions: 0, months: 6, next: { category: 'liten', transactions: 5_000 } },
  ];
  for (const c of cases)
    it(`${c.transactions} in ${c.months ?? 12} months → ${c.next ? `${c.next.transactions} to ${c.next.category}` : 'none'}`, () => {
      assert.deepEqual(distanceToNextCategory(terms, c.transactions, c.months), c.next);
      if (c.next) {
        const reached = c.transactions + c.next.transactions;
        assert.equal(sizeCategoryOf(terms, reached, c.months), c.next.category);
      }
    });
});
