import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppError } from '../services/app-error.ts';
import { httpStatusOf } from '../services/app-error.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Unavailable',
};

export function problemOf(error: AppError, instance: string, requestId: string | undefined): Problem {
  const status = httpStatusOf[error.code];
  return {
    type: `urn:niva:problem:${error.code}`,
    title: titles[status] ?? 'Error',
    status,
    detail: error.message,
    instance,
    code: error.code,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** RFC 9457 response; `challenge` is the `WWW-Authenticate` of a refused bearer call (`bearer-challenge.ts`). */
export function problemResponse(
  c: Context,
  problem: Problem,
  retryAfterSeconds?: number,
  challenge?: string | null,
): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  if (challenge) headers['www-authenticate'] = challenge;
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, headers);
}

export function internalProblem(instance: string, requestId: string | undefined): Problem {
  return {
    type: 'urn:niva:problem:internal',
    title: titles[500] ?? 'Internal error',
    status: 500,
    detail: 'an unexpected error occurred; the request id identifies it in the log',
    instance,
    code: 'internal',
    ...(requestId ? { requestId } : {}),
  };
}
