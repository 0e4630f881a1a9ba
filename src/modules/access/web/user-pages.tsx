import { Hono } from 'hono';
import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { roleFitsOrganisation, roles } from '../../../platform/domain/roles.ts';
import { can } from '../../../platform/services/actor.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { listOrganisations } from '../services/list-organisations.ts';
import { addMember } from '../services/add-member.ts';
import { listMembers } from '../services/list-members.ts';
import { removeMembership } from '../services/remove-membership.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import {
  bindFields,
  type FieldErrors,
  fieldErrors,
  FormSection,
  PostButton,
  PostForm,
  SelectField,
  TextField,
} from '../../../platform/web/form.tsx';
import { formatInstant } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { formBody, requireLogin, serviceContext, text } from '../../../platform/web/web-kit.ts';
import {
  type MemberItem,
  type OrganisationOption,
  presentMemberItem,
  presentOrganisationOption,
} from './access-model.ts';

interface UsersView {
  page: PageContext;
  members: MemberItem[];
  manageable: OrganisationOption[];
  form: { values: Record<string, string>; errors: FieldErrors };
  done: string | undefined;
}

function UsersPage({ page, members, manageable, form, done }: UsersView) {
  const { t, locale } = page;
  const labels = {
    organisationId: t('users.organisation'),
    email: t('users.email'),
    name: t('users.name'),
    role: t('users.role'),
    password: t('users.initialPassword'),
  };
  const field = bindFields({ ...form, labels });
  const roleOptions = roles
    .filter((r) => manageable.some((o) => roleFitsOrganisation(r, o.kind)))
    .map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }));
  return (
    <Layout page={page} title={t('users.title')}>
      <Heading level={1} data-size="lg">
        {t('users.title')}
      </Heading>
      {done === 'added' && <Alert data-color="success">{t('users.added')}</Alert>}
      {done === 'removed' && <Alert data-color="success">{t('users.removed')}</Alert>}
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.organisation')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.lastLogin')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="ds-sr-only">{t('users.remove')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {members.map((m) => (
            <Table.Row key={m.membershipId}>
              <Table.Cell>{m.name}</Table.Cell>
              <Table.Cell>{m.email}</Table.Cell>
              <Table.Cell>{m.organisationName}</Table.Cell>
              <Table.Cell>
                {t(`role.${m.role}` as MessageKey)} {m.locked && <Tag data-color="danger">{t('users.locked')}</Tag>}
              </Table.Cell>
              <Table.Cell>{m.lastLoginAt ? formatInstant(m.lastLoginAt, locale) : t('users.never')}</Table.Cell>
              <Table.Cell>
                {manageable.some((o) => o.id === m.organisationId) && (
                  <PostButton
                    page={page}
                    action={`/users/${m.membershipId}/remove`}
                    label={t('users.remove')}
                    ariaLabel={`${t('users.remove')}: ${m.name}, ${t(`role.${m.role}` as MessageKey)}`}
                  />
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {manageable.length > 0 && (
        <FormSection id="add-user" heading={t('users.add')} level={2} size="md" className="niva-panel">
          <PostForm page={page} action="/users" errors={form.errors} labels={labels} submit={t('users.add')}>
            <SelectField
              {...field('organisationId')}
              options={manageable.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField {...field('email')} type="email" required />
            <TextField {...field('name')} required />
            <SelectField {...field('role')} options={roleOptions} />
            {/* The password is never shown again. */}
            <TextField {...field('password')} value={undefined} type="password" autoComplete="new-password" />
          </PostForm>
        </FormSection>
      )}
      {manageable.length === 0 && <Paragraph data-size="sm">{t('error.forbiddenText')}</Paragraph>}
    </Layout>
  );
}

async function view(
  ctx: ServiceContext,
  page: PageContext,
  organisationId: string | undefined,
  form: UsersView['form'],
  done: string | undefined,
) {
  const [members, organisations] = await Promise.all([
    listMembers(ctx, organisationId ? { organisationId } : {}),
    listOrganisations(ctx),
  ]);
  const manageable = organisations.filter((o) => can(ctx.actor, 'user.manage', o.id));
  const now = ctx.clock.now();
  return (
    <UsersPage
      page={page}
      members={members.map((m) => presentMemberItem(m, now))}
      manageable={can(ctx.actor, 'user.manage', null) ? manageable.map(presentOrganisationOption) : []}
      form={form}
      done={done}
    />
  );
}

export const userPages = new Hono<AppEnv>()
  .use('/users', requireLogin)
  .use('/users/*', requireLogin)
  .get('/users', async (c) =>
    render(
      c,
      await view(
        serviceContext(c),
        pageContext(c),
        c.req.query('organisationId'),
        { values: {}, errors: {} },
        c.req.query('done'),
      ),
    ),
  )
  .post('/users', async (c) => {
    const ctx = serviceContext(c);
    const body = await formBody(c);
    const values = {
      organisationId: text(body, 'organisationId') ?? '',
      email: text(body, 'email') ?? '',
      name: text(body, 'name') ?? '',
      role: text(body, 'role') ?? '',
    };
    const password = text(body, 'password');
    try {
      // The form's role list is a closed set; the operation validates it again against the organisation.
      await addMember(ctx, {
        ...values,
        role: values.role as (typeof roles)[number],
        ...(password ? { password } : {}),
      });
      return c.redirect('/users?done=added', 303);
    } catch (error) {
      if (!isAppError(error) || error.fields.length === 0) throw error;
      return render(
        c,
        await view(ctx, pageContext(c), undefined, { values, errors: fieldErrors(error.fields) }, undefined),
        400,
      );
    }
  })
  .post('/users/:membershipId/remove', async (c) => {
    await removeMembership(serviceContext(c), { membershipId: c.req.param('membershipId') });
    return c.redirect('/users?done=removed', 303);
  });
