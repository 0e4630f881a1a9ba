import type { ReactNode } from 'react';
import { Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import type { Action } from '../domain/roles.ts';
import type { Locale, MessageKey, Translate } from '../i18n/messages.ts';
import type { Actor } from '../services/actor.ts';
import { can } from '../services/actor.ts';

/** One link of the main menu: shown to a signed-in actor who may do `action` (or to everyone signed in, for null). */
export interface NavEntry {
  href: string;
  label: MessageKey;
  action: Action | null;
}

export interface PageContext {
  t: Translate;
  locale: Locale;
  actor: Actor | null;
  csrfToken: string | null;
  path: string;
  query: string;
  requestId: string;
  /** The main menu, in order: composed from the modules' manifests by the composition (src/app). */
  navigation: readonly NavEntry[];
}

function navItems(page: PageContext): { href: string; label: string }[] {
  const { actor, t } = page;
  if (!actor) return [];
  return page.navigation
    .filter((entry) => entry.action === null || can(actor, entry.action, null))
    .map((entry) => ({ href: entry.href, label: t(entry.label) }));
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

function withLang(page: PageContext, lang: Locale): string {
  const params = new URLSearchParams(page.query);
  params.set('lang', lang);
  return `${page.path}?${params.toString()}`;
}

export function CsrfField({ page }: { page: PageContext }) {
  return page.csrfToken ? <input type="hidden" name="_csrf" value={page.csrfToken} /> : null;
}

export function Layout({ page, title, children }: { page: PageContext; title: string; children: ReactNode }) {
  const { t, actor, locale } = page;
  const items = navItems(page);
  return (
    <html lang={locale === 'en' ? 'en' : locale === 'nn' ? 'nn' : 'nb'} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t('app.name')}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/theme.css" />
        <link rel="stylesheet" href="/assets/ds.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/report.css" />
        <link rel="alternate" type="application/atom+xml" href="/status/feed.atom" title={t('status.title')} />
        <script src="/assets/ds-web.js" defer />
      </head>
      <body>
        <SkipLink href="#main">{t('nav.skip')}</SkipLink>
        <header className="niva-header">
          <div className="niva-header__inner">
            <a className="niva-brand" href="/">
              <span className="niva-brand__name">{t('app.name')}</span>
              <span className="niva-brand__tagline">{t('app.tagline')}</span>
            </a>
            <nav aria-label={t('lang.label')} className="niva-lang">
              {(['nb', 'nn', 'en'] as const).map((lang) => (
                <a
                  key={lang}
                  href={withLang(page, lang)}
                  hrefLang={lang}
                  lang={lang}
                  aria-current={lang === locale ? 'true' : undefined}
                >
                  {t(`lang.${lang}`)}
                </a>
              ))}
            </nav>
            {actor && (
              <form method="post" action="/logout" className="niva-user">
                <CsrfField page={page} />
                <span>{t('auth.signedInAs', { name: actor.label })}</span>
                <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
                  {t('auth.logout')}
                </button>
              </form>
            )}
          </div>
          {items.length > 0 && (
            <nav aria-label={t('nav.main')} className="niva-nav">
              <ul>
                {items.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={isCurrent(page.path, item.href) ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" className="niva-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="niva-footer">
          <Paragraph data-size="sm">
            {t('app.name')} · <Link href="/status">{t('status.title')}</Link> ·{' '}
            <Link href="/api/docs">{t('nav.api')}</Link>
          </Paragraph>
        </footer>
      </body>
    </html>
  );
}
