import type { Context } from 'hono';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { translator } from '../i18n/messages.ts';
import type { PageContext } from './layout.tsx';
import type { AppEnv } from '../http/env.ts';

export function pageContext(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  return {
    t: translator(c.var.locale),
    locale: c.var.locale,
    actor: c.var.actor,
    csrfToken: c.var.csrfToken,
    path: url.pathname,
    query: url.searchParams.toString(),
    requestId: c.var.requestId,
    navigation: c.var.deps.navigation,
  };
}

export function render(c: Context<AppEnv>, element: ReactElement, status: ContentfulStatusCode = 200): Response {
  c.header('cache-control', 'no-store');
  return c.html(`<!doctype html>${renderToString(element)}`, status);
}
