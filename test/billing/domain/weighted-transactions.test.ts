import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publicSizeCategoryTerms, type PriceListTerms } from '../../../src/modules/billing/domain/billing-model.ts';
import { weightedTransactions } from '../../../src/modules/billing/domain/weighted-transactions.ts';

const terms: PriceListTerms = {
  weightsPermille: { messages_sent: 100, authorizations: 1, altinn3_submissions: 500, heavy: 100_000, free: 0 },
  products: {},
  sizeCategories: publicSizeCategoryTerms,
};

describe('weightedTransactions', () => {
  const cases: { name: string; metric: string; count: number; weighted: number }[] = [
    { name: 'a metric not named weighs 1000 ‰', metric: 'forms_archived', count: 1234, weighted: 1234 },
    { name: 'a tenth', metric: 'messages_sent', count: 1230, weighted: 123 },
    { name: 'a tenth, rounded down below the half', metric: 'messages_sent', count: 14, weighted: 1 },
    { name: 'a tenth, exactly half rounds up', metric: 'messages_sent', count: 15, weighted: 2 },
    { name: 'a tenth, above the half', metric: 'messages_sent', count: 16, weighted: 2 },
    { name: 'a thousandth, 499 ‰ rounds down', metric: 'authorizations', count: 499, weighted: 0 },
    { name: 'a thousandth, 500 ‰ rounds up', metric: 'authorizations', count: 500, weighted: 1 },
    { name: 'a thousandth, 1 499 ‰', metric: 'authorizations', count: 1499, weighted: 1 },
    { name: 'a thousandth, 1 500 ‰', metric: 'authorizations', count: 1500, weighted: 2 },
    { name: 'a half: 1 → 0.5 rounds up', metric: 'altinn3_submissions', count: 1, weighted: 1 },
    { name: 'a half: 3 → 1.5 rounds up', metric: 'altinn3_submissions', count: 3, weighted: 2 },
    { name: 'a hundredfold', metric: 'heavy', count: 7, weighted: 700 },
    { name: 'weight 0', metric: 'free', count: 1_000_000, weighted: 0 },
    { name: 'a count of 0', metric: 'messages_sent', count: 0, weighted: 0 },
    { name: '10^10 a year at the largest weight', metric: 'heavy', count: 1e10, weighted: 1e12 },
    { name: '10^10 a year at a thousandth', metric: 'authorizations', count: 1e10, weighted: 1e7 },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.count} ${c.metric} → ${c.weighted}`, () =>
      assert.equal(weightedTransactions(terms, c.metric, c.count), c.weighted));
});
