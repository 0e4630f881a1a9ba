import type { ReactNode } from 'react';
import { Alert, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { CaseEventType } from '../domain/case-types.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import type { CaseAgent } from '../services/list-case-agents.ts';
import type { CaseEventItem, CaseView } from './case-model.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import { FactList } from '../../../platform/web/fact-list.tsx';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { AgentActions, AttachForm, ClosedNotice, CommentForm, type FailedForm } from './case-action-forms.tsx';
import {
  channelLabel,
  ClockTag,
  eventLabel,
  clockDue,
  clockLeft,
  formatBytes,
  formatTimeLeft,
  kindLabel,
  PausedTag,
  policyLabel,
  statusLabel,
  textOr,
} from './case-display.tsx';

export interface CasePageView {
  page: PageContext;
  detail: CaseView;
  /** The reader may comment and attach files (the service desk, or staff of the owning organisation). */
  mayReport: boolean;
  works: boolean;
  actions: readonly CaseEventType[];
  agents: CaseAgent[];
  done: string | undefined;
  failed: FailedForm | undefined;
}

function Facts({ detail, t, locale }: { detail: CaseView; t: Translate; locale: PageContext['locale'] }) {
  const facts: [string, ReactNode][] = [];
  const add = (term: string, value: ReactNode) => facts.push([term, value]);
  add(t('case.owner'), detail.organisationName ?? t('case.platformWide'));
  add(t('case.kind'), kindLabel(detail.kind, t));
  if (detail.category) add(t('case.category'), t(`case.category.${detail.category}` as MessageKey));
  add(
    t('case.status'),
    <>
      {statusLabel(detail.status, t)} {detail.paused && <PausedTag t={t} />}
    </>,
  );
  add(t('case.channel'), channelLabel(detail.channel, t));
  if (detail.serviceName !== null) add(t('case.service'), detail.serviceName);
  if (detail.componentName !== null) add(t('case.component'), detail.componentName);
  add(t('case.reporter'), detail.reporter);
  add(t('case.registeredAt'), formatInstant(detail.registeredAt, locale));
  add(t('case.assignee'), detail.assignee?.name ?? t('case.unassigned'));
  if (detail.resolvedAt !== null) add(t('case.resolvedAt'), formatInstant(detail.resolvedAt, locale));
  if (detail.closedAt !== null) add(t('case.closedAt'), formatInstant(detail.closedAt, locale));
  return <FactList facts={facts} />;
}

function Clocks({ detail, t, locale }: { detail: CaseView; t: Translate; locale: PageContext['locale'] }) {
  const relevant = detail.clocks.filter((c) => c.state !== 'not-applicable');
  if (relevant.length === 0) return <Paragraph>{t('case.noClocks')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('case.deadlines')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('case.policy')}</Table.HeaderCell>
          <Table.HeaderCell>{t('case.due')}</Table.HeaderCell>
          <Table.HeaderCell>{t('case.remaining')}</Table.HeaderCell>
          <Table.HeaderCell>{t('case.state')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {relevant.map((c) => (
          <Table.Row key={c.policyId} data-policy={c.policyId}>
            <Table.Cell>
              {`${c.clause} ${policyLabel(c.policyId, t)}`} <code className="niva-subtle">{c.policyId}</code>
              {c.atRiskWithin !== null && (
                <span className="niva-subtle niva-block">
                  {t('case.atRiskWithin', { time: formatTimeLeft(c.atRiskWithin, t) })}
                </span>
              )}
            </Table.Cell>
            <Table.Cell>{clockDue(c, t, locale, detail.at) ?? '–'}</Table.Cell>
            <Table.Cell>{clockLeft(c, t) ?? '–'}</Table.Cell>
            <Table.Cell>
              <ClockTag state={c.state} kind={c.kind} t={t} /> {c.paused && <PausedTag t={t} />}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** What became of the resolution e-mail, for the service desk: the usual way the feedback duty is met. */
function NoticeState({ detail, t, locale }: { detail: CaseView; t: Translate; locale: PageContext['locale'] }) {
  const notice = detail.resolutionNotice;
  if (!notice) return null;
  const owed = detail.clocks.some((c) => c.kind === 'follow-up' && c.state === 'at-risk');
  const when = formatInstant(notice.at, locale);
  const text =
    notice.state === 'sent'
      ? t('case.notice.sent', { when })
      : notice.state === 'pending'
        ? t('case.notice.pending', { when })
        : notice.state === 'no-address'
          ? t('case.notice.noAddress')
          : t(notice.state === 'dead' ? 'case.notice.dead' : 'case.notice.failing', {
              attempts: notice.attempts,
              error: notice.error ?? '–',
            });
  const colour = notice.state === 'sent' ? 'success' : notice.state === 'pending' ? 'info' : 'warning';
  return (
    <Alert data-color={colour} data-notice-state={notice.state} role={colour === 'warning' ? 'alert' : 'status'}>
      <Paragraph data-size="sm">{text}</Paragraph>
      {owed && colour === 'warning' && <Paragraph data-size="sm">{t('case.notice.giveOtherWay')}</Paragraph>}
    </Alert>
  );
}

function EventDetail({
  event,
  detail,
  agents,
  t,
}: {
  event: CaseEventItem;
  detail: CaseView;
  agents: CaseAgent[];
  t: Translate;
}) {
  if ((event.type === 'reclassified' || event.type === 'registered') && event.category)
    return <Paragraph data-size="sm">{t('case.categoryValue', { category: event.category })}</Paragraph>;
  if (event.type === 'assigned') {
    const assignee = event.assigneeId;
    if (assignee === null) return <Paragraph data-size="sm">{t('case.event.unassigned')}</Paragraph>;
    const name =
      agents.find((a) => a.id === assignee)?.name ?? (detail.assignee?.id === assignee ? detail.assignee.name : null);
    return name ? <Paragraph data-size="sm">{name}</Paragraph> : null;
  }
  if (event.type === 'feedback-given' && event.channel)
    return (
      <Paragraph data-size="sm">
        {t('case.feedbackVia', { channel: textOr(t, `case.feedbackChannel.${event.channel}`, event.channel) })}
      </Paragraph>
    );
  if (event.type === 'attachment-added') {
    const file = detail.attachments.find((a) => a.id === event.attachmentId);
    return file ? (
      <Paragraph data-size="sm">
        <Link href={`/cases/${detail.reference}/attachments/${file.id}`}>{file.fileName}</Link>
      </Paragraph>
    ) : null;
  }
  return null;
}

function Timeline({
  detail,
  agents,
  t,
  locale,
}: {
  detail: CaseView;
  agents: CaseAgent[];
  t: Translate;
  locale: PageContext['locale'];
}) {
  return (
    <ol className="niva-timeline">
      {detail.events.map((e) => (
        <li
          key={e.id}
          className={
            e.visibility === 'internal' ? 'niva-timeline__item niva-timeline__item--internal' : 'niva-timeline__item'
          }
          data-event={e.type}
          data-visibility={e.visibility}
        >
          <p className="niva-timeline__head">
            <strong>{eventLabel(e.type, t)}</strong>{' '}
            {e.visibility === 'internal' && (
              <Tag data-color="warning" data-size="sm">
                {t('case.internal')}
              </Tag>
            )}{' '}
            <time dateTime={new Date(e.at).toISOString()}>{formatInstant(e.at, locale)}</time>{' '}
            <span className="niva-subtle">{t('case.by', { name: e.actorLabel })}</span>
          </p>
          <EventDetail event={e} detail={detail} agents={agents} t={t} />
          {e.body && e.type !== 'attachment-added' && <p className="niva-prewrap">{e.body}</p>}
        </li>
      ))}
    </ol>
  );
}

function Attachments({ detail, t, locale }: { detail: CaseView; t: Translate; locale: PageContext['locale'] }) {
  if (detail.attachments.length === 0) return <Paragraph>{t('case.noAttachments')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('case.attachments')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('case.attachment.name')}</Table.HeaderCell>
          <Table.HeaderCell>{t('case.attachment.type')}</Table.HeaderCell>
          <Table.HeaderCell className="niva-num">{t('case.attachment.size')}</Table.HeaderCell>
          <Table.HeaderCell>{t('case.attachment.added')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {detail.attachments.map((a) => (
          <Table.Row key={a.id}>
            <Table.Cell>
              <Link href={`/cases/${detail.reference}/attachments/${a.id}`}>{a.fileName}</Link>{' '}
              {a.visibility === 'internal' && (
                <Tag data-color="warning" data-size="sm">
                  {t('case.internal')}
                </Tag>
              )}
            </Table.Cell>
            <Table.Cell>
              <code>{a.contentType}</code>
            </Table.Cell>
            <Table.Cell className="niva-num">{formatBytes(a.sizeBytes, locale)}</Table.Cell>
            <Table.Cell>{formatInstant(a.createdAt, locale)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

const doneText: Record<string, MessageKey> = {
  created: 'case.done.created',
  event: 'case.done.event',
  attached: 'case.done.attached',
};

export function CasePage({ page, detail, mayReport, works, actions, agents, done, failed }: CasePageView) {
  const { t, locale } = page;
  const open = detail.closedAt === null;
  const { criteria } = detail;
  const doneKey = done ? doneText[done] : undefined;
  // A rejected action that the case no longer offers (another agent got there first) still gets its message shown.
  const shownForms: readonly string[] = open
    ? [...(works ? actions : []), ...(mayReport ? ['commented', 'attach'] : [])]
    : [];
  const orphan = failed && !shownForms.includes(failed.form) ? failed : undefined;
  return (
    <Layout page={page} title={`${detail.reference}: ${detail.title}`}>
      <Paragraph data-size="sm">
        <Link href="/cases">{t('case.queue.title')}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {`${detail.reference}: ${detail.title}`}
      </Heading>
      {doneKey && (
        <Alert data-color="success" role="status">
          {t(doneKey)}
        </Alert>
      )}
      {orphan && (
        <Alert data-color="danger" role="alert">
          {Object.values(orphan.errors).join(' ')}
        </Alert>
      )}
      <Facts detail={detail} t={t} locale={locale} />
      {criteria.length > 0 && (
        <section aria-labelledby="case-criteria">
          <Heading level={2} data-size="sm" id="case-criteria">
            {t('case.criteria')}
          </Heading>
          <ul>
            {criteria.map((c) => (
              <li key={c}>{textOr(t, `case.criterion.${c}`, c)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="case-description">
        <Heading level={2} data-size="sm" id="case-description">
          {t('case.description')}
        </Heading>
        <p className="niva-prewrap">{detail.description || t('case.noDescription')}</p>
      </section>
      <section aria-labelledby="case-clocks">
        <Heading level={2} data-size="md" id="case-clocks">
          {t('case.deadlines')}
        </Heading>
        <Clocks detail={detail} t={t} locale={locale} />
        <NoticeState detail={detail} t={t} locale={locale} />
      </section>
      <section aria-labelledby="case-timeline">
        <Heading level={2} data-size="md" id="case-timeline">
          {t('case.timeline')}
        </Heading>
        <Timeline detail={detail} agents={agents} t={t} locale={locale} />
      </section>
      <section aria-labelledby="case-attachments">
        <Heading level={2} data-size="md" id="case-attachments">
          {t('case.attachments')}
        </Heading>
        <Attachments detail={detail} t={t} locale={locale} />
      </section>
      {!open && <ClosedNotice t={t} />}
      {open && works && actions.length > 0 && (
        <AgentActions
          page={page}
          reference={detail.reference}
          actions={actions}
          agents={agents}
          category={detail.category}
          assigneeId={detail.assigneeId}
          failed={failed}
        />
      )}
      {open && mayReport && <CommentForm page={page} reference={detail.reference} works={works} failed={failed} />}
      {open && mayReport && <AttachForm page={page} reference={detail.reference} works={works} failed={failed} />}
    </Layout>
  );
}
