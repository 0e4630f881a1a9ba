import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

function policy(formTargets: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Designsystemet components set a few inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // A form may end at the national login's provider: logging out redirects there.
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * CSP, nosniff, referrer and framing rules on every answer. A route that must be framed (the national login's
 * front-channel logout, framed by its provider) sets its own CSP, and keeps it.
 */
export function securityHeaders(secure: boolean, formTargets: () => readonly string[] = () => []) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) {
      c.header('content-security-policy', policy(formTargets()));
      c.header('x-frame-options', 'DENY');
    }
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('cross-origin-opener-policy', 'same-origin');
    c.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (secure) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
