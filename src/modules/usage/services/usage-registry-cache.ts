import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

export interface ResolvedService {
  serviceId: string;
  ownerId: string;
}

interface RegistryCache {
  owners: Map<string, string>;
  services: Map<string, ResolvedService>;
}

// Per database handle, so tests and tools that open several stores never see each other's registry. Only hits are
// kept: organisation codes and resource ids never change owner once registered, and a miss (a service registered a
// moment ago) must be looked up again rather than refused for a while.
const caches = new WeakMap<Kysely<Database>, RegistryCache>();
const maxEntries = 100_000;

function cacheOf(db: Kysely<Database>): RegistryCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { owners: new Map(), services: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= maxEntries) map.clear();
  map.set(key, value);
}

/**
 * Resolves owner codes (service-owner organisations only) and resource ids to ids, from the process's cache and
 * otherwise with one query each for all misses of a batch.
 */
export async function resolveRegistry(
  db: Kysely<Database>,
  ownerCodes: ReadonlySet<string>,
  resourceIds: ReadonlySet<string>,
): Promise<{ owners: ReadonlyMap<string, string>; services: ReadonlyMap<string, ResolvedService> }> {
  const cache = cacheOf(db);
  const missingOwners = [...ownerCodes].filter((code) => !cache.owners.has(code));
  const missingServices = [...resourceIds].filter((id) => !cache.services.has(id));
  if (missingOwners.length > 0) {
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'code'])
      .where('kind', '=', 'owner')
      .where('code', 'in', missingOwners)
      .execute();
    for (const row of rows) remember(cache.owners, row.code, row.id);
  }
  if (missingServices.length > 0) {
    const rows = await db
      .selectFrom('services')
      .select(['id', 'resource_id', 'organisation_id'])
      .where('resource_id', 'in', missingServices)
      .execute();
    for (const row of rows)
      remember(cache.services, row.resource_id, { serviceId: row.id, ownerId: row.organisation_id });
  }
  return { owners: cache.owners, services: cache.services };
}
