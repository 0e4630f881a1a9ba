import { availabilityBarsChart } from '../../../platform/web/charts/chart-geometry.ts';
import { ChartSvg } from '../../../platform/web/charts/chart-svg.tsx';
import type { ComponentAvailability } from '../services/availability-inputs.ts';

export interface ChartText {
  title: string;
  description: string;
  /** Short month label under each bar, e.g. `03.26`. */
  monthLabel: (month: string) => string;
  percent: (value: string) => string;
  target: string;
}

/**
 * Monthly availability as bars against the target line, drawn by the same geometry as the service report's charts.
 * The SVG is one image to assistive technology; the table that follows carries the numbers themselves.
 */
export function AvailabilityChart({ figures, text }: { figures: readonly ComponentAvailability[]; text: ChartText }) {
  const chart = availabilityBarsChart({
    title: text.title,
    description: text.description,
    bars: figures.map((f) => ({
      label: text.monthLabel(f.month),
      percent: f.availability === null ? null : f.availability * 100,
      met: f.meetsTarget,
    })),
    targetPercent: (figures[0]?.targetBasisPoints ?? 9990) / 100,
    targetLabel: text.target,
    percentLabel: (v) => text.percent(v.toFixed(2)),
  });
  return <ChartSvg chart={chart} id="chart" />;
}
