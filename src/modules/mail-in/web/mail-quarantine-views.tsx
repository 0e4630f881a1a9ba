import type { ReactNode } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Translate } from '../../../platform/i18n/messages.ts';
import type { QuarantinedMailItem, QuarantinedMailView } from './mail-quarantine-model.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import { type FieldErrors, FormErrors, SelectField } from '../../../platform/web/form.tsx';
import { FactList } from '../../../platform/web/fact-list.tsx';
import { CsrfField, Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { formatBytes, kindLabel, textOr } from '../../cases/index.ts';
import { CategoryChoice } from '../../cases/index.ts';

export const quarantineStatuses = ['pending', 'accepted', 'discarded'] as const;
export type QuarantineStatus = (typeof quarantineStatuses)[number];

/** The kinds of case a message may become: the same two the mail intake itself registers. */
export const mailCaseKinds = ['support-request', 'incident'] as const;

export interface AcceptForm {
  values: Record<string, string>;
  errors: FieldErrors;
}

export interface MailDetailView {
  page: PageContext;
  mail: QuarantinedMailView;
  /** Service owners the message may be filed under; empty once the message is handled. */
  owners: { value: string; label: string }[];
  /** The reference of the case the message became, when it was accepted. */
  caseReference: string | null;
  form: AcceptForm;
  /** Why the decision itself was refused (someone else got there first, a file is no longer allowed). */
  refusal: string | undefined;
}

const reasonLabel = (reason: string, t: Translate): string => textOr(t, `mail.reason.${reason}`, reason);
const subjectOf = (mail: QuarantinedMailItem, t: Translate): string => mail.subject || t('mail.noSubject');
const detailPath = (id: string): string => `/mail-quarantine/${encodeURIComponent(id)}`;

function senderOf(mail: QuarantinedMailItem, t: Translate): string {
  if (!mail.fromAddress) return mail.fromName ?? t('mail.noSender');
  return mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress;
}

function Instant({ ms, locale }: { ms: number; locale: PageContext['locale'] }) {
  return <time dateTime={new Date(ms).toISOString()}>{formatInstant(ms, locale)}</time>;
}

export function MailQuarantineListPage({
  page,
  status,
  items,
  done,
}: {
  page: PageContext;
  status: QuarantineStatus;
  items: QuarantinedMailItem[];
  done: string | undefined;
}) {
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('mail.list.title')}>
      <Heading level={1} data-size="lg">
        {t('mail.list.title')}
      </Heading>
      <Paragraph>{t('mail.list.intro')}</Paragraph>
      {done === 'discarded' && (
        <Alert data-color="success" role="status">
          {t('mail.done.discarded')}
        </Alert>
      )}
      <form
        method="get"
        action="/mail-quarantine"
        className="niva-filters niva-queue-filters"
        aria-label={t('common.filter')}
      >
        <SelectField
          name="status"
          label={t('mail.filter.status')}
          value={status}
          options={quarantineStatuses.map((s) => ({ value: s, label: t(`mail.status.${s}`) }))}
        />
        <Button type="submit" variant="secondary">
          {t('common.filter')}
        </Button>
      </form>
      {items.length === 0 ? (
        <Paragraph>{t('mail.list.none')}</Paragraph>
      ) : (
        <div className="niva-table-scroll">
          <Table data-size="sm" zebra>
            <caption className="ds-sr-only">{`${t('mail.list.caption')}: ${t(`mail.status.${status}`)}`}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mail.receivedAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.sender')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mail.reason')}</Table.HeaderCell>
                <Table.HeaderCell className="niva-num">{t('mail.size')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((m) => (
                <Table.Row key={m.id} data-mail={m.id}>
                  <Table.Cell>
                    <Instant ms={m.receivedAt} locale={locale} />
                  </Table.Cell>
                  <Table.Cell className="niva-wrap">{senderOf(m, t)}</Table.Cell>
                  <Table.Cell className="niva-wrap">
                    <Link href={detailPath(m.id)}>{subjectOf(m, t)}</Link>
                  </Table.Cell>
                  <Table.Cell>{reasonLabel(m.reason, t)}</Table.Cell>
                  <Table.Cell className="niva-num">{formatBytes(m.sizeBytes, locale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </Layout>
  );
}

function Facts({
  mail,
  caseReference,
  t,
  locale,
}: {
  mail: QuarantinedMailView;
  caseReference: string | null;
  t: Translate;
  locale: PageContext['locale'];
}) {
  const facts: [string, ReactNode][] = [
    [t('mail.sender'), senderOf(mail, t)],
    [t('mail.receivedAt'), <Instant key="received" ms={mail.receivedAt} locale={locale} />],
    [t('mail.reason'), reasonLabel(mail.reason, t)],
    [t('mail.size'), formatBytes(mail.sizeBytes, locale)],
    [t('mail.status'), t(`mail.status.${mail.status}`)],
  ];
  if (mail.handledBy !== null) facts.push([t('mail.handledBy'), mail.handledBy]);
  if (mail.handledAt !== null)
    facts.push([t('mail.handledAt'), <Instant key="handled" ms={mail.handledAt} locale={locale} />]);
  if (caseReference)
    facts.push([
      t('mail.case'),
      <Link key="case" href={`/cases/${caseReference}`}>
        {caseReference}
      </Link>,
    ]);
  return <FactList facts={facts} />;
}

function Attachments({ mail, t, locale }: { mail: QuarantinedMailView; t: Translate; locale: PageContext['locale'] }) {
  if (mail.attachments.length === 0) return <Paragraph>{t('mail.noAttachments')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('mail.attachments')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('mail.attachment.name')}</Table.HeaderCell>
          <Table.HeaderCell>{t('mail.attachment.type')}</Table.HeaderCell>
          <Table.HeaderCell className="niva-num">{t('mail.size')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {mail.attachments.map((a, i) => (
          // Two files of a message may share a name; their order in it tells them apart.
          <Table.Row key={`${i}-${a.fileName}`}>
            <Table.Cell className="niva-wrap">{a.fileName}</Table.Cell>
            <Table.Cell>
              <code>{a.contentType}</code>
            </Table.Cell>
            <Table.Cell className="niva-num">{formatBytes(a.sizeBytes, locale)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export function acceptLabels(t: Translate) {
  return {
    organisationId: t('mail.field.organisation'),
    kind: t('mail.field.kind'),
    category: t('mail.field.category'),
  };
}

function AcceptSection({ page, mail, owners, form }: Pick<MailDetailView, 'page' | 'mail' | 'owners' | 'form'>) {
  const { t } = page;
  const { values, errors } = form;
  const labels = acceptLabels(t);
  return (
    <section aria-labelledby="mail-accept">
      <Heading level={2} data-size="md" id="mail-accept">
        {t('mail.accept.title')}
      </Heading>
      <Paragraph>{t('mail.accept.intro')}</Paragraph>
      <form method="post" action={`${detailPath(mail.id)}/accept`} className="niva-form niva-form--wide">
        <CsrfField page={page} />
        <FormErrors errors={errors} labels={labels} t={t} />
        <SelectField
          name="organisationId"
          label={labels.organisationId}
          value={values.organisationId}
          error={errors.organisationId}
          options={[{ value: '', label: t('mail.field.organisationChoose') }, ...owners]}
        />
        <SelectField
          name="kind"
          label={labels.kind}
          value={values.kind ?? 'support-request'}
          error={errors.kind}
          options={mailCaseKinds.map((k) => ({ value: k, label: kindLabel(k, t) }))}
        />
        <CategoryChoice t={t} value={values.category} error={errors.category} />
        <Button type="submit">{t('mail.accept.submit')}</Button>
      </form>
    </section>
  );
}

function DiscardSection({ page, mail }: Pick<MailDetailView, 'page' | 'mail'>) {
  const { t } = page;
  return (
    <section aria-labelledby="mail-discard">
      <Heading level={2} data-size="md" id="mail-discard">
        {t('mail.discard.title')}
      </Heading>
      <Paragraph>{t('mail.discard.intro')}</Paragraph>
      <form method="post" action={`${detailPath(mail.id)}/discard`} className="niva-form">
        <CsrfField page={page} />
        <Button type="submit" variant="secondary">
          {t('mail.discard.submit')}
        </Button>
      </form>
    </section>
  );
}

export function MailQuarantineDetailPage({ page, mail, owners, caseReference, form, refusal }: MailDetailView) {
  const { t, locale } = page;
  const subject = subjectOf(mail, t);
  return (
    <Layout page={page} title={subject}>
      <Paragraph data-size="sm">
        <Link href="/mail-quarantine">{t('mail.list.title')}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg" className="niva-wrap">
        {subject}
      </Heading>
      {refusal && (
        <Alert data-color="danger" role="alert">
          {refusal}
        </Alert>
      )}
      <Facts mail={mail} caseReference={caseReference} t={t} locale={locale} />
      <section aria-labelledby="mail-body">
        <Heading level={2} data-size="sm" id="mail-body">
          {t('mail.body')}
        </Heading>
        {mail.textBody ? (
          <pre className="niva-prewrap">{mail.textBody}</pre>
        ) : (
          <Paragraph>{t('mail.noBody')}</Paragraph>
        )}
      </section>
      <section aria-labelledby="mail-attachments">
        <Heading level={2} data-size="sm" id="mail-attachments">
          {t('mail.attachments')}
        </Heading>
        <Attachments mail={mail} t={t} locale={locale} />
      </section>
      {mail.status === 'pending' && <AcceptSection page={page} mail={mail} owners={owners} form={form} />}
      {mail.status === 'pending' && <DiscardSection page={page} mail={mail} />}
    </Layout>
  );
}
