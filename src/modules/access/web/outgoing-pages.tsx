import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.ts';
import { getOutgoingMessage } from '../../../platform/outgoing/get-outgoing-message.ts';
import {
  formatOutgoingCursor,
  listOutgoingMessages,
  parseOutgoingCursor,
} from '../../../platform/outgoing/list-outgoing-messages.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { requireLogin, serviceContext } from '../../../platform/web/web-kit.ts';
import { type OutgoingKindFilter, OutgoingDetailPage, OutgoingListPage, outgoingKinds } from './outgoing-views.tsx';

const pageSize = 50;

const isKind = (value: string | undefined): value is OutgoingKindFilter =>
  (outgoingKinds as readonly (string | undefined)[]).includes(value);

/** The outgoing-message log: what the jobs sent, or kept back, and where (operators). */
export const outgoingPages = new Hono<AppEnv>()
  .use('/outgoing', requireLogin)
  .use('/outgoing/*', requireLogin)
  .get('/outgoing', async (c) => {
    const requested = c.req.query('kind');
    const kind = isKind(requested) ? requested : undefined;
    // A cursor that does not parse is read as none: the page starts from the newest.
    const before = parseOutgoingCursor(c.req.query('before'));
    const { items, next } = await listOutgoingMessages(serviceContext(c), {
      ...(kind ? { kind } : {}),
      before,
      limit: pageSize,
    });
    const olderQuery = next
      ? new URLSearchParams({ ...(kind ? { kind } : {}), before: formatOutgoingCursor(next) }).toString()
      : null;
    const { config } = c.var.deps;
    return render(
      c,
      <OutgoingListPage
        page={pageContext(c)}
        items={items}
        kind={kind}
        olderHref={olderQuery ? `/outgoing?${olderQuery}` : null}
        paged={before !== null}
        keeping={config.smtpUrl === null && config.environment === 'development'}
      />,
    );
  })
  .get('/outgoing/:id', async (c) => {
    const message = await getOutgoingMessage(serviceContext(c), { id: c.req.param('id') });
    const detail = {
      message,
      headers: JSON.parse(message.headers) as Record<string, string>,
      attachments: JSON.parse(message.attachments) as { filename: string; contentType: string; size: number }[],
    };
    return render(c, <OutgoingDetailPage page={pageContext(c)} detail={detail} />);
  });
