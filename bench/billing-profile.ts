// The profile of bench:billing: the parts of a billing run and of the scenario comparison, timed one by one (medians).
import { ratePeriod } from '../src/modules/billing/domain/rate-period.ts';
import { digestOf } from '../src/modules/billing/domain/rating-snapshot.ts';
import { loadProducts } from '../src/modules/billing/services/billing-catalogue.ts';
import { periodRating } from '../src/modules/billing/services/period-rating.ts';
import { billedStatements } from '../src/modules/billing/services/run-billing.ts';
import { yearVolumes } from '../src/modules/billing/services/year-volumes.ts';
import { monthlyOwnerUsage } from '../src/modules/usage/index.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { median, timed } from './bench-support.ts';

export interface BillingProfile {
  usageQuery: number;
  periodRating: number;
  ratePeriod: number;
  digest: number;
  billedStatements: number;
  yearVolumes: number;
}

/** Seconds per part, the median of `rounds`; the year must have been billed (billedStatements reads its statements). */
export async function profileBilling(ctx: ServiceContext, year: number, rounds: number): Promise<BillingProfile> {
  const products = await loadProducts(ctx.db);
  const metrics = products.flatMap((p) => p.metrics);
  const rating = await periodRating(ctx, { year, quarter: null });
  const parts: Record<keyof BillingProfile, () => unknown> = {
    usageQuery: () => monthlyOwnerUsage(ctx.db, { fromMonth: `${year}-01`, toMonth: `${year}-12`, metrics }),
    periodRating: () => periodRating(ctx, { year, quarter: null }),
    ratePeriod: () => ratePeriod(rating.snapshot),
    digest: () => digestOf(rating.snapshot),
    billedStatements: () => billedStatements(ctx.db, year),
    yearVolumes: () => yearVolumes(ctx, products, year),
  };
  const times = Object.fromEntries(Object.keys(parts).map((k) => [k, [] as number[]])) as Record<
    keyof BillingProfile,
    number[]
  >;
  for (let r = 0; r < rounds; r++)
    for (const [key, part] of Object.entries(parts) as [keyof BillingProfile, () => unknown][]) {
      const [, seconds] = await timed(part);
      times[key].push(seconds);
    }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as unknown as BillingProfile;
}
