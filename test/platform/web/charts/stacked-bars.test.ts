import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChartShape } from '../../../../src/platform/web/charts/chart-picture.ts';
import { axisCeiling, stackedBarsChart } from '../../../../src/platform/web/charts/stacked-bars.ts';

type Shape<K extends ChartShape['kind']> = Extract<ChartShape, { kind: K }>;
const only = <K extends ChartShape['kind']>(shapes: readonly ChartShape[], kind: K): Shape<K>[] =>
  shapes.filter((s): s is Shape<K> => s.kind === kind);

describe('axisCeiling', () => {
  const cases: [number, number][] = [
    [0, 1],
    [-3, 1],
    [530, 600],
    [470, 500],
    [360, 400],
    [1000, 1000],
    [1001, 1200],
    [0.9, 1],
  ];
  for (const [value, ceiling] of cases) it(`${value} → ${ceiling}`, () => assert.equal(axisCeiling(value), ceiling));
});

describe('stackedBarsChart', () => {
  const chart = stackedBarsChart({
    title: 'Finansiering',
    description: 'Sentral og tjenesteeiere per alternativ',
    parts: ['Sentralt', 'Tjenesteeiere'],
    bars: [
      { label: 'Alt. 1', values: [530, 0] },
      { label: 'Alt. 2', values: [360, 170] },
      { label: 'Alt. 5', values: [0, 530] },
    ],
    axisNumber: (v) => String(Math.round(v)),
    totalLabel: (total) => total.toFixed(1),
  });

  it('stacks each bar from the axis to its total, parts apart by a white gap, and leaves out parts of nothing', () => {
    const bars = only(chart.shapes, 'rect').filter((r) => r.w > 20 && r.fill !== '#ffffff');
    assert.equal(bars.length, 4, 'one part for alternatives 1 and 5, two for alternative 2');
    const byBar = new Map<number, typeof bars>();
    for (const r of bars) byBar.set(Math.round(r.x), [...(byBar.get(Math.round(r.x)) ?? []), r]);
    const extent = [...byBar.values()].map((parts) => {
      const topmost = Math.min(...parts.map((r) => r.y));
      const bottom = Math.max(...parts.map((r) => r.y + r.h));
      return [Math.round(topmost), Math.round(bottom)];
    });
    // 530 of an axis of 600 reaches the same height whichever part carries it.
    assert.equal(new Set(extent.map((e) => e.join())).size, 1, JSON.stringify(extent));
    const gaps = only(chart.shapes, 'rect').filter((r) => r.fill === '#ffffff' && r.w > 20);
    assert.equal(gaps.length, 1, 'a gap between the two parts of alternative 2 only');
  });

  it('labels the axis in four steps up to its ceiling, and each bar with its total', () => {
    const texts = only(chart.shapes, 'text').map((t) => t.text);
    for (const tick of ['0', '150', '300', '450', '600']) assert.ok(texts.includes(tick), `tick ${tick}`);
    assert.equal(texts.filter((t) => t === '530.0').length, 3);
    for (const label of ['Alt. 1', 'Alt. 2', 'Alt. 5']) assert.ok(texts.includes(label), label);
  });
});
