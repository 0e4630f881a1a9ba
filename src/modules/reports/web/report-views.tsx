import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReportDocument } from '../render/report-document.ts';
import { ReportArticle } from '../render/render-report-html.tsx';
import type { ArchivedReportSummary } from '../services/archived-reports.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import { SelectField } from '../../../platform/web/form.tsx';
import { CsrfField, Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { reportContentPaths } from './report-content-views.tsx';

export interface ReportPageView {
  page: PageContext;
  doc: ReportDocument;
  month: string;
  /** The chosen owner's code; null for the platform report. */
  owner: string | null;
  months: { value: string; label: string }[];
  owners: { value: string; label: string }[];
  versions: ArchivedReportSummary[];
  /** Query string (month, owner, lang) the download links share. */
  downloadBase: string;
  /** The operator's staff: archive versions and edit the report's content. */
  canManage: boolean;
  canManageSubscriptions: boolean;
  /** Set when the page shows an archived version. */
  archived: ArchivedReportSummary | null;
}

function Downloads({ view }: { view: ReportPageView }) {
  const { t } = view.page;
  return (
    <p className="niva-report__downloads">
      <span>{t('reports.download')}:</span>
      {(['pdf', 'xlsx', 'html'] as const).map((format) => (
        <Link key={format} href={`${view.downloadBase}format=${format}`}>
          {t(`reports.download.${format}`)}
        </Link>
      ))}
    </p>
  );
}

function Versions({ view }: { view: ReportPageView }) {
  const { t, locale } = view.page;
  if (view.versions.length === 0) return <Paragraph>{t('reports.archive.none')}</Paragraph>;
  return (
    <Table data-size="sm">
      <caption>{t('reports.archive.heading')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('reports.archive.heading')}</Table.HeaderCell>
          <Table.HeaderCell>{t('report.col.date')}</Table.HeaderCell>
          <Table.HeaderCell>SHA-256</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {view.versions.map((v) => (
          <Table.Row key={v.id}>
            <Table.Cell>
              <Link href={`/reports/archive/${v.id}`} aria-current={view.archived?.id === v.id ? 'page' : undefined}>
                {t('reports.archive.version', { version: v.version })}
              </Link>{' '}
              ({t(v.trigger === 'scheduled' ? 'reports.archive.scheduled' : 'reports.archive.manual')},{' '}
              {t('reports.archive.by', { who: v.generatedBy })})
            </Table.Cell>
            <Table.Cell>{formatInstant(v.generatedAt, locale)}</Table.Cell>
            <Table.Cell>
              <code>{v.digest.slice(0, 12)}</code>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** The report page: choose month and owner, read the report, download it, see and make archived versions. */
export function ReportPage({ view }: { view: ReportPageView }) {
  const { page, doc } = view;
  const { t } = page;
  const live = view.archived === null;
  return (
    <Layout page={page} title={`${doc.title} – ${doc.subtitle}`}>
      <div className="niva-report__actions">
        <form method="get" action="/reports" className="niva-filters" aria-label={t('reports.filter')}>
          <SelectField name="month" label={t('reports.month')} value={view.month} options={view.months} />
          <SelectField name="owner" label={t('reports.owner')} value={view.owner ?? ''} options={view.owners} />
          <Button type="submit" variant="secondary">
            {t('reports.show')}
          </Button>
        </form>
        <Paragraph data-size="sm">{live ? t('reports.archive.live') : t('reports.archive.viewing')}</Paragraph>
        {!live && (
          <Paragraph data-size="sm">
            <Link href={`/reports?month=${view.month}${view.owner ? `&owner=${encodeURIComponent(view.owner)}` : ''}`}>
              {t('reports.archive.back')}
            </Link>
          </Paragraph>
        )}
        <Downloads view={view} />
        {(view.canManage || view.canManageSubscriptions) && (
          <p className="niva-report__downloads">
            {view.canManage && (
              <Link href={`${reportContentPaths.content}?month=${view.month}`}>{t('reports.edit.content')}</Link>
            )}
            {view.canManageSubscriptions && (
              <Link href={reportContentPaths.subscriptions}>{t('reports.edit.subscriptions')}</Link>
            )}
          </p>
        )}
        <Heading level={2} data-size="xs">
          {t('reports.archive.heading')}
        </Heading>
        <Versions view={view} />
        {view.canManage && live && (
          <form method="post" action="/reports/archive">
            <CsrfField page={page} />
            <input type="hidden" name="month" value={view.month} />
            <input type="hidden" name="owner" value={view.owner ?? ''} />
            <Button type="submit" variant="secondary">
              {t('reports.archive.create')}
            </Button>
          </form>
        )}
      </div>
      <ReportArticle
        doc={doc}
        csvHref={(table) => `${view.downloadBase}format=csv&table=${encodeURIComponent(table)}`}
      />
    </Layout>
  );
}
