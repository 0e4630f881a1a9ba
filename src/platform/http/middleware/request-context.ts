import { randomUUID } from 'node:crypto';
import { matchedRoutes } from 'hono/route';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../env.ts';

const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

/** Request id (accepting a sane inbound X-Request-Id), a child logger, access log and latency metric. */
export function requestContext(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const inbound = c.req.header('x-request-id');
    const requestId = inbound && acceptableRequestId.test(inbound) ? inbound : randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('actor', null);
    c.set('authVia', null);
    c.set('sessionToken', null);
    c.set('csrfToken', null);
    c.set('locale', 'nb');
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    const seconds = (performance.now() - started) / 1000;
    // The handler is the first matched non-middleware route; label by its pattern to keep metric cardinality bounded.
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
    deps.metrics.httpDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    logger.info(
      { method: c.req.method, path: c.req.path, route, status: c.res.status, ms: Math.round(seconds * 1000) },
      'request',
    );
  });
}
