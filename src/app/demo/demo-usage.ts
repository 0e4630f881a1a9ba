import { readFileSync } from 'node:fs';
import type { ServiceContext } from '../../platform/services/context.ts';
import { demoOwners } from './demo-organisations.ts';
import { mulberry32 } from './seeded-random.ts';
import { projectFile } from '../../platform/project-root.ts';

/** Platform totals per metric and month from the monthly service report, 2023-01 to 2026-02. */
export const volumesCsv = projectFile('demo/figures/altinn-volumes-monthly.csv');

export const demoUsageSource = 'demo: altinn-volumes-monthly.csv';

export interface PlatformFigure {
  metric: string;
  /** `YYYY-MM`. */
  month: string;
  count: number;
}

export function readVolumeFigures(): PlatformFigure[] {
  return readFileSync(volumesCsv, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [metric = '', year = '', month = '', count = ''] = line.split(',');
      return { metric, month: `${year}-${month.padStart(2, '0')}`, count: Number(count) };
    });
}

/**
 * Splits a whole number in proportion to weights so that the parts are whole and add up to it exactly (largest
 * remainder: every part gets its floor, the units left over go to the largest fractions, earlier parts first on ties).
 */
export function splitExactly(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('splitExactly needs a positive weight');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, fraction: x - Math.floor(x) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (let k = 0; left > 0; k += 1, left -= 1) {
    const i = order[k % order.length]?.i ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  // Floating-point floors can overshoot by a unit on very large totals; take it back from the largest part.
  while (left < 0) {
    const largest = parts.indexOf(Math.max(...parts));
    parts[largest] = (parts[largest] ?? 0) - 1;
    left += 1;
  }
  return parts;
}

export interface Unit {
  ownerId: string;
  serviceId: string;
  platform: string;
}

// The two largest agencies carry most of the platform's volume, as in the real figures.
const ownerSize: Readonly<Record<string, number>> = { skd: 12, nav: 9, brg: 5, ssb: 3, svv: 3 };

/** Stable weights per metric: an owner's size times a per-(metric, service) draw; 0 where the service cannot count. */
export function baseWeights(
  metric: string,
  units: readonly (Unit & { code: string })[],
  random: () => number,
): number[] {
  return units.map((u) => {
    // Altinn 3 submissions only come from Altinn 3 apps.
    if (metric === 'altinn3_submissions' && u.platform !== 'altinn3') return 0;
    return (ownerSize[u.code] ?? 1) * (0.4 + random() * 1.6);
  });
}

/** The demo owners' counting services in a stable order (owner as listed, then service as listed). */
export async function loadDemoUnits(ctx: ServiceContext): Promise<(Unit & { code: string })[]> {
  const codes = demoOwners.map((o) => o.code);
  const services = await ctx.db
    .selectFrom('services')
    .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
    .select([
      'organisations.code',
      'services.organisation_id',
      'services.id',
      'services.resource_id',
      'services.platform',
      'services.status',
    ])
    .where('organisations.code', 'in', codes)
    .where('services.status', '!=', 'planned')
    .execute();
  const order = (s: { code: string; resource_id: string }) =>
    codes.indexOf(s.code) * 1000 +
    (demoOwners.find((o) => o.code === s.code)?.services.findIndex((d) => d.resourceId === s.resource_id) ?? 0);
  return services
    .sort((a, b) => order(a) - order(b))
    .map((s) => ({ code: s.code, ownerId: s.organisation_id, serviceId: s.id, platform: s.platform }));
}

/**
 * The report's monthly platform totals split across the demo owners and their services, stored as imported monthly
 * figures: each owner keeps a stable share per metric with some noise month to month, and the parts of every month
 * add up exactly to the published total.
 */
export async function seedDemoUsage(ctx: ServiceContext): Promise<number> {
  const units = await loadDemoUnits(ctx);
  if (units.length === 0) return 0;

  const random = mulberry32(20_260_301);
  const weights = new Map<string, number[]>();
  const now = ctx.clock.now();
  const rows = [];
  for (const figure of readVolumeFigures()) {
    let base = weights.get(figure.metric);
    if (!base) {
      base = baseWeights(figure.metric, units, random);
      weights.set(figure.metric, base);
    }
    const monthly = base.map((w) => w * (0.85 + random() * 0.3));
    const parts = splitExactly(figure.count, monthly);
    for (const [i, unit] of units.entries()) {
      if ((base[i] ?? 0) === 0) continue;
      rows.push({
        metric: figure.metric,
        month: figure.month,
        owner_id: unit.ownerId,
        service_id: unit.serviceId,
        count: parts[i] ?? 0,
        source_name: demoUsageSource,
        imported_at: now,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('usage_monthly_imports')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
