import type { MetricYearRow } from '../../services/usage/usage-statistics.ts';

/** Chart geometry in SVG user units; the SVG scales to its container, so these only set proportions. */
const width = 720;
const height = 300;
const left = 72;
const right = 16;
const top = 16;
const bottom = 64;
const plotWidth = width - left - right;
const plotHeight = height - top - bottom;

// Oldest year lightest, the latest in Designsystemet's accent blue and solid; each year also has its own dash
// pattern, so the lines are told apart without colour (WCAG 1.4.1).
const series = [
  { colour: '#68707c', dash: '2 4' },
  { colour: '#1a7f4b', dash: '8 4' },
  { colour: '#b35900', dash: '12 3 3 3' },
  { colour: '#0062ba', dash: undefined },
];
const ink = '#1e2b3c';
const grid = '#c9d1db';

function styleOf(index: number, count: number) {
  // The newest year always gets the last (solid) style; older ones walk back through the list.
  return series[series.length - 1 - ((count - 1 - index) % series.length)];
}

/** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten, at or above `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export interface UsageChartText {
  title: string;
  description: string;
  monthLabels: readonly string[];
  legend: string;
  /** An axis figure, short (e.g. "12 mill."). */
  axisNumber: (value: number) => string;
}

/** Line segments through the months with figures; a month without figures breaks the line. */
function linePath(months: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let path = '';
  let drawing = false;
  months.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)} ${y(value).toFixed(1)} `;
    drawing = true;
  });
  return path.trim();
}

/**
 * A metric per month as one line per year. The SVG is one image to assistive technology (its title and
 * description say what it shows and where the numbers are); the table on the page carries the figures.
 */
export function UsageChart({ rows, text }: { rows: readonly MetricYearRow[]; text: UsageChartText }) {
  const values = rows.flatMap((r) => r.months.filter((m): m is number => m !== null));
  const high = niceCeiling(Math.max(0, ...values));
  const low = Math.min(0, ...values) < 0 ? -niceCeiling(-Math.min(...values)) : 0;
  const x = (i: number) => left + (plotWidth * (i + 0.5)) / 12;
  const y = (v: number) => top + plotHeight * (1 - (v - low) / (high - low));
  const ticks = Array.from({ length: 5 }, (_, i) => low + ((high - low) * i) / 4);
  const legendY = height - 16;
  const legendSlot = Math.min(140, plotWidth / Math.max(1, rows.length));
  return (
    <svg className="niva-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="usage-chart-title" aria-describedby="usage-chart-desc" width="100%" preserveAspectRatio="xMidYMid meet">
      <title id="usage-chart-title">{text.title}</title>
      <desc id="usage-chart-desc">{text.description}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke={grid} strokeWidth={1} />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={ink}>
            {text.axisNumber(tick)}
          </text>
        </g>
      ))}
      {text.monthLabels.map((label, i) => (
        <text key={label} x={x(i)} y={top + plotHeight + 16} textAnchor="middle" fontSize={11} fill={ink}>
          {label}
        </text>
      ))}
      {rows.map((row, index) => {
        const style = styleOf(index, rows.length);
        return (
          <g key={row.year} data-year={row.year}>
            <path d={linePath(row.months, x, y)} fill="none" stroke={style?.colour} strokeWidth={index === rows.length - 1 ? 3 : 2} strokeDasharray={style?.dash} />
            {row.months.map((value, i) => (value === null ? null : <circle key={i} cx={x(i)} cy={y(value)} r={3} fill={style?.colour} />))}
          </g>
        );
      })}
      <g className="niva-chart__legend">
        {rows.map((row, index) => {
          const style = styleOf(index, rows.length);
          const at = left + index * legendSlot;
          return (
            <g key={row.year}>
              <line x1={at} x2={at + 32} y1={legendY - 4} y2={legendY - 4} stroke={style?.colour} strokeWidth={index === rows.length - 1 ? 3 : 2} strokeDasharray={style?.dash} />
              <text x={at + 38} y={legendY} fontSize={12} fill={ink}>
                {row.year}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
