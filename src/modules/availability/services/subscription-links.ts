import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links in status e-mails that work without logging in. Unsubscribing is signed rather than token-based so that no
 * per-subscription secret has to be stored or looked up: the signature over the id is proof enough that the link
 * came from us, and unsubscribing is harmless to repeat.
 */

export function subscriptionSignature(linkSecret: string, subscriptionId: string): string {
  // A purpose prefix keeps this signature from ever being valid for another kind of signed link.
  return createHmac('sha256', linkSecret).update(`status-unsubscribe:${subscriptionId}`).digest('base64url');
}

export function validSubscriptionSignature(linkSecret: string, subscriptionId: string, presented: string): boolean {
  const expected = Buffer.from(subscriptionSignature(linkSecret, subscriptionId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function unsubscribeUrl(publicUrl: string, linkSecret: string, subscriptionId: string): string {
  const query = new URLSearchParams({ id: subscriptionId, sig: subscriptionSignature(linkSecret, subscriptionId) });
  return `${publicUrl}/status/unsubscribe?${query.toString()}`;
}

export function confirmUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/status/confirm?${new URLSearchParams({ token }).toString()}`;
}
