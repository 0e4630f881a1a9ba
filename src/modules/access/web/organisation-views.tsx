import { Alert, Button, Heading, Link, Paragraph, Search, Table, Tag } from '@digdir/designsystemet-react';
import type { MemberItem, OrganisationFacts, OrganisationItem, ServiceItem } from './access-model.ts';
import { type FieldErrors, FormErrors, SelectField, TextField } from '../../../platform/web/form.tsx';
import { CsrfField, Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { formatInstant } from '../../../platform/web/format.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';

export function ServicesTable({ page, services }: { page: PageContext; services: ServiceItem[] }) {
  const { t } = page;
  if (services.length === 0) return <Paragraph>{t('service.none')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('org.services')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('service.name')}</Table.HeaderCell>
          <Table.HeaderCell>{t('service.platform')}</Table.HeaderCell>
          <Table.HeaderCell>{t('service.resourceId')}</Table.HeaderCell>
          <Table.HeaderCell>{t('service.status')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {services.map((s) => (
          <Table.Row key={s.id}>
            <Table.Cell>{s.name}</Table.Cell>
            <Table.Cell>
              <Tag data-color={s.platform === 'altinn3' ? 'success' : 'warning'}>
                {s.platform === 'altinn3' ? 'Altinn 3' : 'Altinn II'}
              </Tag>
            </Table.Cell>
            <Table.Cell>
              <code>{s.resourceId}</code>
            </Table.Cell>
            <Table.Cell>{t(`service.status.${s.status}` as MessageKey)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export interface OrganisationForm {
  values: Record<string, string>;
  errors: FieldErrors;
}

function OrganisationFields({
  page,
  form,
  withIdentity,
  withKind = false,
}: {
  page: PageContext;
  form: OrganisationForm;
  withIdentity: boolean;
  /** A new organisation is a service owner or a party; the operator exists once, from the start. */
  withKind?: boolean;
}) {
  const { t } = page;
  const labels = {
    name: t('org.name'),
    code: t('org.code'),
    orgNumber: t('org.number'),
    contactEmail: t('org.contact'),
    kind: t('org.kind'),
  };
  return (
    <>
      <FormErrors errors={form.errors} labels={labels} t={t} />
      {withKind && (
        <SelectField
          name="kind"
          label={labels.kind}
          value={form.values.kind ?? 'owner'}
          error={form.errors.kind}
          options={(['owner', 'party'] as const).map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
        />
      )}
      <TextField name="name" label={labels.name} value={form.values.name} error={form.errors.name} required />
      {withIdentity && (
        <TextField name="code" label={labels.code} value={form.values.code} error={form.errors.code} required />
      )}
      {withIdentity && (
        <TextField
          name="orgNumber"
          label={labels.orgNumber}
          value={form.values.orgNumber}
          error={form.errors.orgNumber}
          required
        />
      )}
      <TextField
        name="contactEmail"
        label={labels.contactEmail}
        type="email"
        value={form.values.contactEmail}
        error={form.errors.contactEmail}
        required
      />
    </>
  );
}

export function OrganisationListPage({
  page,
  organisations,
  query,
  createForm,
}: {
  page: PageContext;
  organisations: OrganisationItem[];
  query: string;
  createForm: OrganisationForm | null;
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('nav.organisations')}>
      <Heading level={1} data-size="lg">
        {t('nav.organisations')}
      </Heading>
      {page.query.includes('done=created') && <Alert data-color="success">{t('org.created')}</Alert>}
      <form method="get" action="/organisations" role="search" className="niva-search">
        <Search>
          <Search.Input aria-label={t('org.search')} name="q" defaultValue={query} />
          <Search.Button type="submit">{t('common.filter')}</Search.Button>
        </Search>
      </form>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('org.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('org.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('org.code')}</Table.HeaderCell>
            <Table.HeaderCell>{t('org.number')}</Table.HeaderCell>
            <Table.HeaderCell className="niva-num">{t('org.services')}</Table.HeaderCell>
            <Table.HeaderCell className="niva-num">{t('org.users')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {organisations.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>
                <Link href={`/organisations/${o.code}`}>{o.name}</Link>
              </Table.Cell>
              <Table.Cell>{t(`org.kind.${o.kind}`)}</Table.Cell>
              <Table.Cell>{o.code}</Table.Cell>
              <Table.Cell>{o.orgNumber}</Table.Cell>
              <Table.Cell className="niva-num">{o.serviceCount}</Table.Cell>
              <Table.Cell className="niva-num">{o.userCount}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {createForm && (
        <section aria-labelledby="create-org" className="niva-panel">
          <Heading level={2} data-size="md" id="create-org">
            {t('org.create')}
          </Heading>
          <form method="post" action="/organisations" className="niva-form">
            <CsrfField page={page} />
            <OrganisationFields page={page} form={createForm} withIdentity withKind />
            <Button type="submit">{t('common.create')}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function OrganisationDetailPage(props: {
  page: PageContext;
  organisation: OrganisationFacts;
  services: ServiceItem[];
  members: MemberItem[];
  editForm: OrganisationForm | null;
  canChangeIdentity: boolean;
  saved: boolean;
}) {
  const { page, organisation: o, editForm } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={o.name}>
      <Paragraph data-size="sm">
        <Link href="/organisations">{t('nav.organisations')}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {o.name}
      </Heading>
      {props.saved && <Alert data-color="success">{t('org.saved')}</Alert>}
      <dl className="niva-facts">
        <dt>{t('org.kind')}</dt>
        <dd>{t(`org.kind.${o.kind}`)}</dd>
        <dt>{t('org.code')}</dt>
        <dd>{o.code}</dd>
        <dt>{t('org.number')}</dt>
        <dd>{o.orgNumber}</dd>
        <dt>{t('org.contact')}</dt>
        <dd>{o.contactEmail}</dd>
      </dl>
      <Heading level={2} data-size="md">
        {t('org.services')}
      </Heading>
      <ServicesTable page={page} services={props.services} />
      <Heading level={2} data-size="md">
        {t('org.users')}
      </Heading>
      <Table data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.joined')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {props.members.map((m) => (
            <Table.Row key={m.membershipId}>
              <Table.Cell>{m.name}</Table.Cell>
              <Table.Cell>{m.email}</Table.Cell>
              <Table.Cell>{t(`role.${m.role}` as MessageKey)}</Table.Cell>
              <Table.Cell>{formatInstant(m.joinedAt, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {editForm && (
        <section aria-labelledby="edit-org" className="niva-panel">
          <Heading level={2} data-size="md" id="edit-org">
            {t('org.edit')}
          </Heading>
          <form method="post" action={`/organisations/${o.code}`} className="niva-form">
            <CsrfField page={page} />
            <OrganisationFields page={page} form={editForm} withIdentity={props.canChangeIdentity} />
            <Button type="submit">{t('common.save')}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}
