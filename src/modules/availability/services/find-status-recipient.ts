import { isLocale, type Locale } from '../../../platform/i18n/messages.ts';
import { authorizeSystem } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';

/** Whom a status notice goes to, and how: what the sending jobs need of a subscription, nothing more. */
export interface StatusRecipient {
  id: string;
  kind: 'email' | 'webhook';
  /** The e-mail address, or the URL a webhook is posted to. */
  address: string;
  /** The subscriber's language; bokmål when the stored one is not (or no longer) offered. */
  locale: Locale;
  /** Whether the address has followed its confirmation link, or the webhook has echoed its challenge. */
  confirmed: boolean;
  /** When it was signed up for: a webhook's verification window counts from then. */
  createdAt: number;
  /** A webhook's signing secret; null for e-mail. */
  secret: string | null;
}

/**
 * The subscription a queued status notice is for, while it is still active; null once it has been ended (or removed).
 * Checked when sending, not only when queueing: an unsubscribe between the two must stop the message. Only the
 * system's jobs read a subscriber's address and secret.
 */
export async function findStatusRecipient(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  { subscriptionId }: { subscriptionId: string },
): Promise<StatusRecipient | null> {
  authorizeSystem(ctx.actor, 'read a status subscriber to send it a notice');
  const row = await ctx.db
    .selectFrom('status_subscriptions')
    .select(['id', 'kind', 'address', 'locale', 'confirmed_at', 'unsubscribed_at', 'secret', 'created_at'])
    .where('id', '=', subscriptionId)
    .executeTakeFirst();
  if (!row || row.unsubscribed_at !== null) return null;
  return {
    id: row.id,
    kind: row.kind,
    address: row.address,
    locale: isLocale(row.locale) ? row.locale : 'nb',
    confirmed: row.confirmed_at !== null,
    createdAt: row.created_at,
    secret: row.secret,
  };
}
