import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { intlLocale, type Locale, type Translate } from '../../../platform/i18n/messages.ts';
import type {
  ComponentState,
  DayState,
  StatusComponent,
  StatusIncident,
  StatusMaintenance,
  StatusOutage,
  StatusSummary,
} from '../services/status-summary.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';

/** Designsystemet colours per state; the text beside them always says the same, so colour is never the only cue. */
const stateColor: Record<ComponentState, 'success' | 'warning' | 'danger' | 'info'> = {
  operational: 'success',
  degraded: 'warning',
  partial: 'danger',
  major: 'danger',
  maintenance: 'info',
};
const severityState = { unavailable: 'major', partial: 'partial', degraded: 'degraded' } as const;
const dayStates: readonly DayState[] = ['ok', 'degraded', 'outage', 'maintenance', 'nodata'];

function formatDay(date: string, locale: Locale): string {
  // The date is already an Oslo calendar date; formatting it at UTC midnight in UTC keeps it that date.
  return new Intl.DateTimeFormat(intlLocale[locale], { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function StateTag({ state, t }: { state: ComponentState; t: Translate }) {
  return (
    <Tag data-color={stateColor[state]} data-size="sm" data-state={state}>
      {t(`status.state.${state}`)}
    </Tag>
  );
}

function ComponentTable({ components, t }: { components: StatusComponent[]; t: Translate }) {
  return (
    <Table data-size="sm" zebra>
      <caption className="ds-sr-only">{t('status.components')}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('status.component')}</Table.HeaderCell>
          <Table.HeaderCell>{t('status.state')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {components.map((c) => (
          <Table.Row key={c.id} data-component={c.code}>
            <Table.Cell>{c.name}</Table.Cell>
            <Table.Cell>
              <StateTag state={c.state} t={t} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function OutageItem({ outage, page }: { outage: StatusOutage; page: PageContext }) {
  const { t, locale } = page;
  return (
    <li className="niva-status-item" data-outage={outage.id}>
      <Heading level={3} data-size="xs">
        {outage.componentName} <StateTag state={severityState[outage.severity]} t={t} />
      </Heading>
      <Paragraph data-size="sm" className="niva-subtle">
        {t('status.incident.since', { time: formatInstant(outage.start, locale) })}
      </Paragraph>
      <Paragraph className="niva-prewrap">{outage.text}</Paragraph>
    </li>
  );
}

function IncidentItem({ incident, page }: { incident: StatusIncident; page: PageContext }) {
  const { t, locale } = page;
  return (
    <li className="niva-status-item" data-incident={incident.reference}>
      <Heading level={3} data-size="xs">
        {incident.title}
      </Heading>
      <Paragraph data-size="sm" className="niva-subtle">
        {t('status.incident.since', { time: formatInstant(incident.registeredAt, locale) })}
      </Paragraph>
      {incident.updates.length > 0 && (
        <ol className="niva-status-updates" aria-label={t('status.incident.updates')}>
          {incident.updates.map((u, i) => (
            <li key={i} data-update={u.type}>
              <strong>{t(`status.update.${u.type}`)}</strong>{' '}
              <span className="niva-subtle">{formatInstant(u.at, locale)}</span>
              {u.body && <p className="niva-prewrap">{u.body}</p>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function MaintenanceList({ work, page }: { work: StatusMaintenance[]; page: PageContext }) {
  const { t, locale } = page;
  if (work.length === 0) return <Paragraph>{t('status.maintenance.none')}</Paragraph>;
  return (
    <ul className="niva-status-list">
      {work.map((w) => (
        <li key={w.id} className="niva-status-item" data-maintenance={w.id}>
          <Heading level={3} data-size="xs">
            {w.componentName}: {w.title} {w.inProgress && <StateTag state="maintenance" t={t} />}
          </Heading>
          <Paragraph data-size="sm" className="niva-subtle">
            {t('status.maintenance.when', { start: formatInstant(w.start, locale), end: formatInstant(w.end, locale) })}
            {w.inProgress && ` · ${t('status.maintenance.inProgress')}`}
          </Paragraph>
          <Paragraph className="niva-prewrap">{w.text}</Paragraph>
        </li>
      ))}
    </ul>
  );
}

/** One list item per day: the colour is decoration, the visually hidden text carries the date and state for everyone. */
function DayBar({ component, page }: { component: StatusComponent; page: PageContext }) {
  const { t, locale } = page;
  const label = t('status.history.label', { component: component.name, days: component.days.length });
  return (
    <ol className="niva-daybar" aria-label={label} data-days={component.code}>
      {component.days.map((d) => {
        const text = `${formatDay(d.date, locale)}: ${t(`status.day.${d.state}`)}`;
        return (
          <li key={d.date} className="niva-daybar__day" data-day={d.date} data-state={d.state} title={text}>
            <span className="ds-sr-only">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function PublicStatusPage({ page, summary }: { page: PageContext; summary: StatusSummary }) {
  const { t, locale } = page;
  const days = summary.components[0]?.days.length ?? 0;
  const lang = locale === 'nb' ? '' : `?lang=${locale}`;
  const active = summary.ongoingOutages.length + summary.incidents.length;
  return (
    <Layout page={page} title={t('status.title')}>
      <Heading level={1} data-size="lg">
        {t('status.title')}
      </Heading>
      <Paragraph>{t('status.intro')}</Paragraph>
      <Paragraph data-size="sm" className="niva-subtle">
        {t('status.updated', { time: formatInstant(summary.generatedAt, locale) })}
      </Paragraph>

      <section aria-labelledby="status-components" className="niva-panel">
        <Heading level={2} data-size="md" id="status-components">
          {t('status.components')}
        </Heading>
        <ComponentTable components={summary.components} t={t} />
      </section>

      <section aria-labelledby="status-incidents" className="niva-panel">
        <Heading level={2} data-size="md" id="status-incidents">
          {t('status.incidents')}
        </Heading>
        {active === 0 ? (
          <Paragraph>{t('status.incidents.none')}</Paragraph>
        ) : (
          <ul className="niva-status-list">
            {summary.ongoingOutages.map((o) => (
              <OutageItem key={o.id} outage={o} page={page} />
            ))}
            {summary.incidents.map((i) => (
              <IncidentItem key={i.id} incident={i} page={page} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="status-maintenance" className="niva-panel">
        <Heading level={2} data-size="md" id="status-maintenance">
          {t('status.maintenance')}
        </Heading>
        <Paragraph data-size="sm">{t('status.maintenance.intro')}</Paragraph>
        <MaintenanceList work={summary.upcomingMaintenance} page={page} />
      </section>

      <section aria-labelledby="status-history" className="niva-panel">
        <Heading level={2} data-size="md" id="status-history">
          {t('status.history', { days })}
        </Heading>
        <Paragraph data-size="sm">{t('status.history.intro')}</Paragraph>
        <ul className="niva-daybar-legend" aria-label={t('status.legend')}>
          {dayStates.map((s) => (
            <li key={s}>
              <span className="niva-daybar__day" data-state={s} aria-hidden="true" /> {t(`status.day.${s}`)}
            </li>
          ))}
        </ul>
        {summary.components.map((c) => (
          <div key={c.id} className="niva-daybar-row">
            <Heading level={3} data-size="xs">
              {c.name}
            </Heading>
            <DayBar component={c} page={page} />
          </div>
        ))}
      </section>

      <section aria-labelledby="status-follow" className="niva-panel">
        <Heading level={2} data-size="md" id="status-follow">
          {t('status.subscribe')}
        </Heading>
        <ul className="niva-status-links">
          <li>
            <Link href={`/status/subscribe${lang}`}>{t('subscribe.title')}</Link>
          </li>
          <li>
            <Link href={`/status/feed.atom${lang}`}>{t('status.feed.atom')}</Link>
          </li>
          <li>
            <Link href={`/status/maintenance.ics${lang}`}>{t('status.feed.ics')}</Link>
          </li>
          <li>
            <Link href="/status.json">{t('status.feed.json')}</Link>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
