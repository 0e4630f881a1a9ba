import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomSecret } from '../auth/secrets.ts';
import { AppError } from '../services/app-error.ts';
import type { AppEnv } from './env.ts';

/**
 * Forms posted before there is a session (sign-in, accepting an invitation as a new person) carry a token bound to a
 * pre-session cookie (double submit): another site can make a browser post, but can neither read nor set the cookie,
 * so it cannot supply the matching field. Without it, a site could sign a visitor in to the attacker's account.
 */
export const formTokenCookie = 'niva_form';

export function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The browser's pre-session token, issued on first use. */
export function formToken(c: Context<AppEnv>): string {
  const existing = getCookie(c, formTokenCookie);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomSecret();
  setCookie(c, formTokenCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    path: '/',
  });
  return token;
}

/** Refuses a request whose Origin (when the browser sends one) is another site's. */
export function assertSameOrigin(c: Context<AppEnv>, publicOrigin: string): void {
  const origin = c.req.header('origin');
  if (origin && origin !== publicOrigin && origin !== new URL(c.req.url).origin)
    throw new AppError('csrf', 'cross-site request refused');
}

/** Checks a pre-session form: same-site Origin and the `_csrf` field matching the cookie. */
export function assertFormToken(c: Context<AppEnv>, presented: unknown): void {
  assertSameOrigin(c, c.var.deps.config.publicUrl);
  const expected = getCookie(c, formTokenCookie);
  if (typeof presented !== 'string' || !expected || !same(presented, expected))
    throw new AppError('csrf', 'missing or wrong CSRF token');
}
