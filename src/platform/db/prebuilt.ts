import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Builds the fixed part of a query (tables, joins, selections, ordering) once per database handle.
 * Kysely builders are immutable, so callers add their varying filters to the shared base per call.
 * On hot paths assembling the selections is most of Kysely's per-query cost, more than running a short
 * indexed query. Handles are held weakly: a finished transaction and its base are collected together.
 */
export function prebuilt<Q>(build: (db: Kysely<Database>) => Q): (db: Kysely<Database>) => Q {
  const bases = new WeakMap<Kysely<Database>, Q>();
  return (db) => {
    let base = bases.get(db);
    if (base === undefined) {
      base = build(db);
      bases.set(db, base);
    }
    return base;
  };
}
