import type { Context } from 'hono';
import { systemRequestContext } from '../../../platform/http/route-kit.ts';
import { Hono } from 'hono';
import { Alert, Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { assertFormToken, formToken } from '../../../platform/http/form-token.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { bindFields, type FieldErrors, fieldErrors, PostForm, TextField } from '../../../platform/web/form.tsx';
import { formatInstant } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { nationalLoginHref } from '../../../platform/web/national-login-views.tsx';
import { formBody, serviceContext, text } from '../../../platform/web/web-kit.ts';
import { acceptInvitation } from '../services/accept-invitation.ts';
import { findInvitation, type InvitationView } from '../services/find-invitation.ts';

/**
 * Accepting an invitation, from the link in its e-mail. The link's token is the credential: someone with an account
 * accepts signed in as the invited address; a new person chooses a name and password, on a form guarded like the
 * sign-in form (pre-session token and Origin), since there is no session yet. With the national login set up, anyone
 * may instead accept by logging in with it from here: the link's token travels with the login.
 */

interface AcceptView {
  page: PageContext;
  token: string;
  invitation: InvitationView;
  form: { values: Record<string, string>; errors: FieldErrors };
  /** The national login's provider name, when it is set up: the person may accept by logging in with it. */
  national: string | null;
  /** Whether a new person may choose a password here (off: only the national login accepts). */
  passwords: boolean;
}

function NationalAccept({ page, token, national }: Pick<AcceptView, 'page' | 'token' | 'national'>) {
  if (national === null) return null;
  return (
    <Paragraph>
      <Button asChild variant="primary">
        <a href={nationalLoginHref({ invitation: token })}>
          {page.t('invitations.acceptNational', { provider: national })}
        </a>
      </Button>
    </Paragraph>
  );
}

function AcceptBody({ page, token, invitation, form, national, passwords }: AcceptView) {
  const { t } = page;
  const action = `/invitations/${encodeURIComponent(token)}`;
  const actor = page.actor;
  if (actor?.type === 'user') {
    if (actor.label !== invitation.email)
      return <Alert data-color="warning">{t('invitations.otherAccount', { email: invitation.email })}</Alert>;
    return (
      <PostForm page={page} action={action} errors={{}} labels={{}} submit={t('invitations.accept')}>
        {null}
      </PostForm>
    );
  }
  const viaNational = <NationalAccept page={page} token={token} national={national} />;
  if (!passwords) return viaNational;
  if (invitation.accountExists) {
    return (
      <>
        {viaNational}
        <Paragraph>
          <Link href={`/login?next=${encodeURIComponent(action)}`}>
            {t('invitations.signInToAccept', { email: invitation.email })}
          </Link>
        </Paragraph>
      </>
    );
  }
  const labels = { name: t('users.name'), password: t('invitations.choosePassword') };
  const field = bindFields({ ...form, labels });
  return (
    <>
      {viaNational}
      <PostForm page={page} action={action} errors={form.errors} labels={labels} submit={t('invitations.accept')}>
        <TextField {...field('name')} required autoComplete="name" />
        <TextField {...field('password')} value={undefined} type="password" required autoComplete="new-password" />
      </PostForm>
    </>
  );
}

function AcceptPage(props: AcceptView) {
  const { page, invitation } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('invitations.title')}>
      <div className="niva-narrow">
        <Card data-color="neutral">
          <Card.Block>
            <Heading level={1} data-size="md">
              {t('invitations.title')}
            </Heading>
            <Paragraph>
              {t('invitations.offer', {
                organisation: invitation.organisationName,
                role: t(`role.${invitation.role}` as MessageKey),
                email: invitation.email,
              })}
            </Paragraph>
            <Paragraph data-size="sm">
              {t('invitations.validUntil', { when: formatInstant(invitation.expiresAt, locale) })}
            </Paragraph>
            <AcceptBody {...props} />
          </Card.Block>
        </Card>
      </div>
    </Layout>
  );
}

function InvalidPage({ page }: { page: PageContext }) {
  const { t } = page;
  return (
    <Layout page={page} title={t('invitations.title')}>
      <Heading level={1} data-size="md">
        {t('invitations.title')}
      </Heading>
      <Alert data-color="warning">{t('invitations.invalid')}</Alert>
    </Layout>
  );
}

/** The page context: anonymous visitors' forms carry the pre-session token instead of a session's. */
function acceptContext(c: Context<AppEnv>): PageContext {
  const page = pageContext(c);
  return c.var.actor ? page : { ...page, csrfToken: formToken(c) };
}

async function show(c: Context<AppEnv>, token: string, form: AcceptView['form'], status: 200 | 400 = 200) {
  const page = acceptContext(c);
  try {
    const invitation = await findInvitation(systemRequestContext(c, 'invitation'), { token });
    const { config } = c.var.deps;
    return render(
      c,
      <AcceptPage
        page={page}
        token={token}
        invitation={invitation}
        form={form}
        national={config.nationalLogin?.name ?? null}
        passwords={config.passwordLogin}
      />,
      status,
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'not-found') return render(c, <InvalidPage page={page} />, 404);
    throw error;
  }
}

export const invitationPages = new Hono<AppEnv>()
  .get('/invitations/:token', (c) => show(c, c.req.param('token'), { values: {}, errors: {} }))
  .post('/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const signedIn = c.var.actor !== null;
    // Without passwords, a new person accepts only by national login: there is no account to create here.
    if (!signedIn && !c.var.deps.config.passwordLogin) return c.notFound();
    // A session's form is checked by the CSRF middleware; an anonymous one by its pre-session token here.
    if (!signedIn) assertFormToken(c, (await c.req.parseBody())._csrf);
    const body = await formBody(c);
    const values = { name: text(body, 'name') ?? '' };
    const password = text(body, 'password');
    try {
      const accepted = await acceptInvitation(signedIn ? serviceContext(c) : systemRequestContext(c, 'invitation'), {
        token,
        ...(signedIn ? {} : { name: values.name, ...(password ? { password } : {}) }),
      });
      return c.redirect(accepted.accountCreated ? '/login' : '/', 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.fields.length > 0) return show(c, token, { values, errors: fieldErrors(error.fields) }, 400);
      if (error.code === 'not-found' || error.code === 'unauthenticated') return show(c, token, { values, errors: {} });
      throw error;
    }
  });
