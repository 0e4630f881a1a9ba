import { sql } from 'kysely';
import type { Actor } from '../../../platform/services/actor.ts';
import { tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { scoped } from '../../../platform/db/tenant-scope.ts';

/** Whose figures: every row (owner-attributed and platform-wide ''), or one owner's rows. */
export type FigureScope = { kind: 'platform' } | { kind: 'owner'; ownerId: string };

export interface UsageOwner {
  id: string;
  code: string;
  name: string;
}

/**
 * A metric's figure per month (`YYYY-MM`) over whole years: daily counts + monthly imports + adjustments, summed
 * in one grouped query. A month without a row in any of the three tables is absent (no data), which a caller must
 * keep apart from a month that sums to 0.
 */
export async function monthlyFigures(
  db: ServiceContext['db'],
  input: { metric: string; fromYear: number; toYear: number; scope: FigureScope },
): Promise<Map<string, number>> {
  const { metric, fromYear, toYear, scope } = input;
  const firstMonth = `${String(fromYear).padStart(4, '0')}-01`;
  const lastMonth = `${String(toYear).padStart(4, '0')}-12`;
  const owner = scope.kind === 'owner' ? scope.ownerId : null;
  // substr() and text comparison behave alike on SQLite and PostgreSQL; days and months are zero-padded ISO text.
  const monthOfDay = sql<string>`substr(${sql.ref('day')}, 1, 7)`;
  let daily = db
    .selectFrom('usage_daily')
    .select([monthOfDay.as('month'), sql<number | string>`sum(${sql.ref('count')})`.as('n')])
    .where('metric', '=', metric)
    .where('day', '>=', `${firstMonth}-01`)
    .where('day', '<=', `${lastMonth}-31`);
  let imports = db
    .selectFrom('usage_monthly_imports')
    .select(['month', sql<number | string>`sum(${sql.ref('count')})`.as('n')])
    .where('metric', '=', metric)
    .where('month', '>=', firstMonth)
    .where('month', '<=', lastMonth);
  let adjustments = db
    .selectFrom('usage_adjustments')
    .select(['month', sql<number | string>`sum(${sql.ref('delta')})`.as('n')])
    .where('metric', '=', metric)
    .where('month', '>=', firstMonth)
    .where('month', '<=', lastMonth);
  if (owner !== null) {
    daily = daily.where('owner_id', '=', owner);
    imports = imports.where('owner_id', '=', owner);
    adjustments = adjustments.where('owner_id', '=', owner);
  }
  const parts = daily.groupBy(monthOfDay).unionAll(imports.groupBy('month')).unionAll(adjustments.groupBy('month'));
  const rows = await db
    .selectFrom(parts.as('parts'))
    .select(['parts.month', sql<number | string>`sum(${sql.ref('parts.n')})`.as('n')])
    .groupBy('parts.month')
    .execute();
  // PostgreSQL sums bigint as numeric, which arrives as text; the figures stay far below 2^53.
  return new Map(rows.map((r) => [r.month, Number(r.n)]));
}

/**
 * The owner organisation an actor asks for by code, loaded through the tenant scope of `usage.read`: another
 * tenant's owner is simply not found, as an unknown code is.
 */
export async function findUsageOwner(ctx: ServiceContext, code: string): Promise<UsageOwner> {
  const query = ctx.db
    .selectFrom('organisations')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'owner')
    .where('code', '=', code);
  const row = await scoped(query, 'id', tenantScope(ctx.actor, 'usage.read')).executeTakeFirst();
  if (!row) throw AppError.field('owner', 'no such owner', 'not-found');
  return row;
}

/**
 * Whose figures an actor gets when it names no owner: the platform's for operator-side actors, its own for an
 * actor of exactly one owner. An actor of several owners must say which.
 */
export async function defaultUsageScope(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ scope: FigureScope; owner: UsageOwner | null }> {
  const reach = tenantScope(actor, 'usage.read');
  if (reach.all) return { scope: { kind: 'platform' }, owner: null };
  const [only, ...more] = reach.organisationIds;
  if (only === undefined) throw new AppError('forbidden', 'not allowed: usage.read');
  if (more.length > 0) throw AppError.field('owner', 'required: you belong to several owners; name one by its code');
  const row = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'code', 'name'])
    .where('id', '=', only)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'owner not found');
  return { scope: { kind: 'owner', ownerId: row.id }, owner: row };
}
