import type { ChartPicture, ChartShape } from './chart-picture.ts';

/** Designsystemet's colours as the web charts use them, so the report and the pages look alike. */
const ink = '#1e2b3c';
const grid = '#c9d1db';
const accent = '#0062ba';
const danger = '#c01b1b';

/** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten, at or above `value`. */
export function niceCeiling(value: number, steps: readonly number[] = [1, 2, 2.5, 5, 10]): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of steps) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Horizontal grid lines at 0, ¼, ½, ¾ and all of `high`, each labelled at the left edge of the plot. */
export function valueGrid(input: {
  left: number;
  right: number;
  width: number;
  high: number;
  y: (value: number) => number;
  axisNumber: (value: number) => string;
}): ChartShape[] {
  const { left, right, width, high, y } = input;
  const shapes: ChartShape[] = [];
  for (let i = 0; i <= 4; i += 1) {
    const tick = (high * i) / 4;
    shapes.push({ kind: 'line', x1: left, y1: y(tick), x2: width - right, y2: y(tick), stroke: grid, width: 1 });
    shapes.push({
      kind: 'text',
      x: left - 6,
      y: y(tick) + 4,
      text: input.axisNumber(tick),
      size: 11,
      anchor: 'end',
      fill: ink,
    });
  }
  return shapes;
}

/**
 * The lowest percentage on an availability axis: a tenth below both the worst month and the target, so the target
 * line and the bars' differences are visible instead of every bar reaching the top of a 0–100 axis.
 */
export function availabilityAxisFloor(percents: readonly (number | null)[], targetPercent: number): number {
  const lowest = Math.min(targetPercent, ...percents.filter((p): p is number => p !== null));
  return Math.max(0, Math.floor((lowest - 0.1) * 10) / 10);
}

// Oldest year greyest, the latest in the accent blue and solid; each older year also has its own dash pattern, so
// the lines are told apart without colour (WCAG 1.4.1).
const yearStyles: { colour: string; dash?: number[] }[] = [
  { colour: '#68707c', dash: [2, 4] },
  { colour: '#1a7f4b', dash: [8, 4] },
  { colour: '#b35900', dash: [12, 3, 3, 3] },
  { colour: accent },
];

/** The newest series always gets the last (solid) style; older ones walk back through the list. */
function yearStyle(index: number, count: number): { colour: string; dash?: number[] } {
  return yearStyles[yearStyles.length - 1 - ((count - 1 - index) % yearStyles.length)] ?? { colour: accent };
}

function withDash<T extends ChartShape>(shape: T, dash: number[] | undefined): T {
  return dash === undefined ? shape : { ...shape, dash };
}

/** Runs of consecutive months with figures; a month without figures ends a run. */
export function lineRuns(values: readonly (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let current: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length > 0) runs.push(current);
  return runs;
}

export interface YearLinesInput {
  title: string;
  description: string;
  /** Jan..Dec as the reader's language abbreviates them. */
  monthLabels: readonly string[];
  /** Oldest first; the last is drawn as the current year. */
  series: readonly { label: string; values: readonly (number | null)[] }[];
  /** An axis figure, short (e.g. "12 mill."). */
  axisNumber: (value: number) => string;
}

/** A metric per month as one line per year, on an axis from 0 to a round ceiling. */
export function yearLinesChart(input: YearLinesInput): ChartPicture {
  const width = 720;
  const height = 300;
  const left = 72;
  const right = 16;
  const top = 16;
  const bottom = 64;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const values = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const high = niceCeiling(Math.max(0, ...values));
  const x = (i: number) => left + (plotWidth * (i + 0.5)) / 12;
  const y = (v: number) => top + plotHeight * (1 - Math.max(0, v) / high);
  const shapes: ChartShape[] = valueGrid({ left, right, width, high, y, axisNumber: input.axisNumber });
  input.monthLabels.forEach((label, i) => {
    shapes.push({
      kind: 'text',
      x: x(i),
      y: top + plotHeight + 16,
      text: label,
      size: 11,
      anchor: 'middle',
      fill: ink,
    });
  });
  const count = input.series.length;
  input.series.forEach((series, index) => {
    const style = yearStyle(index, count);
    const strokeWidth = index === count - 1 ? 3 : 2;
    for (const run of lineRuns(series.values)) {
      if (run.length > 1) {
        const points = run.map((p): [number, number] => [x(p.index), y(p.value)]);
        shapes.push(withDash({ kind: 'polyline', points, stroke: style.colour, width: strokeWidth }, style.dash));
      }
      for (const p of run) shapes.push({ kind: 'circle', cx: x(p.index), cy: y(p.value), r: 3, fill: style.colour });
    }
  });
  const legendY = height - 16;
  const legendSlot = Math.min(140, plotWidth / Math.max(1, count));
  input.series.forEach((series, index) => {
    const style = yearStyle(index, count);
    const at = left + index * legendSlot;
    shapes.push(
      withDash(
        {
          kind: 'line',
          x1: at,
          y1: legendY - 4,
          x2: at + 32,
          y2: legendY - 4,
          stroke: style.colour,
          width: index === count - 1 ? 3 : 2,
        },
        style.dash,
      ),
    );
    shapes.push({ kind: 'text', x: at + 38, y: legendY, text: series.label, size: 12, anchor: 'start', fill: ink });
  });
  return { title: input.title, description: input.description, width, height, shapes };
}

export interface AvailabilityBarsInput {
  title: string;
  description: string;
  /** Oldest month first; `percent` is null for a month without figures. */
  bars: readonly { label: string; percent: number | null; met: boolean }[];
  targetPercent: number;
  /** e.g. "Mål 99,90 %". */
  targetLabel: string;
  /** An axis percentage, e.g. "99,80 %". */
  percentLabel: (value: number) => string;
}

/** Monthly availability as bars against a dashed target line; a missed month is red (and said so in the table). */
export function availabilityBarsChart(input: AvailabilityBarsInput): ChartPicture {
  const width = 720;
  const height = 260;
  const left = 56;
  const right = 12;
  const top = 16;
  const bottom = 36;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const floor = availabilityAxisFloor(
    input.bars.map((b) => b.percent),
    input.targetPercent,
  );
  const y = (percent: number) =>
    top + plotHeight * (1 - (Math.min(100, Math.max(floor, percent)) - floor) / (100 - floor));
  const slot = plotWidth / Math.max(1, input.bars.length);
  const shapes: ChartShape[] = [];
  for (const tick of [floor, (floor + 100) / 2, 100]) {
    shapes.push({ kind: 'line', x1: left, y1: y(tick), x2: width - right, y2: y(tick), stroke: grid, width: 1 });
    shapes.push({
      kind: 'text',
      x: left - 6,
      y: y(tick) + 4,
      text: input.percentLabel(tick),
      size: 11,
      anchor: 'end',
      fill: ink,
    });
  }
  input.bars.forEach((bar, i) => {
    const x = left + i * slot;
    if (bar.percent !== null) {
      const barTop = y(bar.percent);
      shapes.push({
        kind: 'rect',
        x: x + slot * 0.15,
        y: barTop,
        w: slot * 0.7,
        h: Math.max(1, top + plotHeight - barTop),
        fill: bar.met ? accent : danger,
      });
    }
    // Every other month is labelled: a year and more of labels under narrow bars would overlap.
    if (i % 2 === 0)
      shapes.push({
        kind: 'text',
        x: x + slot / 2,
        y: height - bottom + 16,
        text: bar.label,
        size: 10,
        anchor: 'middle',
        fill: ink,
      });
  });
  const targetY = y(input.targetPercent);
  shapes.push({
    kind: 'line',
    x1: left,
    y1: targetY,
    x2: width - right,
    y2: targetY,
    stroke: ink,
    width: 2,
    dash: [6, 4],
  });
  shapes.push({
    kind: 'text',
    x: width - right,
    y: targetY - 6,
    text: input.targetLabel,
    size: 11,
    anchor: 'end',
    fill: ink,
  });
  return { title: input.title, description: input.description, width, height, shapes };
}
