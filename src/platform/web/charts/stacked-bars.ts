import type { ChartPicture, ChartShape } from './chart-picture.ts';
import { niceCeiling, valueGrid } from './chart-geometry.ts';

const ink = '#1e2b3c';
const background = '#ffffff';
/**
 * The parts of a bar, bottom first. Each has at least 3:1 contrast against white (WCAG 1.4.11), and the parts are
 * kept apart by a white gap, so neighbouring parts are told apart by more than their hue; the table beside the chart
 * carries the figures.
 */
const partColours = ['#0062ba', '#b35900', '#1a7f4b', '#68707c'];

/**
 * A round top for an axis of four steps, at or above `value`: finer than the line charts' ceiling, so that bars of
 * 530 reach up to 600 instead of standing at half the height of 1 000.
 */
export function axisCeiling(value: number): number {
  return niceCeiling(value, [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10]);
}

export interface StackedBarsInput {
  title: string;
  description: string;
  /** The parts every bar is made of, bottom first (at most four). */
  parts: readonly string[];
  /** One bar per item, its part values in the order of `parts` (negative values count as zero). */
  bars: readonly { label: string; values: readonly number[] }[];
  /** An axis figure, short (e.g. "500"). */
  axisNumber: (value: number) => string;
  /** The text above each bar (e.g. its total, "530,0"), from the bar's total and index; none when omitted. */
  totalLabel?: (total: number, index: number) => string;
}

/** Bars of parts stacked on each other (e.g. central and owners' share of a cost), on an axis from 0. */
export function stackedBarsChart(input: StackedBarsInput): ChartPicture {
  const width = 720;
  const height = 320;
  const left = 64;
  const right = 16;
  const top = 28;
  const bottom = 72;
  const gap = 2;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const totals = input.bars.map((bar) => bar.values.reduce((a, v) => a + Math.max(0, v), 0));
  const high = axisCeiling(Math.max(0, ...totals));
  const y = (v: number) => top + plotHeight * (1 - v / high);
  const shapes: ChartShape[] = valueGrid({ left, right, width, high, y, axisNumber: input.axisNumber });
  const slot = plotWidth / Math.max(1, input.bars.length);
  const barWidth = Math.min(72, slot * 0.6);
  input.bars.forEach((bar, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    let base = 0;
    bar.values.forEach((raw, part) => {
      const value = Math.max(0, raw);
      if (value === 0) return;
      const from = y(base);
      const to = y(base + value);
      shapes.push({
        kind: 'rect',
        x,
        y: to,
        w: barWidth,
        h: Math.max(1, from - to),
        fill: partColours[part % partColours.length] ?? ink,
      });
      // The gap between this part and the one below, drawn over both in the background colour.
      if (base > 0) shapes.push({ kind: 'rect', x, y: from - gap / 2, w: barWidth, h: gap, fill: background });
      base += value;
    });
    const total = totals[i] ?? 0;
    if (input.totalLabel)
      shapes.push({
        kind: 'text',
        x: x + barWidth / 2,
        y: y(total) - 6,
        text: input.totalLabel(total, i),
        size: 11,
        anchor: 'middle',
        fill: ink,
      });
    shapes.push({
      kind: 'text',
      x: x + barWidth / 2,
      y: top + plotHeight + 16,
      text: bar.label,
      size: 11,
      anchor: 'middle',
      fill: ink,
    });
  });
  const legendY = height - 16;
  const legendSlot = Math.min(220, plotWidth / Math.max(1, input.parts.length));
  input.parts.forEach((label, part) => {
    const at = left + part * legendSlot;
    shapes.push({
      kind: 'rect',
      x: at,
      y: legendY - 11,
      w: 14,
      h: 14,
      fill: partColours[part % partColours.length] ?? ink,
    });
    shapes.push({ kind: 'text', x: at + 20, y: legendY, text: label, size: 12, anchor: 'start', fill: ink });
  });
  return { title: input.title, description: input.description, width, height, shapes };
}
