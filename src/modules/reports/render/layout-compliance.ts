import type { ComplianceDeviation, ComplianceRow } from '../domain/compliance.ts';
import type { ReportData } from '../domain/report-data.ts';
import type { LayoutKit } from './layout-report.ts';
import type { ReportCell, ReportNode, ReportSection } from './report-document.ts';

const cell = (value: string): ReportCell => ({ text: value, value });
const count = (value: number): ReportCell => ({ text: String(value), value });

function measuredText(row: ComplianceRow, { t, f }: LayoutKit): string {
  const m = row.measure;
  switch (m.kind) {
    case 'in-time': {
      const decided = m.inTime + m.late;
      const parts = decided > 0 ? [t('report.measure.in-time', { inTime: m.inTime, total: decided })] : [];
      if (m.pending > 0) parts.push(t('report.measure.pending', { count: m.pending }));
      return parts.length > 0 ? parts.join('; ') : '–';
    }
    case 'availability': {
      const value = m.rounded === null ? t('report.unknown') : f.roundedPercent(m.rounded);
      return m.through === undefined ? value : t('report.measure.soFar', { value, instant: f.dateTime(m.through) });
    }
    case 'weeks': {
      const value =
        m.monthShown === null
          ? t('support.noFigure')
          : m.unit === 'seconds'
            ? t('support.seconds', { value: f.number(m.monthShown) })
            : `${f.number(m.monthShown)} %`;
      return t('report.measure.weeks', { met: m.met, total: m.met + m.missed, value });
    }
    case 'occurrences':
      return t('report.measure.occurrences', { count: m.count });
  }
}

function targetText(row: ComplianceRow, { t, f }: LayoutKit): string {
  const target = row.target;
  switch (target.kind) {
    case 'every-in-time':
      return t('report.target.every');
    case 'availability':
      return f.percent(target.basisPoints / 100, 2);
    case 'at-most':
      return t('report.target.at-most', { value: t('support.seconds', { value: target.value }) });
    case 'at-least':
      return t('report.target.at-least', { value: `${target.value} %` });
    case 'none':
      return t('report.target.none');
  }
}

function deviationText(d: ComplianceDeviation, { t, f }: LayoutKit): string {
  if (d.kind.startsWith('week-')) {
    const value = d.kind === 'week-phone-wait' ? t('support.seconds', { value: d.reference }) : `${d.reference} %`;
    return t('report.deviation.week', { date: f.date(d.at), value });
  }
  if (d.kind.startsWith('outage-')) return `${d.reference} ${f.dateTime(d.at)} (${t('report.deviation.outage')})`;
  const kind =
    d.kind === 'breached' || d.kind === 'late-notice' || d.kind === 'maintenance-in-operating-hours'
      ? t(`report.deviation.${d.kind}`)
      : d.kind;
  return `${d.reference} (${kind})`;
}

function complianceCells(row: ComplianceRow, kit: LayoutKit): ReportCell[] {
  const { t } = kit;
  const subject =
    row.subject === 'availability'
      ? t('report.subject.availability', { component: row.componentName ?? '' })
      : t(`report.subject.${row.subject}`);
  const tone = row.status === 'met' ? ('met' as const) : row.status === 'missed' ? ('missed' as const) : undefined;
  const status: ReportCell = {
    text: t(`report.status.${row.status}`),
    value: t(`report.status.${row.status}`),
    ...(tone ? { tone } : {}),
  };
  return [
    cell(row.requirement),
    cell(subject),
    cell(measuredText(row, kit)),
    cell(targetText(row, kit)),
    status,
    cell(row.deviations.map((d) => deviationText(d, kit)).join('; ')),
  ];
}

/** Section 4: each requirement of the agreement for the month, then the incidents by category. */
export function complianceSection(data: ReportData, kit: LayoutKit): ReportSection {
  const { t, f } = kit;
  const month = f.monthName(data.month);
  const columns = [
    t('report.col.requirement'),
    t('report.col.subject'),
    t('report.col.measured'),
    t('report.col.goal'),
    t('report.col.status'),
    t('report.col.deviations'),
  ];
  const incidents = data.compliance.incidents.map((r) => [
    cell(r.category),
    count(r.registered),
    count(r.resolved),
    count(r.open),
    {
      ...count(r.breached),
      ...(r.registered > 0 ? { tone: r.breached > 0 ? ('missed' as const) : ('met' as const) } : {}),
    },
    cell(r.breachedReferences.join(', ')),
  ]);
  const nodes: ReportNode[] = [
    { kind: 'paragraph', text: t('report.compliance.intro', { month }) },
    {
      kind: 'table',
      table: {
        id: 'compliance',
        caption: t('report.compliance.caption', { month }),
        columns,
        rows: data.compliance.rows.map((r) => complianceCells(r, kit)),
        rowHeaders: false,
      },
    },
    {
      kind: 'table',
      table: {
        id: 'incidents',
        caption: t('report.incidentSummary.caption', { month }),
        columns: [
          t('report.col.category'),
          t('report.col.registered'),
          t('report.col.resolved'),
          t('report.col.open'),
          t('report.col.breached'),
          t('report.col.cases'),
        ],
        rows: incidents,
        rowHeaders: true,
      },
    },
  ];
  return { id: 'compliance', title: t('report.section.compliance'), nodes };
}
