import type { ReportData, ReportStatistic } from '../domain/report-data.ts';
import { shiftMonth } from '../../../platform/domain/month-key.ts';
import type { KpiValue } from '../../support/index.ts';
import { type Locale, type Translate, translator } from '../../../platform/i18n/messages.ts';
import { availabilityBarsChart, yearLinesChart } from '../../../platform/web/charts/chart-geometry.ts';
import { complianceSection } from './layout-compliance.ts';
import type { ReportCell, ReportDocument, ReportNode, ReportSection, ReportTable } from './report-document.ts';
import { type ReportFormat, reportFormat } from './report-format.ts';

/** Which archived version a document shows; absent for a report rendered from live data. */
export interface ReportVersion {
  version: number;
  generatedAt: number;
}

export interface LayoutKit {
  t: Translate;
  f: ReportFormat;
  lang: Locale;
}

export const text = (value: string): ReportCell => ({ text: value, value });
export const figure = (value: number | null, f: ReportFormat): ReportCell =>
  value === null ? { text: '', value: null } : { text: f.number(value), value };
export const table = (
  id: string,
  caption: string,
  columns: string[],
  rows: ReportCell[][],
  rowHeaders = true,
): ReportNode => ({ kind: 'table', table: { id, caption, columns, rows, rowHeaders } satisfies ReportTable });

function changesTable(
  id: string,
  caption: string,
  changes: ReportData['changes']['done'],
  { t, f }: LayoutKit,
): ReportNode {
  if (changes.length === 0) return { kind: 'paragraph', text: `${caption}: ${t('report.none')}` };
  const columns = [
    t('report.col.date'),
    t('report.col.component'),
    t('report.col.change'),
    t('report.col.kind'),
    t('report.col.noticeInTime'),
  ];
  const rows = changes.map((c) => [
    text(`${f.dateTime(c.startAt)} – ${f.dateTime(c.endAt)}`),
    text(c.componentName),
    text(c.title),
    text(t(`report.kind.${c.kind}`)),
    c.noticeInTime === null
      ? text('–')
      : {
          ...text(t(c.noticeInTime ? 'report.yes' : 'report.no')),
          tone: c.noticeInTime ? ('met' as const) : ('missed' as const),
        },
  ]);
  return table(id, caption, columns, rows, false);
}

function platformIntro(data: ReportData, kit: LayoutKit): ReportNode[] {
  const { t, f } = kit;
  const month = f.monthName(data.month);
  const next = f.monthName(shiftMonth(data.month, 1));
  const roadmap = data.changes.roadmap;
  return [
    { kind: 'heading', id: 'incidents', text: t('report.incidents.heading') },
    {
      kind: 'list',
      items: [
        t('report.incidents.normal', { email: data.contacts.incidentEmail }),
        t('report.incidents.critical', { phone: data.contacts.onCallPhone }),
        t('report.incidents.servicedesk', { email: data.contacts.serviceDeskEmail }),
      ],
    },
    { kind: 'heading', id: 'changes', text: t('report.changes.heading') },
    { kind: 'paragraph', text: t('report.changes.intro', { month, next }) },
    changesTable('changes-done', t('report.changes.done', { month }), data.changes.done, kit),
    changesTable('changes-planned', t('report.changes.planned', { next }), data.changes.planned, kit),
    roadmap.length === 0
      ? { kind: 'paragraph', text: `${t('report.changes.roadmap')}: ${t('report.none')}` }
      : table(
          'roadmap',
          t('report.changes.roadmap'),
          [t('report.col.period'), t('report.col.item'), t('report.col.status')],
          roadmap.map((r) => [
            text(r.period),
            text(r.description ? `${r.title}: ${r.description}` : r.title),
            text(t(`report.roadmap.${r.status}`)),
          ]),
          false,
        ),
  ];
}

function statisticNodes(stat: ReportStatistic, data: ReportData, kit: LayoutKit): ReportNode[] {
  const { t, f, lang } = kit;
  const name = stat.names[lang];
  const id = `statistics-${stat.metricId}`;
  const monthLabels = f.monthAbbreviations();
  const nodes: ReportNode[] = [{ kind: 'heading', id: `heading-${id}`, text: name }];
  if (data.owner) {
    const month = f.monthName(data.month);
    nodes.push({
      kind: 'paragraph',
      text:
        stat.shareOfPlatform === null
          ? t('report.statistics.shareNone', { month })
          : t('report.statistics.share', { month, share: f.percent(stat.shareOfPlatform * 100, 1) }),
    });
  }
  nodes.push({
    kind: 'chart',
    tableId: id,
    chart: yearLinesChart({
      title: name,
      description: t('report.chart.statistics.description'),
      monthLabels,
      series: stat.rows.map((r) => ({ label: String(r.year), values: r.months })),
      axisNumber: (v) => f.compact(v),
    }),
  });
  const rows = stat.rows.map((r) => [text(String(r.year)), ...r.months.map((m) => figure(m, f)), figure(r.total, f)]);
  nodes.push(table(id, name, [t('report.col.year'), ...monthLabels, t('report.col.total')], rows));
  return nodes;
}

function availabilityNodes(data: ReportData, { t, f }: LayoutKit): ReportNode[] {
  const nodes: ReportNode[] = [
    { kind: 'heading', id: 'availability', text: t('report.availability.heading') },
    { kind: 'paragraph', text: t('report.availability.intro') },
  ];
  for (const component of data.availability) {
    const target = f.percent(component.targetBasisPoints / 100, 2);
    const caption = t('report.availability.caption', { component: component.name, target });
    const id = `availability-${component.code}`;
    nodes.push({
      kind: 'chart',
      tableId: id,
      chart: availabilityBarsChart({
        title: caption,
        description: t('report.availability.chartDescription', { target }),
        bars: component.months.map((m) => ({
          label: f.monthShort(m.month),
          percent: m.availability === null ? null : m.availability * 100,
          met: m.meetsTarget,
        })),
        targetPercent: component.targetBasisPoints / 100,
        targetLabel: `${t('report.col.target')} ${target}`,
        percentLabel: (v) => f.percent(v, 2),
      }),
    });
    const rows = component.months.map((m) => {
      const known = m.rounded !== null;
      const tone = m.meetsTarget ? ('met' as const) : ('missed' as const);
      return [
        text(
          m.through === undefined
            ? f.monthShort(m.month)
            : t('report.availability.monthSoFar', { month: f.monthShort(m.month) }),
        ),
        known
          ? { text: f.roundedPercent(m.rounded as string), value: Number(m.rounded), tone }
          : text(t('report.unknown')),
        text(target),
        known ? { ...text(t(m.meetsTarget ? 'report.yes' : 'report.no')), tone } : text('–'),
      ];
    });
    nodes.push(
      table(
        id,
        caption,
        [t('report.col.month'), t('report.col.availability'), t('report.col.target'), t('report.col.met')],
        rows,
      ),
    );
  }
  // The report month, while in progress, is the month so far: say up to when, once for every component.
  const through = data.availability.flatMap((c) => c.months).find((m) => m.through !== undefined)?.through;
  if (through !== undefined)
    nodes.push({ kind: 'paragraph', text: t('report.availability.toDate', { instant: f.dateTime(through) }) });
  return nodes;
}

const supportRows = ['phone-wait', 'phone-answer-rate', 'phone-callbacks', 'emails'] as const;

function kpiCell(kpi: KpiValue | undefined, { t, f }: LayoutKit): ReportCell {
  if (!kpi || kpi.shown === null) return { text: t('support.noFigure'), value: null };
  const shown =
    kpi.unit === 'seconds'
      ? t('support.seconds', { value: f.number(kpi.shown) })
      : kpi.unit === 'percent'
        ? `${f.number(kpi.shown)} %`
        : f.number(kpi.shown);
  return {
    text: shown,
    value: kpi.shown,
    ...(kpi.met === null ? {} : { tone: kpi.met ? ('met' as const) : ('missed' as const) }),
  };
}

function supportNodes(data: ReportData, kit: LayoutKit): ReportNode[] {
  const { t, f } = kit;
  const requirement: Record<(typeof supportRows)[number], string> = {
    'phone-wait': t('support.req.phone-wait'),
    'phone-answer-rate': t('support.req.phone-answer-rate'),
    'phone-callbacks': '',
    emails: '',
  };
  const rows = supportRows.map((id) => [
    text(t(`support.kpi.${id}`)),
    text(requirement[id]),
    ...data.support.map((m) =>
      kpiCell(
        m.kpis.find((k) => k.id === id),
        kit,
      ),
    ),
  ]);
  const months = data.support.map((m) => f.monthName(m.month).split(' ')[0] ?? m.month);
  return [
    { kind: 'heading', id: 'support', text: t('report.support.heading') },
    table(
      'support',
      t('report.support.caption', { year: data.month.slice(0, 4) }),
      [t('support.goal'), t('support.requirement'), ...months],
      rows,
    ),
  ];
}

function platformSection(data: ReportData, kit: LayoutKit): ReportSection {
  const { t } = kit;
  return {
    id: 'platform',
    title: t('report.section.platform'),
    nodes: [
      ...platformIntro(data, kit),
      { kind: 'heading', id: 'statistics', text: t('report.statistics.heading') },
      {
        kind: 'paragraph',
        text: data.owner
          ? `${t('report.statistics.intro')} ${t('report.statistics.ownerIntro', { owner: data.owner.name })}`
          : t('report.statistics.intro'),
      },
      ...data.statistics.flatMap((s) => statisticNodes(s, data, kit)),
      ...availabilityNodes(data, kit),
      ...supportNodes(data, kit),
    ],
  };
}

function informationSection(data: ReportData, { t }: LayoutKit): ReportSection {
  const nodes: ReportNode[] = [];
  for (const kind of ['news', 'project-status'] as const) {
    const blocks = data.information.filter((b) => b.kind === kind);
    nodes.push({
      kind: 'heading',
      id: kind,
      text: t(kind === 'news' ? 'report.information.news' : 'report.information.projects'),
    });
    if (blocks.length === 0) nodes.push({ kind: 'paragraph', text: t('report.none') });
    blocks.forEach((b, i) =>
      nodes.push(
        { kind: 'heading', id: `${kind}-${i + 1}`, text: b.title },
        { kind: 'markdown', markdown: b.markdown },
      ),
    );
  }
  return { id: 'information', title: t('report.section.information'), nodes };
}

function meetingsSection(data: ReportData, { t, f }: LayoutKit): ReportSection {
  const when = (m: ReportData['meetings'][number]) =>
    f.date(m.startsAt) === f.date(m.endsAt) ? f.dateTime(m.startsAt) : `${f.date(m.startsAt)} – ${f.date(m.endsAt)}`;
  const rows = data.meetings.map((m) => [
    text(when(m)),
    text(m.title),
    text(m.series),
    text(t(`report.format.${m.format}`)),
    text(m.url ? `${m.location} ${m.url}`.trim() : m.location),
  ]);
  return {
    id: 'meetings',
    title: t('report.section.meetings'),
    nodes: [
      { kind: 'paragraph', text: t('report.meetings.intro') },
      rows.length === 0
        ? { kind: 'paragraph', text: t('report.none') }
        : table(
            'meetings',
            t('report.meetings.caption'),
            [
              t('report.col.date'),
              t('report.col.meeting'),
              t('report.col.series'),
              t('report.col.format'),
              t('report.col.location'),
            ],
            rows,
            false,
          ),
    ],
  };
}

/** The report as a document in one language: the same tree the web page, the PDF and the spreadsheets render. */
export function layoutReport(data: ReportData, lang: Locale, version?: ReportVersion): ReportDocument {
  const kit: LayoutKit = { t: translator(lang), f: reportFormat(lang), lang };
  const { t, f } = kit;
  const at = f.dateTime(version?.generatedAt ?? data.generatedAt);
  return {
    lang,
    title: t('report.title', { month: f.monthName(data.month) }),
    subtitle: data.owner ? data.owner.name : t('report.platform'),
    colophon: version ? t('report.colophon.version', { at, version: version.version }) : t('report.colophon', { at }),
    sections: [
      platformSection(data, kit),
      informationSection(data, kit),
      meetingsSection(data, kit),
      complianceSection(data, kit),
    ],
  };
}
