import type { Context } from 'hono';
import type { AppError } from '../services/app-error.ts';
import type { AppEnv } from './env.ts';

// A header value is bytes; the description is ours, but keep it to what any client can read and quote.
function quoted(text: string): string {
  return text.replace(/[^\x20-\x7e]|["\\]/g, '');
}

/**
 * The `WWW-Authenticate` challenge of a refused call that sent credentials in `Authorization` (RFC 6750 §3):
 * `invalid_token` when they were refused, `insufficient_scope` when a token was accepted but its scopes do not allow
 * the operation. Null for every other answer, and for sessions and anonymous callers.
 */
export function bearerChallenge(c: Context<AppEnv>, error: AppError): string | null {
  if (c.req.header('authorization') === undefined) return null;
  if (error.code === 'unauthenticated')
    return `Bearer error="invalid_token", error_description="${quoted(error.message)}"`;
  if (error.code === 'forbidden' && c.var.authVia === 'token')
    return `Bearer error="insufficient_scope", error_description="${quoted(error.message)}"`;
  return null;
}
