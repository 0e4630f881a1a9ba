import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatPricing, type ProductPricing } from '../../../src/modules/billing/domain/billing-model.ts';
import { tieredUnits } from '../../../src/modules/billing/domain/tiered-units.ts';

// The demo's 2026 tables: data exchange graduated 1 / 0.7 from 500 000 / 0.5 from 2 000 000; digital post volume
// 1 / 0.8 from 250 000.
const bands = [
  { from: 0, ratePermille: 1000 },
  { from: 500_000, ratePermille: 700 },
  { from: 2_000_000, ratePermille: 500 },
];
const graduated: ProductPricing = { tierModel: 'graduated', tiers: bands };
const volume: ProductPricing = { tierModel: 'volume', tiers: bands };
const flat: ProductPricing = { tierModel: 'flat', tiers: bands };

describe('tieredUnits', () => {
  const cases: { name: string; pricing: ProductPricing; transactions: number; units: number }[] = [
    { name: 'graduated, none', pricing: graduated, transactions: 0, units: 0 },
    { name: 'graduated, negative', pricing: graduated, transactions: -5, units: 0 },
    { name: 'graduated, one', pricing: graduated, transactions: 1, units: 1000 },
    { name: 'graduated, just below the second band', pricing: graduated, transactions: 499_999, units: 499_999_000 },
    { name: 'graduated, at the second band', pricing: graduated, transactions: 500_000, units: 500_000_000 },
    {
      name: 'graduated, one into the second band',
      pricing: graduated,
      transactions: 500_001,
      units: 500_000_000 + 700,
    },
    {
      name: 'graduated, at the third band',
      pricing: graduated,
      transactions: 2_000_000,
      units: 500_000_000 + 1_500_000 * 700,
    },
    {
      name: 'graduated, one into the third band',
      pricing: graduated,
      transactions: 2_000_001,
      units: 500_000_000 + 1_500_000 * 700 + 500,
    },
    {
      name: 'graduated, far into the last band',
      pricing: graduated,
      transactions: 12_000_000,
      units: 500_000_000 + 1_500_000 * 700 + 10_000_000 * 500,
    },
    { name: 'volume, none', pricing: volume, transactions: 0, units: 0 },
    { name: 'volume, just below the second band', pricing: volume, transactions: 499_999, units: 499_999_000 },
    { name: 'volume, at the second band: all at its rate', pricing: volume, transactions: 500_000, units: 350_000_000 },
    { name: 'volume, one into the second band', pricing: volume, transactions: 500_001, units: 350_000_700 },
    { name: 'volume, just below the third band', pricing: volume, transactions: 1_999_999, units: 1_399_999_300 },
    { name: 'volume, at the third band', pricing: volume, transactions: 2_000_000, units: 1_000_000_000 },
    { name: 'volume, far into the last band', pricing: volume, transactions: 12_000_000, units: 6_000_000_000 },
    { name: 'flat, at the first rate below a band', pricing: flat, transactions: 499_999, units: 499_999_000 },
    { name: 'flat, ignoring later bands', pricing: flat, transactions: 12_000_000, units: 12_000_000_000 },
    { name: 'flat, none', pricing: flat, transactions: 0, units: 0 },
    { name: 'the default flat pricing', pricing: flatPricing, transactions: 42, units: 42_000 },
    {
      name: 'flat at a reduced first rate',
      pricing: { tierModel: 'flat', tiers: [{ from: 0, ratePermille: 250 }] },
      transactions: 4,
      units: 1000,
    },
    {
      name: 'graduated with a single band',
      pricing: { tierModel: 'graduated', tiers: [{ from: 0, ratePermille: 600 }] },
      transactions: 10,
      units: 6000,
    },
    {
      name: 'graduated with a free band',
      pricing: {
        tierModel: 'graduated',
        tiers: [
          { from: 0, ratePermille: 0 },
          { from: 100, ratePermille: 1000 },
        ],
      },
      transactions: 150,
      units: 50_000,
    },
    { name: 'no bands', pricing: { tierModel: 'graduated', tiers: [] }, transactions: 10, units: 0 },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.transactions} → ${c.units}`, () =>
      assert.equal(tieredUnits(c.pricing, c.transactions), c.units));

  it('graduated never exceeds volume at the first rate and never falls as transactions grow', () => {
    let previous = 0;
    for (let t = 0; t <= 2_600_000; t += 50_000) {
      const units = tieredUnits(graduated, t);
      assert.ok(units >= previous, `monotone at ${t}`);
      assert.ok(units <= tieredUnits(flat, t), `below full price at ${t}`);
      assert.ok(units >= tieredUnits(volume, t), `a graduated scale never beats the volume rate at ${t}`);
      previous = units;
    }
  });
});
