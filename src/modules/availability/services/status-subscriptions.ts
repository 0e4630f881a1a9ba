import { z } from 'zod';
import { locales } from '../../../platform/i18n/messages.ts';
import type { StatusSubscriptionRow } from '../schema.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { digest, randomSecret } from '../../../platform/auth/secrets.ts';
import { inTransaction, newId, type ServiceContext } from '../../../platform/services/context.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import {
  assertOutboundUrl,
  outboundUrlHint,
  outboundUrlSyntax,
  type OutboundPolicy,
} from '../../../platform/net/outbound-url.ts';
import { validSubscriptionSignature } from './subscription-links.ts';

/**
 * Sign-up, confirmation and unsubscription for the public status. Nobody is logged in for any of these: e-mail
 * addresses prove themselves by the confirmation link, webhooks by echoing a challenge Nivå posts to them, webhook
 * owners get their signing secret once, and the signed unsubscribe link is the only credential for leaving.
 */

export const statusEmailJob = 'status.email';
export const statusWebhookJob = 'status.webhook';
export const statusWebhookVerifyJob = 'status.webhook-verify';

/** How long a webhook has to answer its verification; a subscription still pending after that has expired. */
export const webhookVerificationWindowMs = 24 * 3_600_000;

declare module '../../../platform/jobs/job-kinds.ts' {
  interface JobKinds {
    'status.email': { sendsMail: true };
    'status.webhook': { sendsMail: false };
    'status.webhook-verify': { sendsMail: false };
  }
}

export const subscribeInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    address: z.string().trim().toLowerCase().max(254).email('a valid e-mail address'),
    locale: z.enum(locales).default('nb'),
  }),
  z.object({
    kind: z.literal('webhook'),
    address: z.string().trim().max(2_000).refine(outboundUrlSyntax, outboundUrlHint),
    locale: z.enum(locales).default('nb'),
  }),
]);
export type SubscribeInput = z.input<typeof subscribeInput>;

export interface Subscribed {
  id: string;
  kind: 'email' | 'webhook';
  /** The webhook's signing secret: returned here once and never shown again. */
  secret: string | null;
}

/**
 * An e-mail address is stored unconfirmed and sent a confirmation link; nothing else goes to it until that is
 * followed. An address already subscribed gets no second row and no mail, and the caller cannot tell the difference,
 * so the form does not reveal who is subscribed.
 *
 * A webhook URL must pass the outbound policy (anyone may sign up, so it must not become a way into the platform's
 * own network). It is stored pending, with the digest of a random challenge that a queued job posts to it: only an
 * endpoint that answers with the challenge becomes active (see `activateStatusWebhook`), so nobody can point notices
 * at a server that did not ask for them. Its secret is returned now, since the verification request is signed too.
 */
export async function subscribe(
  ctx: ServiceContext,
  input: SubscribeInput,
  outbound: OutboundPolicy,
): Promise<Subscribed> {
  const data = parseInput(subscribeInput, input, ctx);
  if (data.kind === 'webhook') await assertOutboundUrl(outbound, 'address', data.address);
  const now = ctx.clock.now();
  return inTransaction(ctx, async (trx) => {
    if (data.kind === 'webhook') {
      const secret = `whsec_${randomSecret(32)}`;
      const challenge = randomSecret(32);
      const row: StatusSubscriptionRow = {
        id: newId(),
        kind: 'webhook',
        address: data.address,
        secret,
        confirm_token_digest: digest(challenge),
        confirmed_at: null,
        unsubscribed_at: null,
        locale: data.locale,
        created_at: now,
      };
      await trx.insertInto('status_subscriptions').values(row).execute();
      await enqueueJob(trx, ctx, {
        kind: statusWebhookVerifyJob,
        payload: { subscriptionId: row.id, challenge },
        // With the backoff (capped at an hour) about 20 hours of tries, inside the window: an endpoint that is set up
        // after signing up still gets verified.
        maxAttempts: 30,
      });
      return { id: row.id, kind: 'webhook', secret };
    }
    const existing = await trx
      .selectFrom('status_subscriptions')
      .selectAll()
      .where('kind', '=', 'email')
      .where('address', '=', data.address)
      .where('unsubscribed_at', 'is', null)
      .executeTakeFirst();
    if (existing !== undefined && existing.confirmed_at !== null)
      return { id: existing.id, kind: 'email', secret: null };
    const token = randomSecret(32);
    let id: string;
    if (existing) {
      // Asking again replaces the link: only the newest confirmation mail works.
      id = existing.id;
      await trx
        .updateTable('status_subscriptions')
        .set({ confirm_token_digest: digest(token), locale: data.locale })
        .where('id', '=', id)
        .execute();
    } else {
      id = newId();
      await trx
        .insertInto('status_subscriptions')
        .values({
          id,
          kind: 'email',
          address: data.address,
          secret: null,
          confirm_token_digest: digest(token),
          confirmed_at: null,
          unsubscribed_at: null,
          locale: data.locale,
          created_at: now,
        })
        .execute();
    }
    await enqueueJob(trx, ctx, {
      kind: statusEmailJob,
      payload: { subscriptionId: id, message: { kind: 'confirm', token } },
    });
    return { id, kind: 'email', secret: null };
  });
}

/** Follows a confirmation link; following it again is harmless and answers the same. */
export async function confirmSubscription(
  ctx: ServiceContext,
  input: { token: string },
): Promise<StatusSubscriptionRow> {
  if (input.token.length < 20 || input.token.length > 200)
    throw new AppError('not-found', 'unknown or expired confirmation link');
  const now = ctx.clock.now();
  return inTransaction(ctx, async (trx) => {
    const row = await trx
      .selectFrom('status_subscriptions')
      .selectAll()
      // A webhook's challenge is not a link: it is answered by the endpoint, not followed by a person.
      .where('kind', '=', 'email')
      .where('confirm_token_digest', '=', digest(input.token))
      .where('unsubscribed_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new AppError('not-found', 'unknown or expired confirmation link');
    if (row.confirmed_at !== null) return row;
    await trx.updateTable('status_subscriptions').set({ confirmed_at: now }).where('id', '=', row.id).execute();
    return { ...row, confirmed_at: now };
  });
}

/** Ends a subscription named by a signed link. Idempotent: a second click, or a mail client's one-click POST, is fine. */
export async function unsubscribe(
  ctx: ServiceContext,
  input: { id: string; sig: string },
  linkSecret: string,
): Promise<StatusSubscriptionRow> {
  if (!validSubscriptionSignature(linkSecret, input.id, input.sig))
    throw new AppError('forbidden', 'the unsubscribe link is not valid');
  const row = await ctx.db.selectFrom('status_subscriptions').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'no such subscription');
  if (row.unsubscribed_at !== null) return row;
  const now = ctx.clock.now();
  await ctx.db
    .updateTable('status_subscriptions')
    .set({ unsubscribed_at: now })
    .where('id', '=', row.id)
    .where('unsubscribed_at', 'is', null)
    .execute();
  return { ...row, unsubscribed_at: now };
}
