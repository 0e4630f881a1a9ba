import type { Context } from 'hono';
import { systemRequestContext } from '../../../platform/http/route-kit.ts';
import { Hono } from 'hono';
import { isLocale } from '../../../platform/i18n/messages.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import { findUnsubscribeTarget, type UnsubscribeTarget } from '../services/find-unsubscribe-target.ts';
import { confirmSubscription, subscribe, unsubscribe } from '../services/status-subscriptions.ts';
import { unsubscribeUrl, validSubscriptionSignature } from '../services/subscription-links.ts';
import { fieldErrors } from '../../../platform/web/form.tsx';
import { clientAddress } from '../../../platform/http/client-address.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import {
  CheckInboxPage,
  MessagePage,
  SubscribePage,
  type SubscribeForm,
  UnsubscribePage,
  WebhookCreatedPage,
} from './subscribe-views.tsx';
import { formBody, formProblem, text } from '../../../platform/web/web-kit.ts';

/**
 * Status subscriptions, for anyone, without logging in. The CSRF middleware only guards cookie sessions, so an
 * anonymous sign-up form has no token to check; what stops another site from posting sign-ups through visitors'
 * browsers is the Origin check below (browsers always send Origin on a cross-site POST). The unsubscribe POST needs
 * no such check: the signed link is the credential, and mail clients' one-click POSTs (RFC 8058) carry no Origin.
 */

function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  return !origin || origin === new URL(c.var.deps.config.publicUrl).origin || origin === new URL(c.req.url).origin;
}

function emptyForm(c: Context<AppEnv>): SubscribeForm {
  return { kind: 'email', address: '', locale: c.var.locale };
}

/** Renders the confirmation page for a valid link, or the refusal for a bad one; null when the link is good. */
function checkLink(c: Context<AppEnv>) {
  const id = c.req.query('id') ?? '';
  const sig = c.req.query('sig') ?? '';
  const page = pageContext(c);
  if (!validSubscriptionSignature(c.var.deps.linkSecret, id, sig))
    return {
      refused: render(
        c,
        <MessagePage
          page={page}
          title={page.t('subscribe.unsubscribeTitle')}
          message={page.t('subscribe.badLink')}
          danger
        />,
        403,
      ),
      id,
      sig,
    };
  return { refused: null, id, sig };
}

/** The subscription a checked link names, or null when there is none (any more). */
async function unsubscribeTarget(c: Context<AppEnv>, id: string, sig: string): Promise<UnsubscribeTarget | null> {
  try {
    return await findUnsubscribeTarget(
      systemRequestContext(c, 'status unsubscribe'),
      { id, sig },
      c.var.deps.linkSecret,
    );
  } catch (error) {
    if (!isAppError(error) || error.code !== 'not-found') throw error;
    return null;
  }
}

export const subscribePages = new Hono<AppEnv>()
  .get('/status/subscribe', (c) => render(c, <SubscribePage page={pageContext(c)} form={emptyForm(c)} />))
  .post('/status/subscribe', async (c) => {
    const page = pageContext(c);
    const { deps } = c.var;
    if (!sameOrigin(c))
      return render(c, <SubscribePage page={page} form={emptyForm(c)} alert={page.t('subscribe.crossSite')} />, 403);
    const body = await formBody(c);
    const form: SubscribeForm = {
      kind: text(body, 'kind') ?? 'email',
      address: text(body, 'address') ?? '',
      locale: text(body, 'locale') ?? c.var.locale,
    };
    // Counted before validation: a bad attempt costs as much as a good one, so probing buys nothing.
    const wait = deps.subscribeLimiter.hit(clientAddress(c, deps.config.trustProxy), deps.clock.now());
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return render(c, <SubscribePage page={page} form={form} alert={page.t('subscribe.rateLimited')} />, 429);
    }
    try {
      const kind = form.kind === 'webhook' ? 'webhook' : 'email';
      const created = await subscribe(
        systemRequestContext(c, 'status subscription'),
        {
          kind,
          address: form.address,
          locale: isLocale(form.locale) ? form.locale : 'nb',
        },
        deps.outbound,
      );
      if (created.secret === null) return render(c, <CheckInboxPage page={page} />);
      return render(
        c,
        <WebhookCreatedPage
          page={page}
          secret={created.secret}
          unsubscribe={unsubscribeUrl(deps.config.publicUrl, deps.linkSecret, created.id)}
        />,
        201,
      );
    } catch (error) {
      const problem = formProblem(error);
      return render(c, <SubscribePage page={page} form={form} errors={fieldErrors(problem.fields)} />, 400);
    }
  })
  .get('/status/confirm', async (c) => {
    const page = pageContext(c);
    try {
      const row = await confirmSubscription(systemRequestContext(c, 'status subscription'), {
        token: c.req.query('token') ?? '',
      });
      return render(
        c,
        <MessagePage
          page={page}
          title={page.t('subscribe.confirmedTitle')}
          message={page.t('subscribe.confirmed', { address: row.address })}
        />,
      );
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not-found') throw error;
      return render(
        c,
        <MessagePage
          page={page}
          title={page.t('subscribe.confirmFailedTitle')}
          message={page.t('subscribe.confirmFailed')}
          danger
        />,
        404,
      );
    }
  })
  .get('/status/unsubscribe', async (c) => {
    const { refused, id, sig } = checkLink(c);
    if (refused) return refused;
    const page = pageContext(c);
    const target = await unsubscribeTarget(c, id, sig);
    if (!target)
      return render(
        c,
        <MessagePage
          page={page}
          title={page.t('subscribe.unsubscribeTitle')}
          message={page.t('subscribe.badLink')}
          danger
        />,
        404,
      );
    if (target.unsubscribed)
      return render(
        c,
        <MessagePage
          page={page}
          title={page.t('subscribe.unsubscribedTitle')}
          message={page.t('subscribe.unsubscribed')}
        />,
      );
    const url = new URL(c.req.url);
    return render(
      c,
      <UnsubscribePage page={page} address={target.address} action={`/status/unsubscribe${url.search}`} />,
    );
  })
  .post('/status/unsubscribe', async (c) => {
    const { refused, id, sig } = checkLink(c);
    if (refused) return refused;
    const page = pageContext(c);
    try {
      await unsubscribe(systemRequestContext(c, 'status unsubscribe'), { id, sig }, c.var.deps.linkSecret);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'not-found') throw error;
      return render(
        c,
        <MessagePage
          page={page}
          title={page.t('subscribe.unsubscribeTitle')}
          message={page.t('subscribe.badLink')}
          danger
        />,
        404,
      );
    }
    return render(
      c,
      <MessagePage
        page={page}
        title={page.t('subscribe.unsubscribedTitle')}
        message={page.t('subscribe.unsubscribed')}
      />,
    );
  });
