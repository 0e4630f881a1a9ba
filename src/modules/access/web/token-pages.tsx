import { Hono } from 'hono';
import { Alert, Fieldset, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { holdableScopes, tokenScopes } from '../../../platform/domain/roles.ts';
import { can } from '../../../platform/services/actor.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { listOrganisations } from '../services/list-organisations.ts';
import { createApiToken } from '../services/create-api-token.ts';
import { listApiTokens } from '../services/list-api-tokens.ts';
import { revokeApiToken } from '../services/revoke-api-token.ts';
import {
  type OrganisationOption,
  presentOrganisationOption,
  presentTokenItem,
  type TokenItem,
} from './access-model.ts';
import {
  bindFields,
  CheckboxField,
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

interface TokensView {
  page: PageContext;
  tokens: TokenItem[];
  manageable: OrganisationOption[];
  form: { values: Record<string, string>; scopes: string[]; errors: FieldErrors };
  created: { name: string; secret: string } | null;
  done: string | undefined;
}

function TokensPage({ page, tokens, manageable, form, created, done }: TokensView) {
  const { t, locale } = page;
  const labels = { organisationId: t('users.organisation'), name: t('tokens.name'), scopes: t('tokens.scopes') };
  const field = bindFields({ ...form, labels });
  // Only scopes some organisation in the list can hold; the operation checks the chosen organisation again.
  const offered = Object.keys(tokenScopes).filter((scope) =>
    manageable.some((o) => (holdableScopes(o.kind) as string[]).includes(scope)),
  );
  return (
    <Layout page={page} title={t('tokens.title')}>
      <Heading level={1} data-size="lg">
        {t('tokens.title')}
      </Heading>
      <Paragraph>{t('tokens.intro')}</Paragraph>
      {done === 'revoked' && <Alert data-color="success">{t('tokens.revokedDone')}</Alert>}
      {created && (
        <Alert data-color="warning" role="status">
          <Heading level={2} data-size="xs">
            {created.name}
          </Heading>
          <Paragraph>{t('tokens.showOnce')}</Paragraph>
          <code className="niva-secret" data-testid="token-secret">
            {created.secret}
          </code>
        </Alert>
      )}
      {tokens.length === 0 ? (
        <Paragraph>{t('tokens.none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('tokens.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.organisation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('tokens.prefix')}</Table.HeaderCell>
              <Table.HeaderCell>{t('tokens.scopes')}</Table.HeaderCell>
              <Table.HeaderCell>{t('tokens.lastUsed')}</Table.HeaderCell>
              <Table.HeaderCell>{t('tokens.state')}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="ds-sr-only">{t('tokens.revoke')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {tokens.map((token) => {
              const { state } = token;
              return (
                <Table.Row key={token.id}>
                  <Table.Cell>{token.name}</Table.Cell>
                  <Table.Cell>{token.organisationName}</Table.Cell>
                  <Table.Cell>
                    <code>{`niva_${token.prefix}_…`}</code>
                  </Table.Cell>
                  <Table.Cell>{token.scopes.join(', ')}</Table.Cell>
                  <Table.Cell>
                    {token.lastUsedAt ? formatInstant(token.lastUsedAt, locale) : t('users.never')}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={state === 'active' ? 'success' : 'neutral'}>{t(`tokens.${state}`)}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {state === 'active' && manageable.some((o) => o.id === token.organisationId) && (
                      <PostButton
                        page={page}
                        action={`/tokens/${token.id}/revoke`}
                        label={t('tokens.revoke')}
                        ariaLabel={`${t('tokens.revoke')}: ${token.name}`}
                      />
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      {manageable.length > 0 && (
        <FormSection id="create-token" heading={t('tokens.create')} level={2} size="md" className="niva-panel">
          <PostForm page={page} action="/tokens" errors={form.errors} labels={labels} submit={t('tokens.create')}>
            <SelectField
              {...field('organisationId')}
              options={manageable.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField {...field('name')} required />
            <Fieldset id="f-scopes">
              <Fieldset.Legend>{labels.scopes}</Fieldset.Legend>
              {offered.map((scope) => (
                <CheckboxField
                  key={scope}
                  name="scopes"
                  value={scope}
                  label={<code>{scope}</code>}
                  checked={form.scopes.includes(scope)}
                />
              ))}
            </Fieldset>
          </PostForm>
        </FormSection>
      )}
    </Layout>
  );
}

async function view(ctx: ServiceContext, page: PageContext, extra: Pick<TokensView, 'form' | 'created' | 'done'>) {
  const [tokens, organisations] = await Promise.all([listApiTokens(ctx), listOrganisations(ctx)]);
  const manageable = organisations.filter((o) => can(ctx.actor, 'token.manage', o.id));
  const now = ctx.clock.now();
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return (
    <TokensPage
      page={page}
      tokens={tokens.map((token) => presentTokenItem(token, now, names))}
      manageable={manageable.map(presentOrganisationOption)}
      {...extra}
    />
  );
}

const blank = { values: {}, scopes: [], errors: {} };

export const tokenPages = new Hono<AppEnv>()
  .use('/tokens', requireLogin)
  .use('/tokens/*', requireLogin)
  .get('/tokens', async (c) =>
    render(c, await view(serviceContext(c), pageContext(c), { form: blank, created: null, done: c.req.query('done') })),
  )
  .post('/tokens', async (c) => {
    const ctx = serviceContext(c);
    const body = await formBody(c);
    const values = { organisationId: text(body, 'organisationId') ?? '', name: text(body, 'name') ?? '' };
    const raw = body.scopes;
    const scopes = Array.isArray(raw) ? raw : raw ? [raw] : [];
    try {
      // Scope names are validated by the operation against the closed list.
      const { token, secret } = await createApiToken(ctx, {
        ...values,
        scopes: scopes as (keyof typeof tokenScopes)[],
      });
      return render(
        c,
        await view(ctx, pageContext(c), { form: blank, created: { name: token.name, secret }, done: undefined }),
        201,
      );
    } catch (error) {
      if (!isAppError(error) || error.fields.length === 0) throw error;
      return render(
        c,
        await view(ctx, pageContext(c), {
          form: { values, scopes, errors: fieldErrors(error.fields) },
          created: null,
          done: undefined,
        }),
        400,
      );
    }
  })
  .post('/tokens/:id/revoke', async (c) => {
    await revokeApiToken(serviceContext(c), { id: c.req.param('id') });
    return c.redirect('/tokens?done=revoked', 303);
  });
