import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { can, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { listOrganisations } from '../../access/services/list-organisations.ts';
import { listReportSubscriptions } from '../services/list-report-subscriptions.ts';
import { reportLangs } from '../services/report-content-inputs.ts';
import { subscribeToReport } from '../services/subscribe-to-report.ts';
import { unsubscribeFromReport } from '../services/unsubscribe-from-report.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import { FormErrors } from '../../../platform/web/form.tsx';
import { CsrfField, Layout, type PageContext } from '../../../platform/web/layout.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { Choice, contentLabels, type FailedForm, TextInput } from './report-content-forms.tsx';
import { contentErrors, formValues } from './report-content-pages.tsx';
import { presentReportSubscription, type ReportSubscriptionItem } from './report-content-model.ts';
import { doneTexts, reportContentPaths } from './report-content-views.tsx';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { formBody, formProblem, problemStatus, requireLogin, serviceContext } from '../../../platform/web/web-kit.ts';

/** `''` stands for the platform report in the form, as it does in the table. */
interface OwnerOption {
  value: string;
  label: string;
}

interface SubscriptionsView {
  page: PageContext;
  rows: ReportSubscriptionItem[];
  owners: OwnerOption[];
  done: string | undefined;
  failed: FailedForm | undefined;
}

const prefix = 'subscribe';

function SubscribeForm({
  page,
  owners,
  failed,
}: {
  page: PageContext;
  owners: OwnerOption[];
  failed: FailedForm | undefined;
}) {
  const { t } = page;
  const values = failed?.values ?? {};
  const errors = failed?.errors ?? {};
  return (
    <section aria-labelledby="subscribe-heading">
      <Heading level={2} data-size="sm" id="subscribe-heading">
        {t('reportSubscriptions.add')}
      </Heading>
      <form method="post" action={reportContentPaths.subscriptions} className="niva-form">
        <CsrfField page={page} />
        <FormErrors
          errors={errors}
          labels={contentLabels(t)}
          t={t}
          fieldId={(field) => (field === '(body)' ? null : `${prefix}-${field}`)}
        />
        <Choice
          prefix={prefix}
          name="owner"
          label={t('reportContent.field.owner')}
          value={values.owner ?? owners[0]?.value}
          error={errors.owner}
          options={owners}
        />
        <TextInput
          prefix={prefix}
          name="email"
          type="email"
          label={t('reportContent.field.email')}
          value={values.email}
          error={errors.email}
          required
        />
        <Choice
          prefix={prefix}
          name="lang"
          label={t('reportContent.field.lang')}
          value={values.lang ?? page.locale}
          error={errors.lang}
          options={reportLangs.map((l) => ({ value: l, label: t(`reportSubscriptions.lang.${l}`) }))}
        />
        <Button type="submit">{t('reportSubscriptions.addSubmit')}</Button>
      </form>
    </section>
  );
}

function SubscriptionsPage({ page, rows, owners, done, failed }: SubscriptionsView) {
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('reportSubscriptions.title')}>
      <Heading level={1} data-size="lg">
        {t('reportSubscriptions.title')}
      </Heading>
      <Paragraph>{t('reportSubscriptions.intro')}</Paragraph>
      {done && doneTexts.has(done) && (
        <Alert data-color="success" role="status">
          {t(`reportContent.done.${done}` as MessageKey)}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Paragraph>{t('reportSubscriptions.none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <caption className="ds-sr-only">{t('reportSubscriptions.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reportContent.field.owner')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reportContent.field.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reportContent.field.lang')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reportSubscriptions.since')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reportContent.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id} data-subscription={row.id}>
                <Table.Cell>{row.ownerName ?? t('reportSubscriptions.platform')}</Table.Cell>
                <Table.HeaderCell scope="row">{row.email}</Table.HeaderCell>
                <Table.Cell>{t(`reportSubscriptions.lang.${row.lang}` as MessageKey)}</Table.Cell>
                <Table.Cell>{formatInstant(row.createdAt, locale)}</Table.Cell>
                <Table.Cell>
                  <form method="post" action={`${reportContentPaths.subscriptions}/${row.id}/delete`}>
                    <CsrfField page={page} />
                    <Button
                      type="submit"
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      aria-label={`${t('reportSubscriptions.remove')}: ${row.email}`}
                    >
                      {t('reportSubscriptions.remove')}
                    </Button>
                  </form>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <SubscribeForm page={page} owners={owners} failed={failed} />
    </Layout>
  );
}

/** The reports the caller may add people to: the platform's for the operator, then each owner it administers. */
async function ownerOptions(ctx: ServiceContext, platformLabel: string): Promise<OwnerOption[]> {
  const organisations = await listOrganisations(ctx);
  const owners = organisations
    .filter((o) => o.kind === 'owner' && can(ctx.actor, 'report.subscribe', o.id))
    .map((o) => ({ value: o.code, label: o.name }));
  return tenantScope(ctx.actor, 'report.subscribe').all ? [{ value: '', label: platformLabel }, ...owners] : owners;
}

async function subscriptionsPage(
  c: Context<AppEnv>,
  ctx: ServiceContext,
  extra: { done?: string | undefined; failed?: FailedForm | undefined },
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const page = pageContext(c);
  const rows = await listReportSubscriptions(ctx);
  return render(
    c,
    <SubscriptionsPage
      page={page}
      rows={rows.map(presentReportSubscription)}
      owners={await ownerOptions(ctx, page.t('reportSubscriptions.platform'))}
      done={extra.done}
      failed={extra.failed}
    />,
    status,
  );
}

const base = reportContentPaths.subscriptions;

export const reportSubscriptionPages = new Hono<AppEnv>()
  .use(base, requireLogin)
  .use(`${base}/*`, requireLogin)
  .get(base, async (c) => subscriptionsPage(c, serviceContext(c), { done: c.req.query('done') }))
  .post(base, async (c) => {
    const ctx = serviceContext(c);
    const form = formValues(await formBody(c), ['owner', 'email', 'lang']);
    try {
      await subscribeToReport(ctx, {
        owner: form.owner?.trim() ? form.owner : null,
        email: form.email ?? '',
        lang: form.lang as 'nb',
      });
      return c.redirect(`${base}?done=subscribed`, 303);
    } catch (error) {
      const problem = formProblem(error);
      return subscriptionsPage(
        c,
        ctx,
        { failed: { form: 'subscribe', values: form, errors: contentErrors(problem, pageContext(c).t) } },
        problemStatus(problem),
      );
    }
  })
  .post(`${base}/:id/delete`, async (c) => {
    await unsubscribeFromReport(serviceContext(c), { id: c.req.param('id') });
    return c.redirect(`${base}?done=unsubscribed`, 303);
  });
