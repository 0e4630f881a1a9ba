import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isLocale } from '../../i18n/messages.ts';
import { resolveSession } from '../../auth/sessions.ts';
import { authenticateApiToken } from '../../auth/authenticate-api-token.ts';
import { AppError } from '../../services/app-error.ts';
import type { AppEnv } from '../env.ts';

export const sessionCookie = 'niva_session';
export const localeCookie = 'niva_lang';

/** Resolves `Authorization: Bearer` or the session cookie to an actor; neither is required here. */
export function authenticate() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { store, clock, config } = c.var.deps;
    const authorization = c.req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match?.[1] ? await authenticateApiToken(store.db, match[1], clock.now()) : null;
      if (!actor) throw new AppError('unauthenticated', 'the bearer token is unknown, revoked or expired');
      c.set('actor', actor);
      c.set('authVia', 'token');
    } else {
      const token = getCookie(c, sessionCookie);
      const levels = config.nationalLogin?.roleAcr ?? null;
      const session = token ? await resolveSession(store.db, token, clock.now(), config.sessionTtlMs, levels) : null;
      if (session && token) {
        c.set('actor', session.actor);
        c.set('authVia', 'session');
        c.set('sessionToken', token);
        c.set('csrfToken', session.csrfToken);
      }
    }
    const chosen = c.req.query('lang');
    if (isLocale(chosen)) {
      // An explicit switch is remembered for later pages.
      setCookie(c, localeCookie, chosen, {
        path: '/',
        sameSite: 'Lax',
        maxAge: 365 * 86_400,
        secure: config.secureCookies,
      });
      c.set('locale', chosen);
    } else {
      const remembered = getCookie(c, localeCookie);
      if (isLocale(remembered)) c.set('locale', remembered);
    }
    await next();
  });
}
