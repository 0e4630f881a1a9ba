import { type Context, Hono } from 'hono';
import { requestContext, systemRequestContext } from '../http/route-kit.ts';
import { deleteCookie, setCookie } from 'hono/cookie';
import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { isAppError } from '../services/app-error.ts';
import { logIn } from '../auth/log-in.ts';
import { logOut } from '../auth/sessions.ts';
import { Layout, type PageContext } from './layout.tsx';
import { TextField } from './form.tsx';
import type { AppEnv } from '../http/env.ts';
import { sessionCookie } from '../http/middleware/authenticate.ts';
import { clientAddress } from '../http/client-address.ts';
import { pageContext, render } from './render.tsx';
import { assertFormToken, formToken } from '../http/form-token.ts';
import { safeNext } from '../http/safe-next.ts';
import { NationalLoginStart } from './national-login-views.tsx';

interface LoginView {
  page: PageContext;
  token: string;
  email?: string;
  next: string;
  error?: string;
  /** The national login's provider name, when it is set up. */
  national: string | null;
  /** Whether the e-mail and password form is offered. */
  passwords: boolean;
}

function LoginPage({ page, token, email, next, error, national, passwords }: LoginView) {
  const { t } = page;
  return (
    <Layout page={page} title={t('auth.login')}>
      <div className="niva-narrow">
        <Card data-color="neutral">
          <Card.Block>
            <Heading level={1} data-size="md">
              {t('auth.loginTitle')}
            </Heading>
            {national !== null && <NationalLoginStart page={page} provider={national} next={next} />}
            {passwords && (
              <>
                {national !== null && (
                  <Heading level={2} data-size="xs">
                    {t('auth.national.orPassword')}
                  </Heading>
                )}
                <PasswordForm page={page} token={token} email={email} next={next} error={error} />
              </>
            )}
          </Card.Block>
        </Card>
      </div>
    </Layout>
  );
}

function PasswordForm({ page, token, email, next, error }: Omit<LoginView, 'national' | 'passwords'>) {
  const { t } = page;
  return (
    <>
      <Paragraph>{t('auth.loginIntro')}</Paragraph>
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
      <form method="post" action="/login" className="niva-form">
        <input type="hidden" name="_csrf" value={token} />
        <input type="hidden" name="next" value={next} />
        <TextField name="email" label={t('auth.email')} type="email" value={email} required autoComplete="username" />
        <TextField
          name="password"
          label={t('auth.password')}
          type="password"
          required
          autoComplete="current-password"
        />
        <Button type="submit">{t('auth.login')}</Button>
      </form>
    </>
  );
}

/** What the login page offers, from the configuration. */
function offers(c: Context<AppEnv>): Pick<LoginView, 'national' | 'passwords'> {
  const { config } = c.var.deps;
  return { national: config.nationalLogin?.name ?? null, passwords: config.passwordLogin };
}

export const authPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.var.actor) return c.redirect(safeNext(c.req.query('next')));
    const next = safeNext(c.req.query('next'));
    const token = c.var.deps.config.passwordLogin ? formToken(c) : '';
    return render(c, <LoginPage page={pageContext(c)} token={token} next={next} {...offers(c)} />);
  })
  .post('/login', async (c) => {
    // With passwords switched off there is no password sign-in to post to.
    if (!c.var.deps.config.passwordLogin) return c.notFound();
    const body = await c.req.parseBody();
    assertFormToken(c, body._csrf);
    const token = formToken(c);
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    const page = pageContext(c);
    const { deps } = c.var;
    const offered = offers(c);
    const wait = deps.loginLimiter.hit(clientAddress(c, deps.config.trustProxy), deps.clock.now());
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return render(
        c,
        <LoginPage
          page={page}
          token={token}
          email={email}
          next={next}
          error={page.t('auth.rateLimited')}
          {...offered}
        />,
        429,
      );
    }
    try {
      const ctx = systemRequestContext(c, 'login');
      const session = await logIn(
        ctx,
        { email, password },
        {
          maxFailures: deps.config.loginMaxFailures,
          lockMs: deps.config.loginLockMs,
          sessionTtlMs: deps.config.sessionTtlMs,
        },
      );
      setCookie(c, sessionCookie, session.sessionToken, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: Math.floor(deps.config.sessionTtlMs / 1000),
      });
      return c.redirect(next, 303);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'locked') {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        return render(
          c,
          <LoginPage
            page={page}
            token={token}
            email={email}
            next={next}
            error={page.t('auth.locked', { minutes })}
            {...offered}
          />,
          423,
        );
      }
      return render(
        c,
        <LoginPage page={page} token={token} email={email} next={next} error={page.t('auth.wrong')} {...offered} />,
        error.code === 'validation' ? 400 : 401,
      );
    }
  })
  .post('/logout', async (c) => {
    const token = c.var.sessionToken;
    const actor = c.var.actor;
    const ended = token && actor ? await logOut(requestContext(c, actor), { sessionToken: token }) : null;
    deleteCookie(c, sessionCookie, { path: '/' });
    // A national login is ended at its provider too (RP-initiated logout), which then sends the browser back here.
    const national = c.var.deps.nationalLogin;
    if (national && ended?.idTokenHint) {
      const target = await national.endSessionUrl(ended.idTokenHint, `${c.var.deps.config.publicUrl}/logged-out`);
      if (target) return c.redirect(target.href, 303);
    }
    return c.redirect('/login', 303);
  });
