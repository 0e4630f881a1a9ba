import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { compress } from 'hono/compress';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { AppError, isAppError } from '../platform/services/app-error.ts';
import { pendingMigrations } from '../platform/db/migrate.ts';
import type { AppDeps, AppEnv } from '../platform/http/env.ts';
import { authenticate } from '../platform/http/middleware/authenticate.ts';
import { bearerChallenge } from '../platform/http/bearer-challenge.ts';
import { machineTokenKeys } from '../platform/auth/machine-token-keys.ts';
import type { MachineTokenVerifier } from '../platform/auth/verify-machine-token.ts';
import { csrfProtection } from '../platform/http/middleware/csrf.ts';
import { requestContext } from '../platform/http/middleware/request-context.ts';
import { securityHeaders } from '../platform/http/middleware/security-headers.ts';
import { internalProblem, problemOf, problemResponse } from '../platform/http/problem.ts';
import { staticAssets } from '../platform/http/static-assets.ts';
import { authPages } from '../platform/web/auth-pages.tsx';
import { nationalLoginPages } from '../platform/web/national-login-pages.tsx';
import { NationalLoginClient } from '../platform/auth/national/oidc-client.ts';
import type { NavEntry } from '../platform/web/layout.tsx';
import { installComposedMessages, manifests } from './modules.ts';
import { ordered } from './ordered.ts';
import { ErrorPage } from '../platform/web/error-page.tsx';
import { pageContext, render } from '../platform/web/render.tsx';

const apiVersion = '/api/v1';

function wantsProblemJson(c: Context<AppEnv>): boolean {
  return c.req.path.startsWith('/api/') || c.req.path === '/readyz';
}

/** Every API route, mounted under /api/v1: each module's routers, in their order. They join the route-matrix test. */
export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>();
  for (const { router } of ordered(manifests.map((m) => m.api))) api.route('/', router);
  return api;
}

/** The main menu: each module's entries in their order, then the API documentation. */
const navigation: readonly NavEntry[] = [
  ...ordered(manifests.map((m) => m.nav)),
  { href: '/api/docs', label: 'nav.api', action: null },
];

/** One per app, so the issuer's keys are fetched and cached once per process. */
function machineTokenVerifier(
  dependencies: Omit<AppDeps, 'navigation' | 'machineTokens' | 'nationalLogin'>,
): MachineTokenVerifier | null {
  const settings = dependencies.config.machineTokens;
  if (!settings) return null;
  const { outbound, clock, logger } = dependencies;
  return { settings, keys: machineTokenKeys(settings.jwksUrl, { outbound, clock, logger }) };
}

export function createApp(dependencies: Omit<AppDeps, 'navigation' | 'machineTokens' | 'nationalLogin'>) {
  installComposedMessages();
  const { nationalLogin: national } = dependencies.config;
  const nationalLogin = national ? new NationalLoginClient(national, dependencies.clock) : null;
  const deps: AppDeps = {
    ...dependencies,
    navigation,
    machineTokens: machineTokenVerifier(dependencies),
    nationalLogin,
  };
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(deps));
  app.use(
    '*',
    securityHeaders(deps.config.secureCookies, () => nationalLogin?.formTargets() ?? []),
  );
  // File uploads get room for one 10 MiB file and its form; everything else stays within 5 MiB.
  const uploadLimit = bodyLimit({
    maxSize: 11 * 1024 * 1024,
    onError: () => {
      throw AppError.field('file', 'the upload is larger than 10 MiB', 'payload-too-large');
    },
  });
  const bodyLimitDefault = bodyLimit({
    maxSize: 5 * 1024 * 1024,
    onError: () => {
      throw new AppError('payload-too-large', 'the request body is larger than 5 MiB');
    },
  });
  const isUpload = (c: Context): boolean => /\/cases\/[^/]+\/attachments$/.test(c.req.path);
  app.use('*', except(isUpload, bodyLimitDefault));
  app.use(
    '*',
    except((c: Context) => !isUpload(c), uploadLimit),
  );
  app.use('/assets/*', compress());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(deps.store.db);
      const pending = await pendingMigrations(deps.store);
      if (pending.length > 0) return c.json({ status: 'migrations pending', pending }, 503);
      // Reported, not required: sessions and Nivå's own tokens work without the issuer, and the keys already held
      // keep checking machine tokens, so taking the node out of service would only make an outage of it worse.
      const keys = deps.machineTokens?.keys.state();
      // The login provider is reported, not required: when it is down, sessions and API tokens still work.
      const issuer = nationalLogin ? { issuer: (await nationalLogin.reachable()) ? 'reachable' : 'unreachable' } : {};
      return c.json({
        status: 'ready',
        dialect: deps.store.dialect,
        ...issuer,
        ...(keys ? { machineTokenIssuer: keys.issuer } : {}),
      });
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'database unreachable' }, 503);
    }
  });
  app.get('/metrics', async (c) => {
    c.header('content-type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });
  app.route('/', staticAssets());

  app.use('*', authenticate());
  app.use('*', csrfProtection(new URL(deps.config.publicUrl).origin));

  const api = apiRoutes();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      "An API token (niva_…) or, where an issuer is configured, a Maskinporten-style access token (a JWT for the consumer's organisation)",
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'niva_session',
    description: 'Browser session; mutations also need X-CSRF-Token',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Nivå API',
      version: '1',
      description: 'Service management for the shared platform. Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: apiVersion }],
  });
  app.route(apiVersion, api);

  app.route('/', authPages);
  app.route('/', nationalLoginPages);
  for (const { router } of ordered(manifests.map((m) => m.pages))) app.route('/', router);

  app.notFound((c) => {
    if (wantsProblemJson(c))
      return problemResponse(
        c,
        problemOf(new AppError('not-found', `no route ${c.req.method} ${c.req.path}`), c.req.path, c.var.requestId),
      );
    return render(c, <ErrorPage page={pageContext(c)} status={404} />, 404);
  });

  app.onError((caught, c) => {
    // Hono's own parsers report malformed bodies as HTTPException 400; treat them as invalid input.
    const error =
      caught instanceof HTTPException && caught.status === 415
        ? AppError.field(
            'content-type',
            `${c.req.header('content-type') ?? '(none)'} is not accepted here; see the API documentation for the media types`,
            'unsupported-media-type',
          )
        : caught instanceof HTTPException && caught.status < 500
          ? new AppError(caught.status === 413 ? 'payload-too-large' : 'validation', `(body): ${caught.message}`, {
              fields: [{ field: '(body)', message: caught.message }],
            })
          : caught;
    if (isAppError(error)) {
      const problem = problemOf(error, c.req.path, c.var.requestId);
      if (wantsProblemJson(c)) return problemResponse(c, problem, error.retryAfterSeconds, bearerChallenge(c, error));
      // An upload over the body limit is refused before anyone is signed in; the case page says why.
      const upload =
        error.code === 'payload-too-large' ? /^\/cases\/([A-Za-z0-9-]+)\/attachments$/.exec(c.req.path) : null;
      if (upload) return c.redirect(`/cases/${upload[1]}?upload=too-large`, 303);
      if (error.code === 'unauthenticated') return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
      const page = pageContext(c);
      const message =
        error.code === 'csrf'
          ? page.t('error.csrf')
          : error.code === 'not-found' || error.code === 'forbidden'
            ? undefined
            : error.message;
      return render(
        c,
        <ErrorPage page={page} status={problem.status} {...(message ? { message } : {})} />,
        problem.status as 400,
      );
    }
    (c.var.logger ?? deps.logger).error({ err: error, path: c.req.path }, 'unhandled error');
    if (wantsProblemJson(c)) return problemResponse(c, internalProblem(c.req.path, c.var.requestId));
    return render(c, <ErrorPage page={pageContext(c)} status={500} />, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
