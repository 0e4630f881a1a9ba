import { digest } from '../../../platform/auth/secrets.ts';
import { authorizeSystem } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { webhookVerificationWindowMs } from './status-subscriptions.ts';

/**
 * Activates a pending status webhook whose endpoint has echoed its challenge. Only the verifying job calls it. The
 * challenge must match the stored digest and the subscription must still be pending, not ended and within its
 * verification window; otherwise nothing changes and the answer is false. Repeating it is harmless.
 */
export async function activateStatusWebhook(
  ctx: Pick<ServiceContext, 'db' | 'actor' | 'clock'>,
  { subscriptionId, challenge }: { subscriptionId: string; challenge: string },
): Promise<boolean> {
  authorizeSystem(ctx.actor, 'activate a verified status webhook');
  const now = ctx.clock.now();
  const result = await ctx.db
    .updateTable('status_subscriptions')
    .set({ confirmed_at: now, confirm_token_digest: null })
    .where('id', '=', subscriptionId)
    .where('kind', '=', 'webhook')
    .where('confirm_token_digest', '=', digest(challenge))
    .where('confirmed_at', 'is', null)
    .where('unsubscribed_at', 'is', null)
    .where('created_at', '>', now - webhookVerificationWindowMs)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
