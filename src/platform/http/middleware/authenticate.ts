import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isLocale } from '../../i18n/messages.ts';
import { resolveSession } from '../../auth/sessions.ts';
import { authenticateApiToken } from '../../auth/authenticate-api-token.ts';
import { authenticateMachineToken } from '../../auth/authenticate-machine-token.ts';
import { bearerKind } from '../../auth/bearer-kind.ts';
import type { Actor } from '../../services/actor.ts';
import { AppError } from '../../services/app-error.ts';
import type { AppDeps, AppEnv } from '../env.ts';

export const sessionCookie = 'niva_session';
export const localeCookie = 'niva_lang';

/**
 * A JWT goes to the machine-token issuer's check when one is configured (which throws its own reason); everything
 * else is looked up as Nivå's own API token.
 */
async function bearerActor(deps: AppDeps, credential: string): Promise<Actor | null> {
  const { store, clock, machineTokens } = deps;
  if (machineTokens && bearerKind(credential) === 'jwt')
    return authenticateMachineToken(store.db, machineTokens, credential, clock.now());
  return authenticateApiToken(store.db, credential, clock.now());
}

/** Resolves `Authorization: Bearer` or the session cookie to an actor; neither is required here. */
export function authenticate() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { store, clock, config } = c.var.deps;
    const authorization = c.req.header('authorization');
    if (authorization) {
      const credential = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const actor = credential ? await bearerActor(c.var.deps, credential) : null;
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
