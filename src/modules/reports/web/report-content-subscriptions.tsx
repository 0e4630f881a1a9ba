import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { can, tenantScope } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { listOrganisations } from '../../access/index.ts';
import { listReportSubscriptions } from '../services/list-report-subscriptions.ts';
import { reportLangs } from '../services/report-content-inputs.ts';
import { subscribeToReport } from '../services/subscribe-to-report.ts';
import { unsubscribeFromReport } from '../services/unsubscribe-from-report.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import {
  type FailedForm,
  FormSection,
  PostButton,
  PostForm,
  SelectField,
  TextField,
} from '../../../platform/web/form.tsx';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { contentFieldId, contentFormState, contentLabels } from './report-content-forms.tsx';
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
  const { values, errors, prefix, field } = contentFormState(t, failed, 'subscribe');
  return (
    <FormSection id="subscribe-heading" heading={t('reportSubscriptions.add')} level={2} size="sm">
      <PostForm
        page={page}
        action={reportContentPaths.subscriptions}
        errors={errors}
        labels={contentLabels(t)}
        fieldId={contentFieldId(prefix)}
        submit={t('reportSubscriptions.addSubmit')}
      >
        <SelectField {...field('owner')} value={values.owner ?? owners[0]?.value} options={owners} />
        <TextField {...field('email')} type="email" required />
        <SelectField
          {...field('lang')}
          value={values.lang ?? page.locale}
          options={reportLangs.map((l) => ({ value: l, label: t(`reportSubscriptions.lang.${l}`) }))}
        />
      </PostForm>
    </FormSection>
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
                  <PostButton
                    page={page}
                    action={`${reportContentPaths.subscriptions}/${row.id}/delete`}
                    label={t('reportSubscriptions.remove')}
                    ariaLabel={`${t('reportSubscriptions.remove')}: ${row.email}`}
                    danger
                  />
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
