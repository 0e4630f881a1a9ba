import { sql, type SelectQueryBuilder } from 'kysely';
import type { TenantScope } from '../services/actor.ts';

/**
 * The one place tenant isolation is applied to queries: restricts `column` to the organisations in `scope`.
 * Every read of tenant data goes through this; routes never add their own organisation filters.
 */
export function scoped<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  column: string,
  scope: TenantScope,
): SelectQueryBuilder<DB, TB, O> {
  if (scope.all) return query;
  if (scope.organisationIds.length === 0) return query.where(sql<boolean>`1 = 0`);
  // The column name is a compile-time constant of the caller, never user input.
  return query.where(sql.ref(column), 'in', scope.organisationIds);
}
