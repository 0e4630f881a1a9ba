import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A positive integer setting from the environment, or the fallback; anything else stops the benchmark. */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}: a positive integer (got ${JSON.stringify(raw)})`);
  return value;
}

export interface ThrowawayDatabase {
  url: string;
  dialect: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/** A throwaway database: a fresh PostgreSQL database next to `base` (when it is one), or a temporary SQLite file. */
export async function createThrowawayDatabase(base: string | undefined, prefix: string): Promise<ThrowawayDatabase> {
  if (base?.startsWith('postgres://') || base?.startsWith('postgresql://')) {
    const name = `niva_bench_${randomBytes(6).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      dialect: 'postgres',
      drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    url: `sqlite:${path.join(dir, 'niva.db')}`,
    dialect: 'sqlite',
    drop: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** The median of `values`: the upper of the two middle values when there is an even number of them. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** `value` rounded to `digits` decimals. */
export const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** A whole number with its thousands set apart by spaces: 1 234 567. */
export const group = (n: number): string => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

/** Multi-row inserts, in chunks that stay under both dialects' limit on bound parameters. */
export async function inChunks<T>(
  rows: readonly T[],
  perChunk: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perChunk) await insert(rows.slice(i, i + perChunk));
}

/** Wall seconds of `work`, and its result. */
export async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, (performance.now() - started) / 1000];
}
