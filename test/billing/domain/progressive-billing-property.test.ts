import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  publicSizeCategoryTerms,
  tierModels,
  type PriceListTerms,
  type ProductDefinition,
  type ProductPricing,
  type SizeCategoryTerms,
} from '../../../src/modules/billing/domain/billing-model.ts';
import { ownerCostThrough } from '../../../src/modules/billing/domain/financing.ts';
import {
  ratePeriod,
  type OwnerCost,
  type RatedLine,
  type UsageTotal,
} from '../../../src/modules/billing/domain/rate-period.ts';
import { statementLines, sumLines } from '../../../src/modules/billing/domain/statement-delta.ts';

/**
 * Progressive quarterly billing: each provisional quarter rates the year to date (thresholds, fees and cost through
 * that quarter) and bills the change against everything billed before; the year's run does the same with the whole
 * year. Whatever the usage and the tier tables, the four statements must add up to the full-year rating, owner by
 * owner and line by line, and what is billed through each quarter must be that quarter's year-to-date rating.
 */

const SEED = 20_261_204;

const products: ProductDefinition[] = [
  { id: 'post', centralByPrinciple: false, metrics: ['email', 'sms'] },
  { id: 'exchange', centralByPrinciple: false, metrics: ['messages'] },
  { id: 'catalogues', centralByPrinciple: true, metrics: ['lookups'] },
];
const metrics = products.flatMap((p) => p.metrics);
const owners = ['brreg', 'digdir', 'nav', 'skatt', 'ssb'];
const quarters = [1, 2, 3, null] as const;

const tiers: fc.Arbitrary<ProductPricing> = fc.record({
  tierModel: fc.constantFrom(...tierModels),
  tiers: fc
    .array(
      fc.record({ gap: fc.integer({ min: 1, max: 3_000_000 }), ratePermille: fc.integer({ min: 0, max: 1500 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((bands) => {
      let from = 0;
      return bands.map((b, i) => {
        if (i > 0) from += b.gap;
        return { from, ratePermille: b.ratePermille };
      });
    }),
});

// Thresholds either the public ones or random ones (still ordered), so owners cross categories between quarters.
const sizes: fc.Arbitrary<SizeCategoryTerms> = fc.oneof(
  fc.constant(publicSizeCategoryTerms),
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 5, maxLength: 5 }),
      fc.array(fc.integer({ min: 0, max: 200_000_000 }), { minLength: 3, maxLength: 3 }),
    )
    .map(([gaps, fees]) => {
      const [liten = 1, medium = 1, stor = 1, svaert = 1, storst = 1] = gaps.reduce<number[]>(
        (acc, g) => [...acc, (acc.at(-1) ?? 0) + g],
        [],
      );
      return {
        from: { storst, 'svaert-stor': svaert, stor, medium, liten },
        feeOre: { medium: fees[0] ?? 0, liten: fees[1] ?? 0, andre: fees[2] ?? 0 },
      };
    }),
);

const terms: fc.Arbitrary<PriceListTerms> = fc.record({
  weightsPermille: fc.record(Object.fromEntries(metrics.map((m) => [m, fc.integer({ min: 0, max: 3000 })]))),
  products: fc.record(Object.fromEntries(products.map((p) => [p.id, tiers]))),
  sizeCategories: sizes,
});

const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 8_000_000 }));
/**
 * Per owner and metric, the year-to-date count each quarter's run reads: mostly the running sum of four quarters'
 * counts, sometimes figures corrected downwards in between (an audited adjustment of a month already billed), so a
 * line can shrink or vanish from one run to the next.
 */
const usage = fc.array(
  fc.record({
    owner: fc.constantFrom(...owners),
    metric: fc.constantFrom(...metrics, 'not-a-product-metric'),
    yearToDate: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(count, count, count, count).map(([a, b, c, d]) => [a, a + b, a + b + c, a + b + c + d]),
      },
      { weight: 1, arbitrary: fc.tuple(count, count, count, count) },
    ),
  }),
  { maxLength: 14 },
);

const ore = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 100_000_000_000 }));
const cost: fc.Arbitrary<OwnerCost> = fc.oneof(
  ore.map((totalOre) => ({ method: 'size-categories' as const, totalOre })),
  fc
    .record(Object.fromEntries(products.map((p) => [p.id, ore])))
    .map((productOre) => ({ method: 'per-product' as const, productOre })),
);

type QuarterlyUsage = { owner: string; metric: string; yearToDate: number[] }[];

function yearToDate(rows: QuarterlyUsage, quarter: number | null): UsageTotal[] {
  return rows.map((r) => ({ owner: r.owner, metric: r.metric, count: r.yearToDate[(quarter ?? 4) - 1] ?? 0 }));
}

/** Lines by `product/metric`, without the ones that are zero in both øre and transactions. */
function byLine(lines: readonly RatedLine[]): Record<string, [weighted: number, ore: number]> {
  return Object.fromEntries(
    sumLines(lines)
      .filter((l) => l.ore !== 0 || l.weightedTransactions !== 0)
      .map((l) => [`${l.product}/${l.metric}`, [l.weightedTransactions, l.ore]]),
  );
}

function oreByLine(lines: readonly RatedLine[]): Record<string, number> {
  return Object.fromEntries(
    sumLines(lines)
      .filter((l) => l.ore !== 0)
      .map((l) => [`${l.product}/${l.metric}`, l.ore]),
  );
}

/**
 * Bills the four periods in turn. `skipZero` leaves out a statement whose lines change no øre, as a billing run
 * issues none (its transactions then reach the owner with a later statement, or not at all).
 */
function billYear(
  input: { terms: PriceListTerms; usage: QuarterlyUsage; cost: OwnerCost },
  skipZero: boolean,
  eachPeriod: (quarter: number | null, billed: Map<string, RatedLine[]>) => void,
): Map<string, RatedLine[]> {
  const billed = new Map<string, RatedLine[]>();
  for (const quarter of quarters) {
    const rating = ratePeriod({
      products,
      terms: input.terms,
      usage: yearToDate(input.usage, quarter),
      cost: ownerCostThrough(input.cost, quarter),
      quarter,
    });
    const rated = new Map(rating.owners.map((o) => [o.owner, o.lines]));
    for (const owner of [...new Set([...rated.keys(), ...billed.keys()])].sort()) {
      const before = billed.get(owner) ?? [];
      const lines = statementLines(rated.get(owner) ?? [], before);
      if (lines.length === 0 || (skipZero && lines.every((l) => l.ore === 0))) continue;
      billed.set(owner, [...before, ...lines]);
    }
    eachPeriod(quarter, billed);
  }
  return billed;
}

const scenario = fc.record({ terms, usage, cost });

describe('progressive quarterly billing, property', () => {
  it('the four statements add up to the full-year rating for every owner and line', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const billed = billYear(input, false, (quarter, soFar) => {
          // What is billed through a quarter is that quarter's year-to-date rating.
          const ytd = ratePeriod({
            products,
            terms: input.terms,
            usage: yearToDate(input.usage, quarter),
            cost: ownerCostThrough(input.cost, quarter),
            quarter,
          });
          const rated = new Map(ytd.owners.map((o) => [o.owner, o.lines]));
          for (const owner of new Set([...rated.keys(), ...soFar.keys()]))
            assert.deepEqual(
              byLine(soFar.get(owner) ?? []),
              byLine(rated.get(owner) ?? []),
              `${owner} through Q${quarter ?? 4}`,
            );
        });
        const year = ratePeriod({
          products,
          terms: input.terms,
          usage: yearToDate(input.usage, null),
          cost: input.cost,
          quarter: null,
        });
        const full = new Map(year.owners.map((o) => [o.owner, o]));
        for (const owner of new Set([...full.keys(), ...billed.keys()])) {
          const lines = billed.get(owner) ?? [];
          assert.deepEqual(byLine(lines), byLine(full.get(owner)?.lines ?? []), owner);
          assert.equal(
            lines.reduce((a, l) => a + l.ore, 0),
            full.get(owner)?.totalOre ?? 0,
            `${owner}'s total`,
          );
        }
        const all = [...billed.values()].flat();
        assert.equal(
          all.reduce((a, l) => a + l.ore, 0),
          year.billedOre,
        );
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('leaving out statements that change no øre still bills every line’s øre exactly', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const billed = billYear(input, true, () => undefined);
        const year = ratePeriod({
          products,
          terms: input.terms,
          usage: yearToDate(input.usage, null),
          cost: input.cost,
          quarter: null,
        });
        const full = new Map(year.owners.map((o) => [o.owner, o.lines]));
        for (const owner of new Set([...full.keys(), ...billed.keys()]))
          assert.deepEqual(oreByLine(billed.get(owner) ?? []), oreByLine(full.get(owner) ?? []), owner);
      }),
      { numRuns: 200, seed: SEED + 1 },
    );
  });
});
