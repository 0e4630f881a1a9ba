import { yearLinesChart } from '../../../platform/web/charts/chart-geometry.ts';
import { ChartSvg } from '../../../platform/web/charts/chart-svg.tsx';
import type { MetricYearRow } from '../services/usage-statistics.ts';

export interface UsageChartText {
  title: string;
  description: string;
  monthLabels: readonly string[];
  /** An axis figure, short (e.g. "12 mill."). */
  axisNumber: (value: number) => string;
}

/**
 * A metric per month as one line per year, drawn by the same geometry as the service report's charts. The SVG is one
 * image to assistive technology (its title and description say what it shows); the table on the page has the figures.
 */
export function UsageChart({ rows, text }: { rows: readonly MetricYearRow[]; text: UsageChartText }) {
  const chart = yearLinesChart({
    title: text.title,
    description: text.description,
    monthLabels: text.monthLabels,
    series: rows.map((r) => ({ label: String(r.year), values: r.months })),
    axisNumber: text.axisNumber,
  });
  return <ChartSvg chart={chart} id="usage-chart" />;
}
