import { Alert, Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { locales } from '../../../platform/i18n/messages.ts';
import { CsrfField, Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { type FieldErrors, FormErrors, SelectField, TextField } from '../../../platform/web/form.tsx';

export interface SubscribeForm {
  kind: string;
  address: string;
  locale: string;
}

/** One narrow card, as the login page: these pages are reached from e-mails and have one thing to say. */
function Panel({ page, title, children }: { page: PageContext; title: string; children: ReactNode }) {
  return (
    <Layout page={page} title={title}>
      <div className="niva-narrow">
        <Card data-color="neutral">
          <Card.Block>
            <Heading level={1} data-size="md">
              {title}
            </Heading>
            {children}
          </Card.Block>
        </Card>
      </div>
    </Layout>
  );
}

export function SubscribePage({
  page,
  form,
  errors = {},
  alert,
}: {
  page: PageContext;
  form: SubscribeForm;
  errors?: FieldErrors;
  alert?: string;
}) {
  const { t } = page;
  return (
    <Panel page={page} title={t('subscribe.title')}>
      <Paragraph>{t('subscribe.intro')}</Paragraph>
      {alert && (
        <Alert data-color="danger" role="alert">
          {alert}
        </Alert>
      )}
      <FormErrors
        errors={errors}
        labels={{ address: t('subscribe.address'), kind: t('subscribe.kind'), locale: t('subscribe.language') }}
        t={t}
      />
      <form method="post" action="/status/subscribe" className="niva-form">
        <CsrfField page={page} />
        <SelectField
          name="kind"
          label={t('subscribe.kind')}
          value={form.kind}
          error={errors.kind}
          options={[
            { value: 'email', label: t('subscribe.kind.email') },
            { value: 'webhook', label: t('subscribe.kind.webhook') },
          ]}
        />
        <TextField
          name="address"
          label={t('subscribe.address')}
          value={form.address}
          error={errors.address}
          required
          description={t('subscribe.addressHelp')}
        />
        <SelectField
          name="locale"
          label={t('subscribe.language')}
          value={form.locale}
          error={errors.locale}
          options={locales.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        />
        <Button type="submit">{t('subscribe.submit')}</Button>
      </form>
    </Panel>
  );
}

export function CheckInboxPage({ page }: { page: PageContext }) {
  return (
    <Panel page={page} title={page.t('subscribe.sentTitle')}>
      <Paragraph>{page.t('subscribe.sent')}</Paragraph>
    </Panel>
  );
}

export function WebhookCreatedPage({
  page,
  secret,
  unsubscribe,
}: {
  page: PageContext;
  secret: string;
  unsubscribe: string;
}) {
  const { t } = page;
  return (
    <Panel page={page} title={t('subscribe.webhookTitle')}>
      <Paragraph>{t('subscribe.webhookVerify')}</Paragraph>
      <Paragraph>{t('subscribe.webhookIntro')}</Paragraph>
      <Paragraph>{t('subscribe.secret')}</Paragraph>
      <code className="niva-secret" data-testid="webhook-secret">
        {secret}
      </code>
      <Paragraph>{t('subscribe.unsubscribeLink')}</Paragraph>
      <code className="niva-secret" data-testid="webhook-unsubscribe">
        {unsubscribe}
      </code>
    </Panel>
  );
}

/** Outcome pages of the links in e-mails: confirmed, refused, unsubscribed. */
export function MessagePage({
  page,
  title,
  message,
  danger = false,
}: {
  page: PageContext;
  title: string;
  message: string;
  danger?: boolean;
}) {
  return (
    <Panel page={page} title={title}>
      {danger ? (
        <Alert data-color="danger" role="alert">
          {message}
        </Alert>
      ) : (
        <Paragraph>{message}</Paragraph>
      )}
      <Paragraph>
        <Link href="/status">{page.t('subscribe.statusLink')}</Link>
      </Paragraph>
    </Panel>
  );
}

/** A GET must not unsubscribe (link scanners in mail systems follow links), so the link shows this one button. */
export function UnsubscribePage({ page, address, action }: { page: PageContext; address: string; action: string }) {
  const { t } = page;
  return (
    <Panel page={page} title={t('subscribe.unsubscribeTitle')}>
      <Paragraph>{t('subscribe.unsubscribeIntro', { address })}</Paragraph>
      <form method="post" action={action} className="niva-form">
        <CsrfField page={page} />
        <Button type="submit">{t('subscribe.unsubscribeButton')}</Button>
      </form>
    </Panel>
  );
}
