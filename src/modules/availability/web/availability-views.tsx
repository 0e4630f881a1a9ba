import { Alert, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { MessageKey } from '../../../platform/i18n/messages.ts';
import type { ComponentAvailability } from '../services/availability-inputs.ts';
import type { ComponentFacts, MaintenanceItem, OutageItem } from './availability-model.ts';
import { formatInstant, monthName } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { AvailabilityChart } from './availability-chart.tsx';
import {
  durationText,
  figureKindText,
  figureText,
  monthShort,
  percentText,
  ProjectionLine,
  shownProjection,
  TargetTag,
  targetText,
  windowLabel,
} from './availability-display.tsx';
import type { FailedForm } from '../../../platform/web/form.tsx';
import { EndOutageForm, MaintenanceActions, PlanMaintenanceForm, RecordOutageForm } from './availability-forms.tsx';

export interface ComponentFigure {
  component: ComponentFacts;
  figure: ComponentAvailability;
}

/**
 * Says how far a month in progress is counted, and what a projection is where one is shown; nothing for months that
 * are over, so the notes appear exactly when a figure could be mistaken for the whole month.
 */
function CoverageNotes({ page, figures }: { page: PageContext; figures: readonly ComponentAvailability[] }) {
  const { t, locale } = page;
  const toDate = figures.find((f) => f.progress === 'to-date');
  return (
    <>
      {toDate && (
        <Paragraph data-size="sm" data-through={toDate.throughMs}>
          {t('availability.throughNote', {
            month: monthName(toDate.month, locale),
            instant: formatInstant(toDate.throughMs, locale),
          })}
        </Paragraph>
      )}
      {figures.some((f) => shownProjection(f) !== null) && (
        <Paragraph data-size="sm">{t('availability.projectionNote')}</Paragraph>
      )}
    </>
  );
}

export function AvailabilityListPage({
  page,
  month,
  rows,
}: {
  page: PageContext;
  month: string;
  rows: ComponentFigure[];
}) {
  const { t, locale } = page;
  const name = monthName(month, locale);
  return (
    <Layout page={page} title={t('availability.title')}>
      <Heading level={1} data-size="lg">
        {t('availability.title')}
      </Heading>
      <Paragraph>{t('availability.intro')}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t('availability.none')}</Paragraph>
      ) : (
        <Table data-size="sm" zebra>
          <caption className="ds-sr-only">{t('availability.caption', { month: name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('availability.component')}</Table.HeaderCell>
              <Table.HeaderCell>{t('availability.window')}</Table.HeaderCell>
              <Table.HeaderCell>{t('availability.target')}</Table.HeaderCell>
              <Table.HeaderCell>{t('availability.monthSoFar', { month: name })}</Table.HeaderCell>
              <Table.HeaderCell>{t('availability.againstTarget')}</Table.HeaderCell>
              <Table.HeaderCell>{t('availability.unknown')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map(({ component, figure }) => (
              <Table.Row key={component.id} data-component={component.code}>
                <Table.Cell>
                  <Link href={`/availability/${encodeURIComponent(component.code)}`}>{component.name}</Link>
                </Table.Cell>
                <Table.Cell>{windowLabel(component.calendarId, t)}</Table.Cell>
                <Table.Cell>{targetText(component.targetBasisPoints, locale)}</Table.Cell>
                <Table.Cell data-figure data-progress={figure.progress}>
                  {figureText(figure, locale, t)}
                  <ProjectionLine figure={figure} locale={locale} t={t} />
                </Table.Cell>
                <Table.Cell>
                  <TargetTag figure={figure} t={t} />
                </Table.Cell>
                <Table.Cell>
                  {figure.unknownMs > 0
                    ? t('availability.unknownValue', { duration: durationText(figure.unknownMs, t) })
                    : '–'}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <CoverageNotes page={page} figures={rows.map((r) => r.figure)} />
    </Layout>
  );
}

export interface ComponentPageView {
  page: PageContext;
  component: ComponentFacts;
  history: ComponentAvailability[];
  outages: OutageItem[];
  maintenance: MaintenanceItem[];
  managesOutages: boolean;
  managesMaintenance: boolean;
  /** The request's instant, for whether a draft would still be announced in time. */
  now: number;
  done: string | undefined;
  failed: FailedForm | undefined;
}

const doneText: Record<string, MessageKey> = {
  recorded: 'availability.done.recorded',
  ended: 'availability.done.ended',
  planned: 'availability.done.planned',
  published: 'availability.done.published',
  'published-late': 'availability.done.publishedLate',
  cancelled: 'availability.done.cancelled',
};

function chartDescription(page: PageContext, component: ComponentFacts, history: ComponentAvailability[]): string {
  const { t, locale } = page;
  const from = monthName(history[0]?.month ?? '', locale);
  const to = monthName(history[history.length - 1]?.month ?? '', locale);
  const known = history.filter((f) => f.availability !== null);
  const lowest = known.reduce<ComponentAvailability | undefined>(
    (low, f) => (low === undefined || (f.availability ?? 1) < (low.availability ?? 1) ? f : low),
    undefined,
  );
  const last = history[history.length - 1];
  // The bar of a month in progress is the month so far; the description says so, as the table does.
  const toDate =
    last?.progress === 'to-date'
      ? ` ${t('availability.chart.descToDate', { month: to, instant: formatInstant(last.throughMs, locale) })}`
      : '';
  if (!lowest) return t('availability.chart.descEmpty', { count: history.length, from, to }) + toDate;
  const description = t('availability.chart.desc', {
    count: history.length,
    from,
    to,
    target: targetText(component.targetBasisPoints, locale),
    met: known.filter((f) => f.meetsTarget).length,
    known: known.length,
    lowest: monthName(lowest.month, locale),
    lowestValue: figureText(lowest, locale, t),
  });
  return description + toDate;
}

function HistoryTable({ page, history }: { page: PageContext; history: ComponentAvailability[] }) {
  const { t, locale } = page;
  return (
    <Table data-size="sm" zebra className="niva-history">
      <caption>{t('availability.table.caption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('availability.month')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.availability')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.againstTarget')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.downtime')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.unknown')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.figureKind')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {[...history].reverse().map((f) => (
          <Table.Row key={f.month} data-month={f.month} data-progress={f.progress}>
            <Table.HeaderCell scope="row">{monthName(f.month, locale)}</Table.HeaderCell>
            <Table.Cell data-figure>
              {figureText(f, locale, t)}
              <ProjectionLine figure={f} locale={locale} t={t} />
            </Table.Cell>
            <Table.Cell>
              <TargetTag figure={f} t={t} />
            </Table.Cell>
            <Table.Cell>{f.progress === 'not-started' ? '–' : durationText(f.downtimeMs, t)}</Table.Cell>
            <Table.Cell>{f.unknownMs > 0 ? durationText(f.unknownMs, t) : '–'}</Table.Cell>
            <Table.Cell>{figureKindText(f, locale, t)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function OutageTable({ view, base }: { view: ComponentPageView; base: string }) {
  const { page, outages, managesOutages, failed } = view;
  const { t, locale } = page;
  if (outages.length === 0) return <Paragraph>{t('availability.outages.none')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('availability.outages.caption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('availability.outage.start')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.outage.end')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.outage.severity')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.outage.source')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.publicText')}</Table.HeaderCell>
          {managesOutages && <Table.HeaderCell>{t('availability.actions')}</Table.HeaderCell>}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {outages.map((o) => (
          <Table.Row key={o.id} data-outage={o.id}>
            <Table.Cell>{formatInstant(o.startAt, locale)}</Table.Cell>
            <Table.Cell>
              {o.endAt === null ? (
                <Tag data-color="warning" data-size="sm">
                  {t('availability.outage.ongoing')}
                </Tag>
              ) : (
                formatInstant(o.endAt, locale)
              )}
            </Table.Cell>
            <Table.Cell>{t(`availability.severity.${o.severity}`)}</Table.Cell>
            <Table.Cell>{t(`availability.source.${o.source}`)}</Table.Cell>
            <Table.Cell>{o.publicText}</Table.Cell>
            {managesOutages && (
              <Table.Cell>
                {o.endAt === null && (
                  <EndOutageForm
                    page={page}
                    action={`${base}/outages/${o.id}/end`}
                    outageIdValue={o.id}
                    failed={failed}
                  />
                )}
              </Table.Cell>
            )}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function noticeText(m: MaintenanceItem, page: PageContext): string {
  const { t, locale } = page;
  const latest = formatInstant(m.latestAnnouncementAt, locale);
  if (m.kind === 'emergency') return t('availability.notice.emergency');
  if (m.noticeInTime === null) return t('availability.notice.due', { latest });
  return m.noticeInTime ? t('availability.notice.inTime', { latest }) : t('availability.notice.late', { latest });
}

function MaintenanceTable({ view, base }: { view: ComponentPageView; base: string }) {
  const { page, maintenance, managesMaintenance, now } = view;
  const { t, locale } = page;
  if (maintenance.length === 0) return <Paragraph>{t('availability.maintenance.none')}</Paragraph>;
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('availability.maintenance.caption')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('availability.maintenance.kind')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.maintenance.title')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.maintenance.window')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.maintenance.announced')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.maintenance.notice')}</Table.HeaderCell>
          <Table.HeaderCell>{t('availability.maintenance.status')}</Table.HeaderCell>
          {managesMaintenance && <Table.HeaderCell>{t('availability.actions')}</Table.HeaderCell>}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {maintenance.map((m) => (
          <Table.Row key={m.id} data-maintenance={m.id} data-status={m.status}>
            <Table.Cell>{t(`availability.kind.${m.kind}` as MessageKey)}</Table.Cell>
            <Table.Cell>
              {m.title}
              <br />
              <span className="niva-muted">{m.publicText}</span>
            </Table.Cell>
            <Table.Cell>{`${formatInstant(m.startAt, locale)} – ${formatInstant(m.endAt, locale)}`}</Table.Cell>
            <Table.Cell>
              {m.announcedAt === null
                ? t('availability.maintenance.notAnnounced')
                : formatInstant(m.announcedAt, locale)}
            </Table.Cell>
            <Table.Cell data-notice={m.noticeInTime === null ? 'pending' : m.noticeInTime ? 'in-time' : 'late'}>
              {noticeText(m, page)}
            </Table.Cell>
            <Table.Cell>{t(`availability.status.${m.status}`)}</Table.Cell>
            {managesMaintenance && (
              <Table.Cell>
                {m.status !== 'cancelled' && (
                  <MaintenanceActions
                    page={page}
                    base={base}
                    id={m.id}
                    draft={m.status === 'draft'}
                    late={m.kind !== 'emergency' && now > m.latestAnnouncementAt}
                  />
                )}
              </Table.Cell>
            )}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export function AvailabilityComponentPage(view: ComponentPageView) {
  const { page, component, history, done, managesOutages, managesMaintenance, failed } = view;
  const { t, locale } = page;
  const base = `/availability/${encodeURIComponent(component.code)}`;
  const doneKey = done ? doneText[done] : undefined;
  return (
    <Layout page={page} title={component.name}>
      <Paragraph data-size="sm">
        <Link href="/availability">{t('availability.title')}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {component.name}
      </Heading>
      {doneKey && (
        <Alert data-color={done === 'published-late' ? 'warning' : 'success'} role="status">
          {t(doneKey)}
        </Alert>
      )}
      <Paragraph>{`${t('availability.window')}: ${windowLabel(component.calendarId, t)} · ${t('availability.target')}: ${targetText(component.targetBasisPoints, locale)}`}</Paragraph>
      <section aria-labelledby="history-heading">
        <Heading level={2} data-size="sm" id="history-heading">
          {t('availability.history')}
        </Heading>
        <AvailabilityChart
          figures={history}
          text={{
            title: t('availability.chart.title', { component: component.name }),
            description: chartDescription(page, component, history),
            monthLabel: monthShort,
            percent: (v) => percentText(v, locale),
            target: t('availability.chart.target', { target: targetText(component.targetBasisPoints, locale) }),
          }}
        />
        <HistoryTable page={page} history={history} />
        <CoverageNotes page={page} figures={history} />
      </section>
      <section aria-labelledby="outages-heading">
        <Heading level={2} data-size="sm" id="outages-heading">
          {t('availability.outages')}
        </Heading>
        <OutageTable view={view} base={base} />
        {managesOutages && <RecordOutageForm page={page} action={`${base}/outages`} failed={failed} />}
      </section>
      <section aria-labelledby="maintenance-heading">
        <Heading level={2} data-size="sm" id="maintenance-heading">
          {t('availability.maintenance')}
        </Heading>
        <MaintenanceTable view={view} base={base} />
        {managesMaintenance && <PlanMaintenanceForm page={page} action={`${base}/maintenance`} failed={failed} />}
      </section>
    </Layout>
  );
}
