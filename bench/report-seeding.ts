// Data for bench:report: the demo data plus enough smaller owners to make a realistic monthly run (the demo has 14).
import { builtInMetrics } from '../src/modules/usage/domain/metric-catalogue.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { registerCase } from '../src/modules/cases/services/register-case.ts';
import { createOrganisation } from '../src/modules/access/services/create-organisation.ts';
import { createService } from '../src/modules/access/services/create-service.ts';
import { readVolumeFigures } from '../src/app/demo/demo-usage.ts';
import { mulberry32 } from '../src/app/demo/seeded-random.ts';

/** The extra owners' history comes as monthly imports up to this month, and as day aggregates after it (as ingestion leaves them). */
const lastImportedMonth = '2025-12';
const dailyMonths = ['2026-01', '2026-02'];

/** A valid organisation number (MOD11) that is the same on every run and cannot clash with the demo's (all start with 9). */
export function benchOrgNumber(n: number): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let candidate = 81_000_000 + n * 37; ; candidate++) {
    const digits = String(candidate).split('').map(Number);
    const rest = digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return `${digits.join('')}${check}`;
  }
}

async function inChunks<T>(
  rows: readonly T[],
  perChunk: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perChunk) await insert(rows.slice(i, i + perChunk));
}

function daysOf(month: string): string[] {
  const count = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

export interface ExtraOwners {
  owners: number;
  services: number;
  importRows: number;
  dailyRows: number;
  cases: number;
}

/**
 * Adds `count` owners with one to three services each. Each owner takes 0.1–1 % of the platform's published volume
 * per metric (the demo's agencies carry the rest), as monthly imports for 2023-01 … 2025-12 and as day aggregates for
 * January and February 2026; each also gets two to four cases registered in the report month.
 */
export async function seedExtraOwners(ctx: ServiceContext, count: number, reportMonth: string): Promise<ExtraOwners> {
  const random = mulberry32(20_261_130);
  const figures = readVolumeFigures();
  const now = ctx.clock.now();
  const imports: {
    metric: string;
    month: string;
    owner_id: string;
    service_id: string;
    count: number;
    source_name: string;
    imported_at: number;
  }[] = [];
  const daily: { metric: string; day: string; owner_id: string; service_id: string; count: number }[] = [];
  const [year, month] = reportMonth.split('-').map(Number) as [number, number];
  const monthStart = Date.UTC(year, month - 1, 1, 8);
  const result: ExtraOwners = { owners: 0, services: 0, importRows: 0, dailyRows: 0, cases: 0 };
  for (let o = 0; o < count; o++) {
    const code = `etat${String(o + 1).padStart(3, '0')}`;
    const org = await createOrganisation(ctx, {
      name: `Etat nr. ${o + 1}`,
      code,
      orgNumber: benchOrgNumber(o),
      contactEmail: `post@${code}.bench.niva.no`,
    });
    const services = [];
    const serviceCount = 1 + Math.floor(random() * 3);
    for (let s = 0; s < serviceCount; s++) {
      const platform = random() < 0.6 ? 'altinn3' : 'altinn2';
      services.push(
        await createService(ctx, {
          organisationId: org.id,
          name: `Tjeneste ${s + 1} for ${code}`,
          platform,
          resourceId: `${code}-tjeneste-${s + 1}`,
        }),
      );
    }
    result.owners += 1;
    result.services += services.length;
    for (const metric of builtInMetrics) {
      const counting = services.filter((s) => metric.id !== 'altinn3_submissions' || s.platform === 'altinn3');
      const shares = counting.map(() => (0.001 + random() * 0.009) / counting.length);
      for (const figure of figures) {
        if (figure.metric !== metric.id) continue;
        for (const [i, service] of counting.entries()) {
          const level = figure.count * (shares[i] ?? 0) * (0.85 + random() * 0.3);
          if (figure.month <= lastImportedMonth) {
            imports.push({
              metric: metric.id,
              month: figure.month,
              owner_id: org.id,
              service_id: service.id,
              count: Math.round(level),
              source_name: 'bench',
              imported_at: now,
            });
          } else if (dailyMonths.includes(figure.month)) {
            const days = daysOf(figure.month);
            for (const day of days)
              daily.push({
                metric: metric.id,
                day,
                owner_id: org.id,
                service_id: service.id,
                count: Math.round((level / days.length) * (0.7 + random() * 0.6)),
              });
          }
        }
      }
    }
    const cases = 2 + Math.floor(random() * 3);
    for (let c = 0; c < cases; c++) {
      const incident = random() < 0.4;
      const service = services[Math.floor(random() * services.length)];
      const registeredAt = monthStart + Math.floor(random() * 26) * 86_400_000 + Math.floor(random() * 8) * 3_600_000;
      await registerCase(
        ctx,
        {
          organisationId: org.id,
          kind: incident ? 'incident' : 'support-request',
          category: incident ? (random() < 0.3 ? 'B' : 'C') : null,
          title: incident ? 'Innsending feiler for enkelte brukere' : 'Spørsmål om tilgang for ny saksbehandler',
          channel: 'email',
          ...(service ? { serviceId: service.id } : {}),
          reporterEmail: `innmelder@${code}.bench.niva.no`,
          registeredAt,
          externalId: `bench-${code}-${c}`,
        },
        {
          history:
            random() < 0.8
              ? [
                  { type: 'work-started', at: registeredAt + 3_600_000 },
                  { type: 'resolved', at: registeredAt + 20 * 3_600_000, body: 'Rettet.' },
                ]
              : [],
        },
      );
      result.cases += 1;
    }
  }
  // 7 columns: 2 000 rows stay under both dialects' limit on bound parameters.
  await inChunks(imports, 2000, (chunk) => ctx.db.insertInto('usage_monthly_imports').values(chunk).execute());
  await inChunks(daily, 2000, (chunk) => ctx.db.insertInto('usage_daily').values(chunk).execute());
  result.importRows = imports.length;
  result.dailyRows = daily.length;
  return result;
}
