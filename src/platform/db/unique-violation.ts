import { AppError } from '../services/app-error.ts';

/**
 * Unique keys are enforced by the database, not by a look-up before the insert: two concurrent requests both find
 * nothing and both insert, and only the key decides. This recognises its refusal on both dialects and turns it into
 * the 409 a client can act on.
 *
 * - better-sqlite3: `SqliteError`, code `SQLITE_CONSTRAINT_UNIQUE` (or `…_PRIMARYKEY`), message
 *   `UNIQUE constraint failed: organisations.code` (several `table.column`s for a composite key, or
 *   `index 'name'` for an index on expressions).
 * - pg: `DatabaseError`, code `23505`, with `table`, `constraint` and `detail` `Key (code)=(abc) already exists.`
 *
 * On PostgreSQL the failed statement aborts the transaction: a violation must end it (the conflict thrown here
 * does), never be caught and followed by more statements on the same transaction.
 */
export interface UniqueViolation {
  /** The table, when the driver names it (SQLite names it only with the columns). */
  table: string | null;
  /** The violated constraint or index: always on PostgreSQL, on SQLite only for an index on expressions. */
  constraint: string | null;
  /** The key's columns in order; empty when the driver does not tell (or for an index on expressions). */
  columns: string[];
}

const sqliteCodes: ReadonlySet<unknown> = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const pgUniqueViolation = '23505';
const sqlitePrefix = 'UNIQUE constraint failed: ';

function stringField(error: object, name: string): string | null {
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** The unique-key violation `error` reports, or null for any other error (or a non-error). */
export function uniqueViolationOf(error: unknown): UniqueViolation | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (sqliteCodes.has(code)) {
    const message = stringField(error, 'message') ?? '';
    const what = message.startsWith(sqlitePrefix) ? message.slice(sqlitePrefix.length) : '';
    const index = /^index '(.+)'$/.exec(what);
    if (index) return { table: null, constraint: index[1] ?? null, columns: [] };
    const qualified = what === '' ? [] : what.split(', ').map((name) => name.split('.'));
    const tables = new Set(qualified.map((parts) => (parts.length === 2 ? parts[0] : undefined)));
    const table = tables.size === 1 ? ([...tables][0] ?? null) : null;
    return { table, constraint: null, columns: qualified.map((parts) => parts[parts.length - 1] ?? '') };
  }
  if (code === pgUniqueViolation) {
    const key = /^Key \((.+?)\)=\(/.exec(stringField(error, 'detail') ?? '');
    return {
      table: stringField(error, 'table'),
      constraint: stringField(error, 'constraint'),
      columns: key?.[1] ? key[1].split(', ').map((name) => name.replace(/^"(.*)"$/, '$1')) : [],
    };
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolationOf(error) !== null;
}

/** A unique key as the migration declares it, and what a clash on it is reported as. */
export interface UniqueKey {
  table: string;
  /** The key's columns in the migration's order, e.g. `['code']` or `['user_id', 'organisation_id', 'role']`. */
  columns: readonly string[];
  /**
   * Its name on PostgreSQL, when `addUniqueConstraint` named it; an unnamed column `unique()` is
   * `<table>_<column>_key`. Only needed when the driver does not report the columns.
   */
  constraint?: string;
}

export interface UniqueField extends UniqueKey {
  /** The input field a clash is reported on (the API's name, e.g. `orgNumber`). */
  field: string;
  message: string;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}

/** Whether `error` is a violation of `key`. */
export function violates(error: unknown, key: UniqueKey): boolean {
  const violation = uniqueViolationOf(error);
  if (!violation) return false;
  if (violation.table !== null && violation.table !== key.table) return false;
  if (violation.columns.length > 0) return sameColumns(violation.columns, key.columns);
  const constraint = key.constraint ?? `${key.table}_${key.columns.join('_')}_key`;
  return violation.constraint === constraint;
}

/**
 * Runs a write guarded by unique keys: a violation of one of `keys` becomes `AppError('conflict')` naming that key's
 * field, which the API answers 409 with the field in the problem's `errors`. Any other error, including a violation
 * of a key not listed (a colliding generated id would be a bug), is rethrown unchanged.
 */
export async function guardUnique<T>(keys: readonly UniqueField[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const key = keys.find((k) => violates(error, k));
    if (key) throw AppError.field(key.field, key.message, 'conflict');
    throw error;
  }
}
