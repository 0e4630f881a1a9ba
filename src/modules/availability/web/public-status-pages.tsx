import type { Context } from 'hono';
import { Hono } from 'hono';
import { translator } from '../../../platform/i18n/messages.ts';
import { statusSummary } from '../services/status-summary.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { PublicStatusPage } from './public-status-view.tsx';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { atomFeed, maintenanceCalendar, statusJson } from './status-feeds.ts';

/**
 * The public status page and its feeds. None of them needs a signed-in user: the summary holds only what is published
 * on purpose, so these routes neither use `requireLogin` nor pass the actor to the service.
 */

// Feeds are polled; a short shared cache spares the database without letting news go stale.
const feedCache = 'public, max-age=60';

function summaryOf(c: Context<AppEnv>) {
  const { store, clock, calendars } = c.var.deps;
  return statusSummary({ db: store.db, clock, calendars }, { days: 90 });
}

function baseUrl(c: Context<AppEnv>): string {
  return c.var.deps.config.publicUrl.replace(/\/+$/, '');
}

export const publicStatusPages = new Hono<AppEnv>()
  .get('/status', async (c) => render(c, <PublicStatusPage page={pageContext(c)} summary={await summaryOf(c)} />))
  .get('/status.json', async (c) => {
    const body = statusJson(await summaryOf(c), `${baseUrl(c)}/status`);
    // Other sites embed the status, so any origin may read it; it holds nothing that is not on the public page.
    c.header('access-control-allow-origin', '*');
    c.header('cache-control', feedCache);
    return c.json(body);
  })
  .get('/status/feed.atom', async (c) => {
    const xml = atomFeed(await summaryOf(c), translator(c.var.locale), c.var.locale, baseUrl(c));
    c.header('cache-control', feedCache);
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  })
  .get('/status/maintenance.ics', async (c) => {
    const ics = maintenanceCalendar(await summaryOf(c), translator(c.var.locale), c.var.locale, baseUrl(c));
    c.header('cache-control', feedCache);
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="maintenance.ics"',
    });
  });
