import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { completeNationalLogin } from '../auth/national/complete-national-login.ts';
import { type VerifiedLogin, verifiedLogin } from '../auth/national/login-claims.ts';
import { type NationalLoginClient, refusalReason } from '../auth/national/oidc-client.ts';
import { type OrganisationChoice, organisationChoices } from '../auth/national/organisation-choices.ts';
import { holdLogin, type PendingLogin, pendingLoginTtlMs, takeLogin } from '../auth/national/pending-logins.ts';
import { randomSecret } from '../auth/secrets.ts';
import { endProviderSession, logOut } from '../auth/sessions.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/env.ts';
import { assertFormToken, formToken } from '../http/form-token.ts';
import { sessionCookie } from '../http/middleware/authenticate.ts';
import { requestContext, systemRequestContext } from '../http/route-kit.ts';
import { safeNext } from '../http/safe-next.ts';
import { AppError, isAppError } from '../services/app-error.ts';
import type { PageContext } from './layout.tsx';
import { ChooseOrganisationPage, LoginMessagePage, nationalLoginHref } from './national-login-views.tsx';
import { pageContext, render } from './render.tsx';

/**
 * The national login (ID-porten / Ansattporten-style OpenID Connect) as a relying party: the start (a link from the
 * login page), the provider's callback, the organisation choice, the page the provider returns to after logging out,
 * and its front-channel logout. Every refusal is a page saying what to do, never a stack trace.
 */

/** The cookie binding a login under way to the browser that started it; it keys the sealing of the pending login. */
const bindingCookie = 'niva_login';
const bindingShape = /^[A-Za-z0-9_-]{43}$/;

type Ctx = Context<AppEnv>;

interface Choosing {
  login: VerifiedLogin;
  next: string;
  invitation: string | null;
  choices: OrganisationChoice[];
}

function client(c: Ctx): NationalLoginClient {
  const national = c.var.deps.nationalLogin;
  if (!national) throw new AppError('not-found', 'national login is not set up here');
  return national;
}

function presentedBinding(c: Ctx): string | null {
  const value = getCookie(c, bindingCookie);
  return value && bindingShape.test(value) ? value : null;
}

/** The browser's binding, issued on first use and kept for parallel logins (tabs) of the same browser. */
function browserBinding(c: Ctx): string {
  const value = presentedBinding(c) ?? randomSecret();
  setCookie(c, bindingCookie, value, {
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET from its own site.
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    path: '/login/national',
    maxAge: pendingLoginTtlMs / 1000,
  });
  return value;
}

function message(
  c: Ctx,
  status: 200 | 400 | 401 | 403 | 429 | 503,
  content: (
    page: PageContext,
    provider: string,
  ) => { title: string; text: string; actions?: { href: string; label: string }[] },
  tone: 'warning' | 'danger' | 'info' = 'warning',
): Response {
  const page = pageContext(c);
  const provider = c.var.deps.config.nationalLogin?.name ?? '';
  const { title, text, actions } = content(page, provider);
  const again = [{ href: '/login', label: page.t('auth.national.again') }];
  return render(
    c,
    <LoginMessagePage page={page} title={title} text={text} actions={actions ?? again} tone={tone} />,
    status,
  );
}

const failed = (c: Ctx, status: 400 | 401) =>
  message(c, status, ({ t }) => ({ title: t('auth.national.failedTitle'), text: t('auth.national.failedText') }));

const unavailable = (c: Ctx) =>
  message(
    c,
    503,
    ({ t }, provider) => ({
      title: t('auth.national.unavailableTitle', { provider }),
      text: t('auth.national.unavailableText', { provider }),
    }),
    'danger',
  );

const noAccess = (c: Ctx) =>
  message(c, 403, ({ t }) => ({ title: t('auth.national.noAccessTitle'), text: t('auth.national.noAccessText') }));

const refused = (c: Ctx) =>
  message(c, 403, ({ t }) => ({ title: t('auth.national.refusedTitle'), text: t('auth.national.refusedText') }));

const isUnavailable = (error: unknown) => isAppError(error) && error.code === 'unavailable';

/** Signs the person in for the organisation acted for (if any), or says why not. */
async function finish(c: Ctx, login: VerifiedLogin, actingFor: string | null, invitation: string | null, next: string) {
  const { config, clock } = c.var.deps;
  const settings = client(c).settings;
  const outcome = await completeNationalLogin(
    systemRequestContext(c, 'national login'),
    { login, actingFor, invitationToken: invitation },
    { roleAcr: settings.roleAcr, rules: settings.rules, sessionTtlMs: config.sessionTtlMs },
  );
  const high = nationalLoginHref({ next, level: 'high' });
  if (outcome.kind === 'no-access') {
    c.var.logger.info({ level: outcome.level, acr: login.acr }, 'national login without access');
    if (!outcome.level) return noAccess(c);
    return message(c, 403, ({ t }) => ({
      title: t('auth.national.levelTitle'),
      text: t('auth.national.levelText'),
      actions: [{ href: high, label: t('auth.national.levelAgain') }],
    }));
  }
  const { session } = outcome;
  // A session this browser already had (logging in again at a higher level, or for another organisation) ends here.
  const previous = c.var.sessionToken;
  if (previous && c.var.actor) await logOut(requestContext(c, c.var.actor), { sessionToken: previous });
  setCookie(c, sessionCookie, session.sessionToken, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.max(1, Math.floor((session.expiresAt - clock.now()) / 1000)),
  });
  if (!outcome.withheld) return c.redirect(next, 303);
  // Signed in, without a role the level did not reach: say so, and offer the higher level.
  return message(c, 200, ({ t }) => ({
    title: t('auth.national.levelTitle'),
    text: t('auth.national.levelPartial'),
    actions: [
      { href: next, label: t('auth.national.continue') },
      { href: high, label: t('auth.national.levelAgain') },
    ],
  }));
}

function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

export const nationalLoginPages = new Hono<AppEnv>()
  .get('/login/national', async (c) => {
    const national = client(c);
    const { deps } = c.var;
    const wait = deps.loginLimiter.hit(clientAddress(c, deps.config.trustProxy), deps.clock.now());
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return message(c, 429, ({ t }) => ({ title: t('auth.login'), text: t('auth.rateLimited') }));
    }
    const organisation = c.req.query('org');
    const invitation = c.req.query('invitation');
    const pending: PendingLogin = {
      state: randomSecret(),
      nonce: randomSecret(),
      codeVerifier: randomSecret(),
      next: safeNext(c.req.query('next')),
      organisation: organisation && /^\d{9}$/.test(organisation) ? organisation : null,
      invitation: invitation && /^[A-Za-z0-9_-]{16,128}$/.test(invitation) ? invitation : null,
      acrValues: c.req.query('level') === 'high' ? ['idporten-loa-high'] : national.settings.acrValues,
    };
    let target: URL;
    try {
      target = await national.authorizationUrl({
        redirectUri: `${deps.config.publicUrl}/login/national/callback`,
        ...pending,
      });
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      c.var.logger.warn({ reason: (error as Error).message }, 'national login unavailable');
      return unavailable(c);
    }
    await holdLogin(deps.store.db, {
      binding: browserBinding(c),
      stage: 'redirected',
      state: pending.state,
      payload: pending,
      now: deps.clock.now(),
    });
    return c.redirect(target.href, 303);
  })
  .get('/login/national/callback', async (c) => {
    const national = client(c);
    const { deps } = c.var;
    const state = c.req.query('state');
    const pending = state
      ? await takeLogin<PendingLogin>(
          deps.store.db,
          { state },
          { binding: presentedBinding(c), stage: 'redirected', now: deps.clock.now() },
        )
      : null;
    if (!pending) return failed(c, 400);
    if (c.req.query('error') !== undefined) {
      c.var.logger.info({ error: c.req.query('error') }, 'national login ended at the provider');
      return failed(c, 401);
    }
    const callback = new URL(`${deps.config.publicUrl}/login/national/callback`);
    callback.search = new URL(c.req.url).search;
    let login: VerifiedLogin | null;
    try {
      const tokens = await national.exchange(callback, pending);
      login = verifiedLogin(tokens, { identityKey: deps.identityKey, resources: national.settings.resources });
    } catch (error) {
      if (isUnavailable(error)) return unavailable(c);
      c.var.logger.warn({ reason: refusalReason(error) }, 'national login refused');
      return failed(c, 401);
    }
    if (!login) {
      c.var.logger.warn('national login refused: the ID token has no pid or exp');
      return failed(c, 401);
    }
    if (national.settings.resources.length === 0) return finish(c, login, null, pending.invitation, pending.next);
    if (pending.organisation !== null) {
      if (!login.parties.some((p) => p.orgNumber === pending.organisation)) return refused(c);
      return finish(c, login, pending.organisation, pending.invitation, pending.next);
    }
    const ctx = systemRequestContext(c, 'national login');
    const choices = await organisationChoices(ctx, login, {
      invitationToken: pending.invitation,
      rules: national.settings.rules,
    });
    const [only] = choices;
    if (!only) return noAccess(c);
    if (choices.length === 1) return finish(c, login, only.orgNumber, pending.invitation, pending.next);
    const choosing: Choosing = { login, next: pending.next, invitation: pending.invitation, choices };
    const loginId = await holdLogin(deps.store.db, {
      binding: browserBinding(c),
      stage: 'choosing',
      payload: choosing,
      now: deps.clock.now(),
    });
    // Someone already signed in (logging in again) posts with the session's token, which the CSRF guard checks.
    const token = c.var.csrfToken ?? formToken(c);
    return render(
      c,
      <ChooseOrganisationPage page={pageContext(c)} formToken={token} loginId={loginId} choices={choices} />,
    );
  })
  .post('/login/national/organisation', async (c) => {
    client(c);
    const body = await c.req.parseBody();
    if (c.var.authVia !== 'session') assertFormToken(c, body._csrf);
    const { deps } = c.var;
    const loginId = typeof body.login === 'string' ? body.login : '';
    const held = /^[0-9a-f-]{36}$/.test(loginId)
      ? await takeLogin<Choosing>(
          deps.store.db,
          { id: loginId },
          { binding: presentedBinding(c), stage: 'choosing', now: deps.clock.now() },
        )
      : null;
    if (!held) return failed(c, 400);
    const chosen = typeof body.organisation === 'string' ? body.organisation : '';
    // Only an organisation the provider gave this login: a value changed in the form is refused.
    if (!held.login.parties.some((p) => p.orgNumber === chosen)) return refused(c);
    return finish(c, held.login, chosen, held.invitation, held.next);
  })
  .get('/logged-out', (c) =>
    message(
      c,
      200,
      ({ t }) => ({
        title: t('auth.loggedOutTitle'),
        text: t('auth.loggedOutText'),
        actions: [{ href: '/login', label: t('auth.login') }],
      }),
      'info',
    ),
  )
  .get('/logout/front-channel', async (c) => {
    const national = c.var.deps.nationalLogin;
    const sid = c.req.query('sid');
    const iss = c.req.query('iss');
    if (national && sid && (iss === undefined || sameIssuer(iss, national.settings.issuer)))
      await endProviderSession(systemRequestContext(c, 'front-channel logout'), { sid });
    // The provider shows this in a hidden frame of its own page, so only it may frame it.
    const ancestors = national ? national.formTargets().join(' ') : "'none'";
    c.header('content-security-policy', `default-src 'none'; frame-ancestors ${ancestors}`);
    c.header('cache-control', 'no-store');
    return c.html('<!doctype html><html lang="en"><title>Logged out</title></html>');
  });
