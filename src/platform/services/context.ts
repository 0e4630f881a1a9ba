import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CalendarRegistry } from '../domain/calendar/calendar-registry.ts';
import type { Clock } from '../domain/clock.ts';
import type { InputLimits } from '../domain/input-bounds.ts';
import type { DialectName } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/** What every operation receives: where to read and write, what time it is, who acts, and for which request. */
export interface ServiceContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  /** The business calendars SLA clocks run on: built-in ones plus those configured. */
  calendars: CalendarRegistry;
  /** What input may say: the earliest date accepted (configuration). */
  limits: InputLimits;
  actor: Actor;
  requestId: string | null;
}

export type Tx = Transaction<Database>;

export function newId(): string {
  return randomUUID();
}

export function inTransaction<T>(ctx: ServiceContext, work: (trx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work);
}
