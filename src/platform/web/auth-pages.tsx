import { Hono } from 'hono';
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

/** Only same-site paths are followed after login, never an absolute URL. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/';
}

interface LoginView {
  page: PageContext;
  token: string;
  email?: string;
  next: string;
  error?: string;
}

function LoginPage({ page, token, email, next, error }: LoginView) {
  const { t } = page;
  return (
    <Layout page={page} title={t('auth.login')}>
      <div className="niva-narrow">
        <Card data-color="neutral">
          <Card.Block>
            <Heading level={1} data-size="md">
              {t('auth.loginTitle')}
            </Heading>
            <Paragraph>{t('auth.loginIntro')}</Paragraph>
            {error && (
              <Alert data-color="danger" role="alert">
                {error}
              </Alert>
            )}
            <form method="post" action="/login" className="niva-form">
              <input type="hidden" name="_csrf" value={token} />
              <input type="hidden" name="next" value={next} />
              <TextField
                name="email"
                label={t('auth.email')}
                type="email"
                value={email}
                required
                autoComplete="username"
              />
              <TextField
                name="password"
                label={t('auth.password')}
                type="password"
                required
                autoComplete="current-password"
              />
              <Button type="submit">{t('auth.login')}</Button>
            </form>
          </Card.Block>
        </Card>
      </div>
    </Layout>
  );
}

export const authPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.var.actor) return c.redirect(safeNext(c.req.query('next')));
    return render(c, <LoginPage page={pageContext(c)} token={formToken(c)} next={safeNext(c.req.query('next'))} />);
  })
  .post('/login', async (c) => {
    const body = await c.req.parseBody();
    assertFormToken(c, body._csrf);
    const token = formToken(c);
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    const page = pageContext(c);
    const { deps } = c.var;
    const wait = deps.loginLimiter.hit(clientAddress(c, deps.config.trustProxy), deps.clock.now());
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return render(
        c,
        <LoginPage page={page} token={token} email={email} next={next} error={page.t('auth.rateLimited')} />,
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
          <LoginPage page={page} token={token} email={email} next={next} error={page.t('auth.locked', { minutes })} />,
          423,
        );
      }
      return render(
        c,
        <LoginPage page={page} token={token} email={email} next={next} error={page.t('auth.wrong')} />,
        error.code === 'validation' ? 400 : 401,
      );
    }
  })
  .post('/logout', async (c) => {
    const token = c.var.sessionToken;
    const actor = c.var.actor;
    if (token && actor) {
      await logOut(requestContext(c, actor), { sessionToken: token });
    }
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect('/login', 303);
  });
