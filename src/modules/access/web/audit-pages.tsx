import { Hono } from 'hono';
import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { can } from '../../../platform/services/actor.ts';
import { listAuditEvents } from '../../../platform/audit/list-audit-events.ts';
import { type ChainReport, verifyAuditChain } from '../../../platform/audit/verify-audit-chain.ts';
import { retryDeadJob } from '../../../platform/jobs/retry-dead-job.ts';
import { jobCounts, listJobs } from '../../../platform/jobs/list-jobs.ts';
import { type AuditEntry, type JobItem, type JobStatus, presentAuditEntry, presentJobItem } from './access-model.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import { CsrfField, Layout, type PageContext } from '../../../platform/web/layout.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { requireLogin, serviceContext } from '../../../platform/web/web-kit.ts';

const pageSize = 50;

function AuditPage({
  page,
  events,
  report,
  canVerify,
}: {
  page: PageContext;
  events: AuditEntry[];
  report: ChainReport | null;
  canVerify: boolean;
}) {
  const { t, locale } = page;
  const last = events.at(-1);
  return (
    <Layout page={page} title={t('audit.title')}>
      <Heading level={1} data-size="lg">
        {t('audit.title')}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      {canVerify && !report && (
        <Paragraph>
          <Link href="/audit?verify=1">{t('audit.verify')}</Link>
        </Paragraph>
      )}
      {report &&
        (report.ok ? (
          <Alert data-color="success">{t('audit.verifyOk', { count: report.checked })}</Alert>
        ) : (
          <Alert data-color="danger">
            {t('audit.verifyFail', { seq: report.fault?.seq ?? 0, kind: report.fault?.kind ?? '' })}
          </Alert>
        ))}
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell className="niva-num">{t('audit.seq')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.time')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.actor')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.subject')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.summary')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((e) => (
            <Table.Row key={e.seq}>
              <Table.Cell className="niva-num">{e.seq}</Table.Cell>
              <Table.Cell>{formatInstant(e.at, locale)}</Table.Cell>
              <Table.Cell>{e.actorLabel}</Table.Cell>
              <Table.Cell>
                <code>{e.action}</code>
              </Table.Cell>
              <Table.Cell>{e.subjectType}</Table.Cell>
              <Table.Cell className="niva-summary">{e.summary}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {last && events.length === pageSize && (
        <Paragraph>
          <Link href={`/audit?before=${last.seq}`}>{t('audit.older')}</Link>
        </Paragraph>
      )}
    </Layout>
  );
}

const statuses: JobStatus[] = ['pending', 'running', 'succeeded', 'dead'];

function JobsPage({
  page,
  jobs,
  counts,
  status,
  canRetry,
  retried,
}: {
  page: PageContext;
  jobs: JobItem[];
  counts: Record<JobStatus, number>;
  status: JobStatus | undefined;
  canRetry: boolean;
  retried: boolean;
}) {
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('jobs.title')}>
      <Heading level={1} data-size="lg">
        {t('jobs.title')}
      </Heading>
      <Paragraph>{t('jobs.intro')}</Paragraph>
      {retried && <Alert data-color="success">{t('jobs.retried')}</Alert>}
      <nav aria-label={t('jobs.status')} className="niva-filters">
        <a href="/jobs" aria-current={status === undefined ? 'page' : undefined}>
          {t('common.all')}
        </a>
        {statuses.map((s) => (
          <a key={s} href={`/jobs?status=${s}`} aria-current={status === s ? 'page' : undefined}>
            {`${t(`jobs.status.${s}`)} (${counts[s]})`}
          </a>
        ))}
      </nav>
      {jobs.length === 0 ? (
        <Paragraph>{t('jobs.none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('jobs.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.status')}</Table.HeaderCell>
              <Table.HeaderCell className="niva-num">{t('jobs.attempts')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.runAt')}</Table.HeaderCell>
              <Table.HeaderCell>{t('jobs.error')}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="ds-sr-only">{t('jobs.retry')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {jobs.map((j) => (
              <Table.Row key={j.id}>
                <Table.Cell>
                  <code>{j.kind}</code>
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={j.status === 'dead' ? 'danger' : j.status === 'succeeded' ? 'success' : 'info'}>
                    {t(`jobs.status.${j.status}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell className="niva-num">{`${j.attempts}/${j.maxAttempts}`}</Table.Cell>
                <Table.Cell>{j.status === 'pending' ? formatInstant(j.runAt, locale) : '–'}</Table.Cell>
                <Table.Cell className="niva-summary">{j.lastError ?? ''}</Table.Cell>
                <Table.Cell>
                  {canRetry && j.status === 'dead' && (
                    <form method="post" action={`/jobs/${j.id}/retry`}>
                      <CsrfField page={page} />
                      <Button type="submit" variant="secondary" data-size="sm">
                        {t('jobs.retry')}
                      </Button>
                    </form>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Layout>
  );
}

export const auditPages = new Hono<AppEnv>()
  .use('/audit', requireLogin)
  .use('/jobs', requireLogin)
  .use('/jobs/*', requireLogin)
  .get('/audit', async (c) => {
    const ctx = serviceContext(c);
    const before = Number(c.req.query('before'));
    const events = await listAuditEvents(ctx, {
      limit: pageSize,
      ...(Number.isInteger(before) && before > 0 ? { beforeSeq: before } : {}),
    });
    const canVerify = can(ctx.actor, 'audit.verify', null);
    // Verifying reads the whole chain, so it runs only when asked for.
    const report = canVerify && c.req.query('verify') === '1' ? await verifyAuditChain({ db: ctx.db }) : null;
    return render(
      c,
      <AuditPage page={pageContext(c)} events={events.map(presentAuditEntry)} report={report} canVerify={canVerify} />,
    );
  })
  .get('/jobs', async (c) => {
    const ctx = serviceContext(c);
    const raw = c.req.query('status');
    const status = statuses.find((s) => s === raw);
    const [jobs, counts] = await Promise.all([listJobs(ctx, status ? { status } : {}), jobCounts(ctx)]);
    return render(
      c,
      <JobsPage
        page={pageContext(c)}
        jobs={jobs.map(presentJobItem)}
        counts={counts}
        status={status}
        canRetry={can(ctx.actor, 'job.manage', null)}
        retried={c.req.query('done') === 'retried'}
      />,
    );
  })
  .post('/jobs/:id/retry', async (c) => {
    await retryDeadJob(serviceContext(c), { jobId: c.req.param('id') });
    return c.redirect('/jobs?status=pending&done=retried', 303);
  });
