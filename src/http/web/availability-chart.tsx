import type { Translate } from '../../i18n/messages.ts';
import type { ComponentAvailability } from '../../services/availability/availability-inputs.ts';

/** Chart geometry in SVG user units; the SVG scales to its container, so these only set proportions. */
const width = 720;
const height = 260;
const left = 56;
const right = 12;
const top = 16;
const bottom = 36;
const plotWidth = width - left - right;
const plotHeight = height - top - bottom;

// Designsystemet's accent and danger blues and reds; a month that misses its target is also said in the table.
const colour = { met: '#0062ba', missed: '#c01b1b', ink: '#1e2b3c', grid: '#c9d1db' };

/**
 * The lowest percentage on the axis: a tenth below both the worst month and the target, so the target line and the
 * bars' differences are visible instead of every bar reaching the top of a 0–100 axis.
 */
export function axisFloor(figures: readonly ComponentAvailability[]): number {
  const values = figures.flatMap((f) => (f.availability === null ? [] : [f.availability * 100]));
  const target = (figures[0]?.targetBasisPoints ?? 9990) / 100;
  const lowest = Math.min(target, ...values);
  return Math.max(0, Math.floor((lowest - 0.1) * 10) / 10);
}

export interface ChartText {
  title: string;
  description: string;
  /** Short month label under each bar, e.g. `03.26`. */
  monthLabel: (month: string) => string;
  percent: (value: string) => string;
  target: string;
}

/**
 * Monthly availability as bars against the target line. The SVG is one image to assistive technology (its
 * title and description say what it shows); the table that follows carries the numbers themselves.
 */
export function AvailabilityChart({ figures, text, t }: { figures: readonly ComponentAvailability[]; text: ChartText; t: Translate }) {
  const floor = axisFloor(figures);
  const y = (percent: number) => top + plotHeight * (1 - (Math.min(100, percent) - floor) / (100 - floor));
  const target = (figures[0]?.targetBasisPoints ?? 9990) / 100;
  const slot = plotWidth / Math.max(1, figures.length);
  const ticks = [floor, (floor + 100) / 2, 100];
  return (
    <svg className="niva-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="chart-title chart-desc" width="100%" preserveAspectRatio="xMidYMid meet">
      <title id="chart-title">{text.title}</title>
      <desc id="chart-desc">{text.description}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke={colour.grid} strokeWidth={1} />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={colour.ink}>
            {text.percent(tick.toFixed(2))}
          </text>
        </g>
      ))}
      {figures.map((f, i) => {
        const x = left + i * slot;
        const value = f.availability === null ? null : f.availability * 100;
        return (
          <g key={f.month} data-month={f.month}>
            {value !== null && <rect x={x + slot * 0.15} width={slot * 0.7} y={y(value)} height={Math.max(1, top + plotHeight - y(value))} fill={f.meetsTarget ? colour.met : colour.missed} />}
            {i % 2 === 0 && (
              <text x={x + slot / 2} y={height - bottom + 16} textAnchor="middle" fontSize={10} fill={colour.ink}>
                {text.monthLabel(f.month)}
              </text>
            )}
          </g>
        );
      })}
      <line x1={left} x2={width - right} y1={y(target)} y2={y(target)} stroke={colour.ink} strokeWidth={2} strokeDasharray="6 4" />
      <text x={width - right} y={y(target) - 6} textAnchor="end" fontSize={11} fill={colour.ink}>
        {text.target}
      </text>
      <text x={left} y={height - 4} fontSize={10} fill={colour.ink}>
        {t('availability.history')}
      </text>
    </svg>
  );
}
