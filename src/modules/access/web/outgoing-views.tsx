import type { ReactNode } from 'react';
import { Alert, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { OutgoingMessage, OutgoingOutcome } from '../../../platform/db/schema.ts';
import { intlLocale, type Locale, type Translate } from '../../../platform/i18n/messages.ts';
import type { OutgoingMessageSummary } from '../../../platform/outgoing/list-outgoing-messages.ts';
import { FactList } from '../../../platform/web/fact-list.tsx';
import { formatInstant } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';

export const outgoingKinds = ['email', 'webhook'] as const;
export type OutgoingKindFilter = (typeof outgoingKinds)[number];

const detailPath = (id: string): string => `/outgoing/${encodeURIComponent(id)}`;

const outcomeColor: Record<OutgoingOutcome, 'info' | 'success' | 'danger' | 'warning'> = {
  kept: 'info',
  delivered: 'success',
  failed: 'danger',
  refused: 'warning',
};

function Instant({ ms, locale }: { ms: number; locale: Locale }) {
  return <time dateTime={new Date(ms).toISOString()}>{formatInstant(ms, locale)}</time>;
}

function Outcome({ outcome, status, t }: { outcome: OutgoingOutcome; status: number | null; t: Translate }) {
  return (
    <Tag data-color={outcomeColor[outcome]} data-size="sm">
      {status === null ? t(`outgoing.outcome.${outcome}`) : `${t(`outgoing.outcome.${outcome}`)} (${status})`}
    </Tag>
  );
}

const subjectOf = (m: Pick<OutgoingMessageSummary, 'subject'>, t: Translate): string =>
  m.subject || t('outgoing.noSubject');

export function OutgoingListPage({
  page,
  items,
  kind,
  olderHref,
  paged,
  keeping,
}: {
  page: PageContext;
  items: OutgoingMessageSummary[];
  kind: OutgoingKindFilter | undefined;
  /** The next page's address, when there are older messages. */
  olderHref: string | null;
  /** Whether this is a later page, so the newest can be reached again. */
  paged: boolean;
  /** Whether this process keeps e-mail instead of sending it. */
  keeping: boolean;
}) {
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('outgoing.title')}>
      <Heading level={1} data-size="lg">
        {t('outgoing.title')}
      </Heading>
      <Paragraph>{t('outgoing.intro')}</Paragraph>
      {keeping && <Alert data-color="info">{t('outgoing.keeping')}</Alert>}
      <nav aria-label={t('outgoing.kind')} className="niva-filters">
        <a href="/outgoing" aria-current={kind === undefined ? 'page' : undefined}>
          {t('common.all')}
        </a>
        {outgoingKinds.map((k) => (
          <a key={k} href={`/outgoing?kind=${k}`} aria-current={kind === k ? 'page' : undefined}>
            {t(`outgoing.kind.${k}`)}
          </a>
        ))}
      </nav>
      {items.length === 0 ? (
        <Paragraph>{t('outgoing.none')}</Paragraph>
      ) : (
        <div className="niva-table-scroll">
          <Table data-size="sm" zebra>
            <caption className="ds-sr-only">{t('outgoing.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('outgoing.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('outgoing.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('outgoing.to')}</Table.HeaderCell>
                <Table.HeaderCell>{t('outgoing.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('outgoing.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('outgoing.job')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((m) => (
                <Table.Row key={m.id} data-outgoing={m.id}>
                  <Table.Cell>
                    <Instant ms={m.created_at} locale={locale} />
                  </Table.Cell>
                  <Table.Cell>{t(`outgoing.kind.${m.kind}`)}</Table.Cell>
                  <Table.Cell className="niva-wrap">{m.target}</Table.Cell>
                  <Table.Cell className="niva-wrap">
                    <Link href={detailPath(m.id)}>{subjectOf(m, t)}</Link>
                  </Table.Cell>
                  <Table.Cell>
                    <Outcome outcome={m.outcome} status={m.response_status} t={t} />
                  </Table.Cell>
                  <Table.Cell>{m.job_kind ? <code>{m.job_kind}</code> : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {(olderHref || paged) && (
        <nav aria-label={t('outgoing.title')} className="niva-filters">
          {paged && <a href={kind ? `/outgoing?kind=${kind}` : '/outgoing'}>{t('outgoing.newest')}</a>}
          {olderHref && <a href={olderHref}>{t('outgoing.older')}</a>}
        </nav>
      )}
    </Layout>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function Pre({ text }: { text: string }) {
  return <pre className="niva-prewrap niva-wrap">{text}</pre>;
}

/** A JSON body laid out to be read; anything else (or JSON cut short by the log's bound) as it came. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function formatSize(bytes: number, locale: Locale): string {
  const kib = bytes / 1024;
  return kib < 1
    ? `${new Intl.NumberFormat(intlLocale[locale]).format(bytes)} B`
    : `${new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(kib)} KiB`;
}

export interface OutgoingDetail {
  message: OutgoingMessage;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; size: number }[];
}

function EmailBody({ detail, t, locale }: { detail: OutgoingDetail; t: Translate; locale: Locale }) {
  const { message, attachments } = detail;
  return (
    <>
      <Section id="outgoing-text" title={t('outgoing.text')}>
        {message.body ? <Pre text={message.body} /> : <Paragraph>{t('outgoing.noText')}</Paragraph>}
      </Section>
      {message.html && (
        <Section id="outgoing-html" title={t('outgoing.html')}>
          {/* An empty sandbox: the e-mail's HTML runs no script, submits no form and reaches nothing of this site. */}
          <iframe sandbox="" srcDoc={message.html} title={t('outgoing.htmlFrame')} className="niva-mail-frame" />
          <details>
            <summary>{t('outgoing.htmlSource')}</summary>
            <Pre text={message.html} />
          </details>
        </Section>
      )}
      {attachments.length > 0 && (
        <Section id="outgoing-attachments" title={t('outgoing.attachments')}>
          <div className="niva-table-scroll">
            <Table data-size="sm" zebra>
              <caption className="ds-sr-only">{t('outgoing.attachments')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('outgoing.attachment.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('outgoing.attachment.type')}</Table.HeaderCell>
                  <Table.HeaderCell className="niva-num">{t('outgoing.attachment.size')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {attachments.map((a, i) => (
                  <Table.Row key={`${i}-${a.filename}`}>
                    <Table.Cell className="niva-wrap">{a.filename}</Table.Cell>
                    <Table.Cell>
                      <code>{a.contentType}</code>
                    </Table.Cell>
                    <Table.Cell className="niva-num">{formatSize(a.size, locale)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </Section>
      )}
    </>
  );
}

function WebhookExchange({ message, t }: { message: OutgoingMessage; t: Translate }) {
  return (
    <>
      <Section id="outgoing-request" title={t('outgoing.request')}>
        {message.body ? <Pre text={readable(message.body)} /> : <Paragraph>{t('outgoing.noText')}</Paragraph>}
      </Section>
      <Section id="outgoing-response" title={t('outgoing.response')}>
        {message.response_status === null ? (
          <Paragraph>{t('outgoing.noResponse')}</Paragraph>
        ) : message.response_body ? (
          <Pre text={readable(message.response_body)} />
        ) : (
          <Paragraph>{t('outgoing.noResponseBody')}</Paragraph>
        )}
      </Section>
    </>
  );
}

export function OutgoingDetailPage({ page, detail }: { page: PageContext; detail: OutgoingDetail }) {
  const { t, locale } = page;
  const { message, headers } = detail;
  const email = message.kind === 'email';
  const title = email ? subjectOf(message, t) : (message.subject ?? message.target);
  const facts: [string, ReactNode][] = [
    [t('outgoing.kind'), t(`outgoing.kind.${message.kind}`)],
    [
      t('outgoing.to'),
      <span key="to" className="niva-wrap">
        {message.target}
      </span>,
    ],
  ];
  if (!email && message.subject) facts.push([t('outgoing.eventType'), <code key="type">{message.subject}</code>]);
  facts.push(
    [t('outgoing.time'), <Instant key="time" ms={message.created_at} locale={locale} />],
    [t('outgoing.outcome'), <Outcome key="outcome" outcome={message.outcome} status={null} t={t} />],
  );
  if (message.response_status !== null) facts.push([t('outgoing.responseStatus'), String(message.response_status)]);
  if (message.error)
    facts.push([
      t('outgoing.error'),
      <span key="error" className="niva-wrap">
        {message.error}
      </span>,
    ]);
  if (message.job_kind)
    facts.push([
      t('outgoing.job'),
      <span key="job" className="niva-wrap">
        <code>{message.job_kind}</code> {message.job_id ?? ''}
      </span>,
    ]);
  const headerFacts = Object.entries(headers).map(
    ([name, value]) =>
      [
        name,
        <span key={name} className="niva-wrap">
          {value}
        </span>,
      ] as const,
  );
  return (
    <Layout page={page} title={title}>
      <Paragraph data-size="sm">
        <Link href="/outgoing">{t('outgoing.title')}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg" className="niva-wrap">
        {title}
      </Heading>
      <FactList facts={facts} />
      {headerFacts.length > 0 && (
        <Section id="outgoing-headers" title={t('outgoing.headers')}>
          <FactList facts={headerFacts} />
        </Section>
      )}
      {email ? <EmailBody detail={detail} t={t} locale={locale} /> : <WebhookExchange message={message} t={t} />}
    </Layout>
  );
}
