import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Details,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import { markdownToHtml } from '../render/markdown.ts';
import type { ComponentOption, MeetingItem, ReportBlockItem, RoadmapItem } from './report-content-model.ts';
import { formatInstant, monthName } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import type { FailedForm } from '../../../platform/web/form.tsx';
import { blockValues, DeleteButton, meetingValues, roadmapValues } from './report-content-forms.tsx';
import { BlockForm } from './report-block-form.tsx';
import { MeetingForm } from './meeting-form.tsx';
import { RoadmapForm } from './roadmap-entry-form.tsx';

export const reportContentPaths = { content: '/reports/content', subscriptions: '/reports/subscriptions' } as const;

/** What `?done=` may say after a form; anything else in the address is ignored. */
export const doneTexts: ReadonlySet<string> = new Set(
  ['block', 'roadmap', 'meeting']
    .flatMap((k) => ['created', 'updated', 'deleted'].map((d) => `${k}-${d}`))
    .concat(['subscribed', 'unsubscribed']),
);

export interface ReportContentView {
  page: PageContext;
  month: string;
  blocks: ReportBlockItem[];
  roadmap: RoadmapItem[];
  meetings: MeetingItem[];
  components: ComponentOption[];
  done: string | undefined;
  failed: FailedForm | undefined;
}

/** Markdown rendered by the report's own renderer, which escapes raw HTML and drops unsafe links. */
function Preview({ markdown, label }: { markdown: string; label: string }) {
  return (
    <div
      className="niva-markdown"
      aria-label={label}
      role="region"
      dangerouslySetInnerHTML={{ __html: markdownToHtml(markdown) }}
    />
  );
}

/** An edit form folded away, unfolded when it was just rejected. */
function Editor({
  view,
  formKey,
  summary,
  children,
}: {
  view: ReportContentView;
  formKey: string;
  summary: string;
  children: ReactNode;
}) {
  return (
    <Details defaultOpen={view.failed?.form === formKey}>
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>{children}</Details.Content>
    </Details>
  );
}

function BlockList({ view, kind }: { view: ReportContentView; kind: 'news' | 'project-status' }) {
  const { page, month } = view;
  const { t } = page;
  const blocks = view.blocks.filter((b) => b.kind === kind);
  if (blocks.length === 0)
    return <Paragraph>{t(kind === 'news' ? 'reportContent.newsNone' : 'reportContent.projectStatusNone')}</Paragraph>;
  return (
    <div className="niva-status-list">
      {blocks.map((block) => (
        <Card key={block.id} data-block={block.id}>
          <Heading level={3} data-size="xs">
            {block.title}
          </Heading>
          <Paragraph data-size="sm" className="niva-subtle">
            {t('reportContent.position', { position: block.position })}
          </Paragraph>
          <Preview markdown={block.bodyMarkdown} label={`${t('reportContent.preview')}: ${block.title}`} />
          <Editor view={view} formKey={`block:${block.id}`} summary={`${t('reportContent.edit')}: ${block.title}`}>
            <BlockForm
              page={page}
              action={`${reportContentPaths.content}/blocks/${block.id}`}
              formKey={`block:${block.id}`}
              month={month}
              values={blockValues(block)}
              failed={view.failed}
              submit={t('reportContent.save')}
            />
          </Editor>
          <DeleteButton
            page={page}
            action={`${reportContentPaths.content}/blocks/${block.id}/delete`}
            month={month}
            label={`${t('reportContent.delete')}: ${block.title}`}
          />
        </Card>
      ))}
    </div>
  );
}

function RoadmapTable({ view }: { view: ReportContentView }) {
  const { page, month, components } = view;
  const { t } = page;
  if (view.roadmap.length === 0) return <Paragraph>{t('reportContent.roadmapNone')}</Paragraph>;
  const componentName = new Map(components.map((c) => [c.id, c.name]));
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('reportContent.roadmap.caption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('reportContent.field.period')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.field.title')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.field.status')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.field.componentId')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.actions')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {view.roadmap.map((entry) => (
          <Table.Row key={entry.id} data-roadmap={entry.id}>
            <Table.Cell>{entry.period}</Table.Cell>
            <Table.HeaderCell scope="row">{entry.title}</Table.HeaderCell>
            <Table.Cell>
              <Tag data-size="sm">{t(`reportContent.status.${entry.status}` as MessageKey)}</Tag>
            </Table.Cell>
            <Table.Cell>{entry.componentId ? (componentName.get(entry.componentId) ?? '–') : '–'}</Table.Cell>
            <Table.Cell>
              <Editor
                view={view}
                formKey={`roadmap:${entry.id}`}
                summary={`${t('reportContent.edit')}: ${entry.title}`}
              >
                <RoadmapForm
                  page={page}
                  action={`${reportContentPaths.content}/roadmap/${entry.id}`}
                  formKey={`roadmap:${entry.id}`}
                  month={month}
                  values={roadmapValues(entry)}
                  components={components}
                  failed={view.failed}
                  submit={t('reportContent.save')}
                />
              </Editor>
              <DeleteButton
                page={page}
                action={`${reportContentPaths.content}/roadmap/${entry.id}/delete`}
                month={month}
                label={`${t('reportContent.delete')}: ${entry.title}`}
              />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function MeetingTable({ view }: { view: ReportContentView }) {
  const { page, month } = view;
  const { t, locale } = page;
  if (view.meetings.length === 0) return <Paragraph>{t('reportContent.meetingsNone')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('reportContent.meetings.caption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('reportContent.meeting.when')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.field.title')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.field.format')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.field.location')}</Table.HeaderCell>
          <Table.HeaderCell>{t('reportContent.actions')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {view.meetings.map((meeting) => (
          <Table.Row key={meeting.id} data-meeting={meeting.id}>
            <Table.Cell>{`${formatInstant(meeting.startsAt, locale)} – ${formatInstant(meeting.endsAt, locale)}`}</Table.Cell>
            <Table.HeaderCell scope="row">
              {meeting.url ? <Link href={meeting.url}>{meeting.title}</Link> : meeting.title}
              {meeting.series && meeting.series !== meeting.title && (
                <span className="niva-subtle"> · {meeting.series}</span>
              )}
            </Table.HeaderCell>
            <Table.Cell>{t(`reportContent.format.${meeting.format}` as MessageKey)}</Table.Cell>
            <Table.Cell>{meeting.location || '–'}</Table.Cell>
            <Table.Cell>
              <Editor
                view={view}
                formKey={`meeting:${meeting.id}`}
                summary={`${t('reportContent.edit')}: ${meeting.title}`}
              >
                <MeetingForm
                  page={page}
                  action={`${reportContentPaths.content}/meetings/${meeting.id}`}
                  formKey={`meeting:${meeting.id}`}
                  month={month}
                  values={meetingValues(meeting)}
                  failed={view.failed}
                  submit={t('reportContent.save')}
                />
              </Editor>
              <DeleteButton
                page={page}
                action={`${reportContentPaths.content}/meetings/${meeting.id}/delete`}
                month={month}
                label={`${t('reportContent.delete')}: ${meeting.title}`}
              />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export function ReportContentPage(view: ReportContentView) {
  const { page, month, done } = view;
  const { t, locale } = page;
  const action = reportContentPaths.content;
  return (
    <Layout page={page} title={t('reportContent.title')}>
      <Heading level={1} data-size="lg">
        {t('reportContent.title')}
      </Heading>
      <Paragraph>{t('reportContent.intro')}</Paragraph>
      {done && doneTexts.has(done) && (
        <Alert data-color="success" role="status">
          {t(`reportContent.done.${done}` as MessageKey)}
        </Alert>
      )}
      <form method="get" action={action} className="niva-filters">
        <Field>
          <Label htmlFor="f-month">{t('reportContent.month')}</Label>
          <Input id="f-month" name="month" type="month" defaultValue={month} />
        </Field>
        <Button type="submit" variant="secondary">
          {t('reportContent.monthShow')}
        </Button>
      </form>
      <Heading level={2} data-size="md">
        {t('reportContent.monthHeading', { month: monthName(month, locale) })}
      </Heading>
      <section aria-labelledby="news-heading" className="niva-panel">
        <Heading level={2} data-size="sm" id="news-heading">
          {t('reportContent.news')}
        </Heading>
        <BlockList view={view} kind="news" />
      </section>
      <section aria-labelledby="status-heading" className="niva-panel">
        <Heading level={2} data-size="sm" id="status-heading">
          {t('reportContent.projectStatus')}
        </Heading>
        <BlockList view={view} kind="project-status" />
      </section>
      <BlockForm
        page={page}
        action={`${action}/blocks`}
        formKey="block:new"
        month={month}
        values={{}}
        failed={view.failed}
        heading={t('reportContent.block.add')}
        submit={t('reportContent.block.addSubmit')}
      />
      <section aria-labelledby="roadmap-heading" className="niva-panel">
        <Heading level={2} data-size="sm" id="roadmap-heading">
          {t('reportContent.roadmap')}
        </Heading>
        <RoadmapTable view={view} />
      </section>
      <RoadmapForm
        page={page}
        action={`${action}/roadmap`}
        formKey="roadmap:new"
        month={month}
        values={{}}
        components={view.components}
        failed={view.failed}
        heading={t('reportContent.roadmap.add')}
        submit={t('reportContent.roadmap.addSubmit')}
      />
      <section aria-labelledby="meetings-heading" className="niva-panel">
        <Heading level={2} data-size="sm" id="meetings-heading">
          {t('reportContent.meetings')}
        </Heading>
        <Paragraph data-size="sm">{t('reportContent.meetingsIntro', { month: monthName(month, locale) })}</Paragraph>
        <MeetingTable view={view} />
      </section>
      <MeetingForm
        page={page}
        action={`${action}/meetings`}
        formKey="meeting:new"
        month={month}
        values={{}}
        failed={view.failed}
        heading={t('reportContent.meeting.add')}
        submit={t('reportContent.meeting.addSubmit')}
      />
    </Layout>
  );
}
