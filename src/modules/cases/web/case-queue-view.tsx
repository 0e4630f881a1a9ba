import { Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { caseKinds, incidentCategories } from '../domain/case-types.ts';
import type { CaseQueueItem } from './case-model.ts';
import { SelectField } from '../../../platform/web/form.tsx';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import { ClockList, kindLabel, PausedTag, statusLabel } from './case-display.tsx';
import type { LiveClock } from '../services/live-clocks.ts';
import type { MessageKey } from '../../../platform/i18n/messages.ts';

export interface QueueFilters {
  state: 'open' | 'closed' | 'all';
  kind: string;
  category: string;
  org: string;
  cursor: string;
}

export interface QueueView {
  page: PageContext;
  items: CaseQueueItem[];
  nextCursor: string | null;
  filters: QueueFilters;
  /** Owner organisations to filter by; null when the reader sees only its own. */
  owners: { code: string; name: string }[] | null;
  canReport: boolean;
  /** The instant the clocks were read at. */
  now: number;
}

/**
 * Where a case stands in the queue: a deadline already passed, a duty to the reporter owed, a deadline still
 * running, or none. The list comes sorted by time to breach; these groups only head its runs.
 */
export type QueueGroup = 'breached' | 'owed' | 'running' | 'none';

export function queueGroup(clocks: readonly LiveClock[]): QueueGroup {
  const live = clocks.filter((c) => c.stoppedAt === null && c.state !== 'not-applicable');
  if (live.some((c) => c.kind === 'clock' && c.state === 'breached')) return 'breached';
  if (live.some((c) => c.kind === 'follow-up' && c.state === 'at-risk')) return 'owed';
  if (live.some((c) => c.kind === 'clock' && (c.dueAt !== null || c.paused))) return 'running';
  return 'none';
}

const groupOrder: readonly QueueGroup[] = ['breached', 'owed', 'running', 'none'];

function queueLink(filters: QueueFilters, cursor: string | null): string {
  const params = new URLSearchParams();
  if (filters.state !== 'open') params.set('state', filters.state);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.category) params.set('category', filters.category);
  if (filters.org) params.set('org', filters.org);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/cases?${query}` : '/cases';
}

function Filters({ page, filters, owners }: Pick<QueueView, 'page' | 'filters' | 'owners'>) {
  const { t } = page;
  const any = { value: '', label: t('case.filter.any') };
  return (
    <form method="get" action="/cases" className="niva-filters niva-queue-filters" aria-label={t('common.filter')}>
      <SelectField
        name="state"
        label={t('case.filter.state')}
        value={filters.state}
        options={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`case.filter.state.${s}`) }))}
      />
      <SelectField
        name="kind"
        label={t('case.kind')}
        value={filters.kind}
        options={[any, ...caseKinds.map((k) => ({ value: k, label: kindLabel(k, t) }))]}
      />
      <SelectField
        name="category"
        label={t('case.category')}
        value={filters.category}
        options={[any, ...incidentCategories.map((c) => ({ value: c, label: c }))]}
      />
      {owners && (
        <SelectField
          name="org"
          label={t('case.owner')}
          value={filters.org}
          options={[any, ...owners.map((o) => ({ value: o.code, label: o.name }))]}
        />
      )}
      <Button type="submit" variant="secondary">
        {t('common.filter')}
      </Button>
    </form>
  );
}

export function CaseQueuePage({ page, items, nextCursor, filters, owners, canReport, now }: QueueView) {
  const { t, locale } = page;
  // Stable within each group, so the order of time to breach is kept inside it.
  const grouped = groupOrder.flatMap((group) =>
    items.filter((item) => queueGroup(item.clocks) === group).map((item) => ({ group, item })),
  );
  return (
    <Layout page={page} title={t('case.queue.title')}>
      <Heading level={1} data-size="lg">
        {t('case.queue.title')}
      </Heading>
      <Paragraph>{t('case.queue.intro')}</Paragraph>
      {canReport && (
        <Paragraph>
          <Button asChild variant="primary">
            <a href="/cases/new">{t('case.new')}</a>
          </Button>
        </Paragraph>
      )}
      <Filters page={page} filters={filters} owners={owners} />
      {items.length === 0 ? (
        <Paragraph>{t('case.queue.none')}</Paragraph>
      ) : (
        <div className="niva-table-scroll">
          <Table data-size="sm" zebra className="niva-queue">
            <caption className="ds-sr-only">{t('case.queue.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('case.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.owner')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('case.deadlines')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {grouped.flatMap(({ group, item }, i) => [
                ...(i === 0 || grouped[i - 1]?.group !== group
                  ? [
                      <Table.Row key={`group-${group}`} className="niva-queue__group" data-group={group}>
                        <Table.HeaderCell colSpan={6} scope="colgroup">
                          {t(`case.queue.group.${group}` as MessageKey)}
                        </Table.HeaderCell>
                      </Table.Row>,
                    ]
                  : []),
                <Table.Row key={item.id} data-case={item.reference} data-group={group}>
                  <Table.Cell>
                    <Link href={`/cases/${item.reference}`}>{item.reference}</Link>
                  </Table.Cell>
                  <Table.Cell>{item.title}</Table.Cell>
                  <Table.Cell>{item.owner ?? t('case.platformWide')}</Table.Cell>
                  <Table.Cell>
                    {kindLabel(item.kind, t)}
                    {item.category && (
                      <>
                        {' '}
                        <Tag data-color="neutral" data-size="sm">
                          {t('case.categoryValue', { category: item.category })}
                        </Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {statusLabel(item.status, t)} {item.paused && <PausedTag t={t} />}
                  </Table.Cell>
                  <Table.Cell>
                    <ClockList clocks={item.clocks} t={t} locale={locale} now={now} />
                  </Table.Cell>
                </Table.Row>,
              ])}
            </Table.Body>
          </Table>
        </div>
      )}
      {(nextCursor || filters.cursor) && (
        <nav aria-label={t('case.queue.pages')} className="niva-filters">
          {filters.cursor && <Link href={queueLink(filters, null)}>{t('case.queue.first')}</Link>}
          {nextCursor && <Link href={queueLink(filters, nextCursor)}>{t('case.queue.next')}</Link>}
        </nav>
      )}
    </Layout>
  );
}
