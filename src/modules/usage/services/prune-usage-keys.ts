import { osloEpochDay } from '../domain/usage-day.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

/**
 * Forgets dedupe keys (and kept raw events) of events older than the dedupe window. Such an event is past the
 * late-event horizon too, so it could not be counted again anyway. Deletes one event day at a time so no single
 * statement holds the write lock for long.
 */
export async function pruneUsageKeys(ctx: ServiceContext, settings: { dedupeWindowDays: number }): Promise<number> {
  const cutoff = osloEpochDay(ctx.clock.now()) - settings.dedupeWindowDays;
  const oldest = await ctx.db
    .selectFrom('usage_event_keys')
    .select((eb) => eb.fn.min<number | null>('event_day').as('day'))
    .executeTakeFirst();
  let removed = 0;
  for (let day = oldest?.day === null || oldest?.day === undefined ? cutoff : Number(oldest.day); day < cutoff; day++) {
    const keys = await ctx.db.deleteFrom('usage_event_keys').where('event_day', '=', day).executeTakeFirst();
    await ctx.db.deleteFrom('usage_raw_events').where('event_day', '=', day).execute();
    removed += Number(keys.numDeletedRows);
  }
  return removed;
}
