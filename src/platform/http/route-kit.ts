import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../services/app-error.ts';
import { assertSafeText, validationError } from '../services/parse-input.ts';
import { systemActor, type Actor } from '../services/actor.ts';
import type { ServiceContext } from '../services/context.ts';
import type { AppEnv } from './env.ts';
import { ProblemSchema } from './presenting.ts';

/** A router whose request validation failures become `validation` problems naming each field. */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
      // Every route's JSON, query and path values meet the text rule, whether or not its operation parses them again.
      assertSafeText(result.data);
    },
  });
}

/** The operation context of a request, acting as `actor`. */
export function requestContext(c: Context<AppEnv>, actor: Actor): ServiceContext {
  const { store, clock, calendars, config } = c.var.deps;
  return {
    db: store.db,
    dialect: store.dialect,
    clock,
    calendars,
    limits: config.limits,
    actor,
    requestId: c.var.requestId,
  };
}

/** The operation context for an authenticated request; anonymous callers get 401. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const actor = c.var.actor;
  if (!actor) throw new AppError('unauthenticated', 'log in or send Authorization: Bearer <token>');
  return requestContext(c, actor);
}

/**
 * The context of a request nobody is signed in for, whose credential is something else (a signed link, an invitation
 * token, a push token): the operation acts as the system, under `label` in the audit log.
 */
export function systemRequestContext(c: Context<AppEnv>, label: string): ServiceContext {
  return requestContext(c, systemActor(label));
}

const problem = { content: { 'application/problem+json': { schema: ProblemSchema } } };
export const errorResponses = {
  400: { description: 'Invalid input; `errors` names each field', ...problem },
  401: { description: 'Not authenticated', ...problem },
  403: { description: 'Not allowed', ...problem },
  404: { description: 'Not found (or not visible to the caller)', ...problem },
  409: { description: 'Conflicts with existing data', ...problem },
} as const;

export const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
