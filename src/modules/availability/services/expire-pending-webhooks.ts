import { authorizeSystem } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { webhookVerificationWindowMs } from './status-subscriptions.ts';

/**
 * Ends status webhooks that were never verified within their window, as if unsubscribed: they never received a
 * notice, and ending them stops their verification job too. Returns how many ended. Safe on any number of nodes.
 */
export async function expirePendingWebhooks(ctx: Pick<ServiceContext, 'db' | 'actor' | 'clock'>): Promise<number> {
  authorizeSystem(ctx.actor, 'expire unverified status webhooks');
  const now = ctx.clock.now();
  const result = await ctx.db
    .updateTable('status_subscriptions')
    .set({ unsubscribed_at: now, confirm_token_digest: null })
    .where('kind', '=', 'webhook')
    .where('confirmed_at', 'is', null)
    .where('unsubscribed_at', 'is', null)
    .where('created_at', '<=', now - webhookVerificationWindowMs)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
