import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { validSubscriptionSignature } from './subscription-links.ts';

/** What the unsubscribe page shows before the visitor confirms: the address, and whether it has already left. */
export interface UnsubscribeTarget {
  address: string;
  unsubscribed: boolean;
}

/**
 * The subscription a signed unsubscribe link names. Nobody is logged in: the signature is the only credential, as it
 * is for `unsubscribe` itself; a bad one is refused, an unknown subscription is not found.
 */
export async function findUnsubscribeTarget(
  ctx: ServiceContext,
  input: { id: string; sig: string },
  linkSecret: string,
): Promise<UnsubscribeTarget> {
  if (!validSubscriptionSignature(linkSecret, input.id, input.sig))
    throw new AppError('forbidden', 'the unsubscribe link is not valid');
  const row = await ctx.db
    .selectFrom('status_subscriptions')
    .select(['address', 'unsubscribed_at'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'no such subscription');
  return { address: row.address, unsubscribed: row.unsubscribed_at !== null };
}
