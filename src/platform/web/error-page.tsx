import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Layout, type PageContext } from './layout.tsx';

export function ErrorPage({ page, status, message }: { page: PageContext; status: number; message?: string }) {
  const { t } = page;
  const title = status === 404 ? t('error.notFound') : status === 403 ? t('error.forbidden') : t('error.title');
  const text =
    message ??
    (status === 404
      ? t('error.notFoundText')
      : status === 403
        ? t('error.forbiddenText')
        : t('error.internalText', { requestId: page.requestId }));
  return (
    <Layout page={page} title={title}>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{text}</Paragraph>
      <Paragraph>
        <Link href="/">{t('error.home')}</Link>
      </Paragraph>
    </Layout>
  );
}
