import type { ServiceContext } from '../services/context.ts';

/**
 * Forgets log entries older than `keepDays`: the log is for seeing what went out lately, and it holds addresses and
 * message text that should not stay longer than that. Deleting the same rows twice is harmless, so every node may
 * run it. Resolves to the number of entries removed.
 */
export async function pruneOutgoingMessages(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  { keepDays }: { keepDays: number },
): Promise<number> {
  const cutoff = ctx.clock.now() - keepDays * 86_400_000;
  const result = await ctx.db.deleteFrom('outgoing_messages').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
