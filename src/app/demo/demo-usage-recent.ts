import { epochDayDate, osloEpochDay } from '../../modules/usage/domain/usage-day.ts';
import type { ServiceContext } from '../../platform/services/context.ts';
import { baseWeights, loadDemoUnits, readVolumeFigures, splitExactly } from './demo-usage.ts';
import { mulberry32 } from './seeded-random.ts';

const firstRecentDay = Date.UTC(2026, 2, 1) / 86_400_000; // 1 March 2026: the report's figures end with February

/** A metric's expected monthly figure for month 1–12 of 2026, from the published figures. */
export function demoMonthLevel(figures: ReadonlyMap<string, number>, metric: string): (month: number) => number {
  const figure = (year: number, month: number) =>
    figures.get(`${metric}/${year}-${String(month).padStart(2, '0')}`) ?? 0;
  const early = (year: number) => (figure(year, 1) + figure(year, 2)) / 2;
  return (month) => {
    const ratios = [2023, 2024, 2025]
      .filter((y) => early(y) > 0)
      .map((y) => figure(y, month) / early(y))
      .sort((a, b) => a - b);
    const season = ratios.length === 0 ? 1 : (ratios[Math.floor(ratios.length / 2)] ?? 1);
    return early(2026) * season;
  };
}

/**
 * Daily counts from March 2026 up to yesterday, as the platform's systems would have sent them. A month is this
 * year's level (the mean of January and February 2026) times the month's usual size against January–February: the
 * median over 2023–2025, so one year's spike (authorisations in March 2025) does not repeat. Each month is spread
 * over its days with less on weekends and split across the demo owners' services, straight into the day
 * aggregates, as ingestion leaves them.
 */
export async function seedDemoRecentUsage(ctx: ServiceContext): Promise<number> {
  const yesterday = osloEpochDay(ctx.clock.now()) - 1;
  if (yesterday < firstRecentDay) return 0;
  const units = await loadDemoUnits(ctx);
  if (units.length === 0) return 0;
  const volumes = readVolumeFigures();
  const figures = new Map(volumes.map((f) => [`${f.metric}/${f.month}`, f.count]));
  const metrics = [...new Set(volumes.map((f) => f.metric))];
  const random = mulberry32(20_261_101);
  const rows: { metric: string; day: string; owner_id: string; service_id: string; count: number }[] = [];
  for (const metric of metrics) {
    const base = baseWeights(metric, units, random);
    const level = demoMonthLevel(figures, metric);
    for (let day = firstRecentDay; day <= yesterday; day++) {
      const date = epochDayDate(day);
      const daysInMonth = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
      const weekday = new Date(day * 86_400_000).getUTCDay();
      const weekFactor = weekday === 0 || weekday === 6 ? 0.45 : 1.22;
      const total = Math.round((level(Number(date.slice(5, 7))) / daysInMonth) * weekFactor * (0.9 + random() * 0.2));
      if (total <= 0) continue;
      const parts = splitExactly(
        total,
        base.map((w) => w * (0.85 + random() * 0.3)),
      );
      for (const [i, unit] of units.entries()) {
        if ((base[i] ?? 0) === 0 || (parts[i] ?? 0) === 0) continue;
        rows.push({ metric, day: date, owner_id: unit.ownerId, service_id: unit.serviceId, count: parts[i] ?? 0 });
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('usage_daily')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
