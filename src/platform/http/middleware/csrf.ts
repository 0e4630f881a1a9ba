import { createMiddleware } from 'hono/factory';
import { AppError } from '../../services/app-error.ts';
import type { AppEnv } from '../env.ts';
import { assertSameOrigin, same } from '../form-token.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated mutations must carry the session's token (form field `_csrf` or header `X-CSRF-Token`)
 * and, when the browser sends one, an Origin of this site. Bearer-token calls are exempt: browsers never add them.
 */
export function csrfProtection(publicOrigin: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (safeMethods.has(c.req.method) || c.var.authVia !== 'session') return next();
    assertSameOrigin(c, publicOrigin);
    let presented = c.req.header('x-csrf-token');
    if (!presented) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody();
        presented = typeof body._csrf === 'string' ? body._csrf : undefined;
      }
    }
    const expected = c.var.csrfToken;
    if (!presented || !expected || !same(presented, expected))
      throw new AppError('csrf', 'missing or wrong CSRF token');
    return next();
  });
}
