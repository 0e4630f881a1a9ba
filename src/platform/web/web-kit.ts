import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type AppError, httpStatusOf, isAppError } from '../services/app-error.ts';
import type { AppEnv } from '../http/env.ts';
import { serviceContext } from '../http/route-kit.ts';
import { assertSafeText } from '../services/parse-input.ts';

/** Web pages need a signed-in user; anonymous visitors go to the login page and come back. */
export const requireLogin = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.actor) {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  return next();
});

export { serviceContext };

export async function formBody(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  // Every form field meets the text rule before any page handler sees it.
  assertSafeText(out);
  return out;
}

export function text(body: Record<string, string | string[]>, key: string): string | undefined {
  const v = body[key];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
}

/** A rejected form is re-rendered only when the operation said which fields were wrong; anything else is an error page. */
export function formProblem(error: unknown): AppError {
  if (isAppError(error) && error.fields.length > 0) return error;
  throw error;
}

export function problemStatus(error: AppError): ContentfulStatusCode {
  return httpStatusOf[error.code] as ContentfulStatusCode;
}
