import { Alert, Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { OrganisationChoice } from '../auth/national/organisation-choices.ts';
import { Layout, type PageContext } from './layout.tsx';

/** Where the national login starts, with the return path (and the invitation or level asked for) in its query. */
export function nationalLoginHref(options: { next?: string; invitation?: string; level?: 'high' } = {}): string {
  const query = new URLSearchParams();
  if (options.next && options.next !== '/') query.set('next', options.next);
  if (options.invitation) query.set('invitation', options.invitation);
  if (options.level) query.set('level', options.level);
  const search = query.toString();
  return `/login/national${search ? `?${search}` : ''}`;
}

/** The national login's button on the login page: a link, since it leads to the provider, not a form of Nivå's. */
export function NationalLoginStart({ page, provider, next }: { page: PageContext; provider: string; next: string }) {
  const { t } = page;
  return (
    <>
      <Paragraph>{t('auth.national.intro', { provider })}</Paragraph>
      <Paragraph>
        <Button asChild variant="primary">
          <a href={nationalLoginHref({ next })}>{t('auth.national.button', { provider })}</a>
        </Button>
      </Paragraph>
    </>
  );
}

export interface MessageAction {
  href: string;
  label: string;
}

/** A page that says what happened to a login and what to do now, with links onward. */
export function LoginMessagePage({
  page,
  title,
  text,
  actions,
  tone = 'warning',
}: {
  page: PageContext;
  title: string;
  text: string;
  actions: MessageAction[];
  tone?: 'warning' | 'danger' | 'info';
}) {
  return (
    <Layout page={page} title={title}>
      <div className="niva-narrow">
        <Card data-color="neutral">
          <Card.Block>
            <Heading level={1} data-size="md">
              {title}
            </Heading>
            <Alert data-color={tone}>{text}</Alert>
            {actions.map((action) => (
              <Paragraph key={action.href}>
                <Link href={action.href}>{action.label}</Link>
              </Paragraph>
            ))}
          </Card.Block>
        </Card>
      </div>
    </Layout>
  );
}

/**
 * The organisations a login may act for: one form, one button per organisation. The server checks the one sent
 * against those the provider gave, so a changed value is refused.
 */
export function ChooseOrganisationPage({
  page,
  formToken,
  loginId,
  choices,
}: {
  page: PageContext;
  formToken: string;
  loginId: string;
  choices: OrganisationChoice[];
}) {
  const { t } = page;
  return (
    <Layout page={page} title={t('auth.national.chooseTitle')}>
      <div className="niva-narrow">
        <Card data-color="neutral">
          <Card.Block>
            <Heading level={1} data-size="md" id="choose-organisation">
              {t('auth.national.chooseTitle')}
            </Heading>
            <Paragraph>{t('auth.national.chooseIntro')}</Paragraph>
            <form method="post" action="/login/national/organisation" aria-labelledby="choose-organisation">
              <input type="hidden" name="_csrf" value={formToken} />
              <input type="hidden" name="login" value={loginId} />
              <ul className="niva-choices">
                {choices.map((choice) => (
                  <li key={choice.orgNumber}>
                    <Button type="submit" variant="secondary" name="organisation" value={choice.orgNumber}>
                      {`${choice.name} (${choice.orgNumber})`}
                    </Button>
                  </li>
                ))}
              </ul>
            </form>
          </Card.Block>
        </Card>
      </div>
    </Layout>
  );
}
