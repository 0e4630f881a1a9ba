import { Hono } from 'hono';
import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { roleFitsOrganisation, roles } from '../../../platform/domain/roles.ts';
import { can } from '../../../platform/services/actor.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { listOrganisations } from '../services/list-organisations.ts';
import { inviteMember } from '../services/invite-member.ts';
import { listInvitations } from '../services/list-invitations.ts';
import { revokeInvitation } from '../services/revoke-invitation.ts';
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
  type InvitationItem,
  type MemberItem,
  type OrganisationOption,
  presentInvitationItem,
  presentMemberItem,
  presentOrganisationOption,
} from './access-model.ts';

interface UsersView {
  page: PageContext;
  members: MemberItem[];
  invitations: InvitationItem[];
  manageable: OrganisationOption[];
  form: { values: Record<string, string>; errors: FieldErrors };
  done: string | undefined;
  /** The national login's name when it is set up: invitations may then name a national identity number. */
  provider: string | null;
}

function MembersTable({ page, members, manageable }: Pick<UsersView, 'page' | 'members' | 'manageable'>) {
  const { t, locale } = page;
  // Sign-in facts are the operator's to see; an organisation's list has no such column.
  const withAccounts = members.some((m) => m.account !== null);
  return (
    <Table data-size="sm" zebra>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
          <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
          <Table.HeaderCell>{t('users.organisation')}</Table.HeaderCell>
          <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
          <Table.HeaderCell>{t('users.joined')}</Table.HeaderCell>
          {withAccounts && <Table.HeaderCell>{t('users.lastLogin')}</Table.HeaderCell>}
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
              {t(`role.${m.role}` as MessageKey)}{' '}
              {m.account?.locked && <Tag data-color="danger">{t('users.locked')}</Tag>}
            </Table.Cell>
            <Table.Cell>{formatInstant(m.joinedAt, locale)}</Table.Cell>
            {withAccounts && (
              <Table.Cell>
                {m.account?.lastLoginAt ? formatInstant(m.account.lastLoginAt, locale) : t('users.never')}
              </Table.Cell>
            )}
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
  );
}

function InvitationsTable({ page, invitations }: Pick<UsersView, 'page' | 'invitations'>) {
  const { t, locale } = page;
  return (
    <section aria-labelledby="pending-invitations">
      <Heading level={2} data-size="md" id="pending-invitations">
        {t('invitations.pending')}
      </Heading>
      {invitations.length === 0 ? (
        <Paragraph data-size="sm">{t('invitations.none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.organisation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
              <Table.HeaderCell>{t('invitations.expires')}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="ds-sr-only">{t('invitations.revoke')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {invitations.map((i) => (
              <Table.Row key={i.id}>
                <Table.Cell>
                  {i.email}
                  {i.byNationalId && (
                    <>
                      {' '}
                      <Tag data-size="sm" data-color="info">
                        {t('invitations.byNationalId')}
                      </Tag>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>{i.organisationName}</Table.Cell>
                <Table.Cell>{t(`role.${i.role}` as MessageKey)}</Table.Cell>
                <Table.Cell>{formatInstant(i.expiresAt, locale)}</Table.Cell>
                <Table.Cell>
                  <PostButton
                    page={page}
                    action={`/users/invitations/${i.id}/revoke`}
                    label={t('invitations.revoke')}
                    ariaLabel={`${t('invitations.revoke')}: ${i.email}`}
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function UsersPage({ page, members, invitations, manageable, form, done, provider }: UsersView) {
  const { t } = page;
  const labels = {
    organisationId: t('users.organisation'),
    email: t('users.email'),
    role: t('users.role'),
    nationalId: t('invitations.nationalId'),
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
      {done === 'invited' && <Alert data-color="success">{t('invitations.sent')}</Alert>}
      {done === 'revoked' && <Alert data-color="success">{t('invitations.revoked')}</Alert>}
      {done === 'removed' && <Alert data-color="success">{t('users.removed')}</Alert>}
      <MembersTable page={page} members={members} manageable={manageable} />
      {manageable.length > 0 && <InvitationsTable page={page} invitations={invitations} />}
      {manageable.length > 0 && (
        <FormSection id="invite-user" heading={t('invitations.invite')} level={2} size="md" className="niva-panel">
          <Paragraph data-size="sm">{t('invitations.intro')}</Paragraph>
          <PostForm page={page} action="/users" errors={form.errors} labels={labels} submit={t('invitations.invite')}>
            <SelectField
              {...field('organisationId')}
              options={manageable.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField {...field('email')} type="email" required autoComplete="off" />
            <SelectField {...field('role')} options={roleOptions} />
            {provider !== null && (
              <TextField
                {...field('nationalId')}
                description={t('invitations.nationalIdHelp', { provider })}
                autoComplete="off"
              />
            )}
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
  provider: string | null,
) {
  const filter = organisationId ? { organisationId } : {};
  const [members, invitations, organisations] = await Promise.all([
    listMembers(ctx, filter),
    listInvitations(ctx, filter),
    listOrganisations(ctx),
  ]);
  const manageable = organisations.filter((o) => can(ctx.actor, 'user.manage', o.id));
  return (
    <UsersPage
      page={page}
      members={members.map(presentMemberItem)}
      invitations={invitations.map(presentInvitationItem)}
      manageable={can(ctx.actor, 'user.manage', null) ? manageable.map(presentOrganisationOption) : []}
      form={form}
      done={done}
      provider={provider}
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
        c.var.deps.config.nationalLogin?.name ?? null,
      ),
    ),
  )
  .post('/users', async (c) => {
    const ctx = serviceContext(c);
    const provider = c.var.deps.config.nationalLogin?.name ?? null;
    const body = await formBody(c);
    const values = {
      organisationId: text(body, 'organisationId') ?? '',
      email: text(body, 'email') ?? '',
      role: text(body, 'role') ?? '',
      nationalId: text(body, 'nationalId') ?? '',
    };
    try {
      // The form's role list is a closed set; the operation validates it again against the organisation.
      const { nationalId, ...rest } = values;
      await inviteMember(
        ctx,
        { ...rest, role: values.role as (typeof roles)[number], ...(nationalId.trim() ? { nationalId } : {}) },
        {
          publicUrl: c.var.deps.config.publicUrl,
          locale: c.var.locale,
          identityKey: c.var.deps.identityKey,
          ...(provider === null ? {} : { provider }),
        },
      );
      return c.redirect('/users?done=invited', 303);
    } catch (error) {
      if (!isAppError(error) || error.fields.length === 0) throw error;
      return render(
        c,
        await view(ctx, pageContext(c), undefined, { values, errors: fieldErrors(error.fields) }, undefined, provider),
        400,
      );
    }
  })
  .post('/users/invitations/:id/revoke', async (c) => {
    await revokeInvitation(serviceContext(c), { id: c.req.param('id') });
    return c.redirect('/users?done=revoked', 303);
  })
  .post('/users/:membershipId/remove', async (c) => {
    await removeMembership(serviceContext(c), { membershipId: c.req.param('membershipId') });
    return c.redirect('/users?done=removed', 303);
  });
