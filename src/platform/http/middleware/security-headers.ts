import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  // Designsystemet components set a few inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export function securityHeaders(secure: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('content-security-policy', csp);
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'same-origin');
    c.header('cross-origin-opener-policy', 'same-origin');
    c.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (secure) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
