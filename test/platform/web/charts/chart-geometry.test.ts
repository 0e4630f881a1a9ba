import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChartShape } from '../../../../src/platform/web/charts/chart-picture.ts';
import {
  availabilityAxisFloor,
  availabilityBarsChart,
  lineRuns,
  niceCeiling,
  yearLinesChart,
} from '../../../../src/platform/web/charts/chart-geometry.ts';
import { months } from '../../../reports/render/sample-report.ts';

type Shape<K extends ChartShape['kind']> = Extract<ChartShape, { kind: K }>;
const only = <K extends ChartShape['kind']>(shapes: readonly ChartShape[], kind: K): Shape<K>[] =>
  shapes.filter((s): s is Shape<K> => s.kind === kind);
const texts = (shapes: readonly ChartShape[]): string[] => only(shapes, 'text').map((s) => s.text);

describe('niceCeiling', () => {
  const cases: [number, number][] = [
    [0, 1],
    [-5, 1],
    [0.7, 1],
    [1, 1],
    [1.5, 2],
    [2.2, 2.5],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [6_397_333, 10_000_000],
    [12_000_000, 20_000_000],
    [24_000_000, 25_000_000],
  ];
  for (const [value, ceiling] of cases) it(`${value} → ${ceiling}`, () => assert.equal(niceCeiling(value), ceiling));
});

describe('availabilityAxisFloor', () => {
  const cases: [string, (number | null)[], number, number][] = [
    ['a tenth below the target when every month meets it', [99.95, 99.99], 99.9, 99.8],
    ['a tenth below the worst month', [99.95, 99.5], 99.9, 99.4],
    ['ignores months without figures', [null, 99.95], 99.9, 99.8],
    ['never below zero', [0.05], 99.9, 0],
  ];
  for (const [what, percents, target, floor] of cases)
    it(what, () => assert.ok(Math.abs(availabilityAxisFloor(percents, target) - floor) < 1e-9));
});

describe('lineRuns', () => {
  const cases: [string, (number | null)[], number[][]][] = [
    ['one run without gaps', [1, 2, 3], [[0, 1, 2]]],
    [
      'a null breaks the line in two',
      [1, 2, null, 4, 5],
      [
        [0, 1],
        [3, 4],
      ],
    ],
    ['leading and trailing nulls are dropped', [null, 1, 2, null], [[1, 2]]],
    ['all null gives nothing', [null, null], []],
  ];
  for (const [what, values, indexes] of cases)
    it(what, () =>
      assert.deepEqual(
        lineRuns(values).map((run) => run.map((p) => p.index)),
        indexes,
      ),
    );
});

describe('yearLinesChart', () => {
  const full = Array.from({ length: 12 }, (_, i) => 1_000_000 + i * 90_000);
  const gappy = full.map((v, i) => (i === 5 ? null : v));
  const chart = yearLinesChart({
    title: 'T',
    description: 'D',
    monthLabels: months,
    series: [
      { label: '2024', values: full },
      { label: '2025', values: gappy },
    ],
    axisNumber: (v) => `${v / 1_000_000} mill.`,
  });
  const lines = only(chart.shapes, 'polyline');

  it('draws the older year as one dashed line and the newest, broken by its null month, as two solid ones', () => {
    assert.equal(lines.length, 3);
    assert.ok(lines[0]?.dash !== undefined && lines[0].dash.length > 0);
    assert.equal(lines[0]?.points.length, 12);
    assert.deepEqual(
      lines.slice(1).map((l) => [l.points.length, l.dash, l.width]),
      [
        [5, undefined, 3],
        [6, undefined, 3],
      ],
    );
  });
  it('gives every older year its own dash pattern', () => {
    const four = yearLinesChart({
      title: 'T',
      description: 'D',
      monthLabels: months,
      series: ['a', 'b', 'c', 'd'].map((label) => ({ label, values: full })),
      axisNumber: String,
    });
    const dashes = only(four.shapes, 'polyline').map((l) => JSON.stringify(l.dash ?? null));
    assert.equal(new Set(dashes).size, 4);
    assert.equal(dashes[3], 'null');
  });
  it('has five grid lines from 0 to the nice ceiling, with labels', () => {
    const axis = ['0 mill.', '0.5 mill.', '1 mill.', '1.5 mill.', '2 mill.'];
    for (const label of axis) assert.ok(texts(chart.shapes).includes(label), label);
    const grid = only(chart.shapes, 'line').filter((l) => l.y1 === l.y2 && l.x2 - l.x1 > 100);
    assert.equal(grid.length, 5);
  });
  it('labels every month and every series in the legend', () => {
    for (const label of [...months, '2024', '2025']) assert.ok(texts(chart.shapes).includes(label), label);
  });
  it('marks each month with figures with a point', () => assert.equal(only(chart.shapes, 'circle').length, 23));
  it('keeps every shape inside the picture', () => {
    for (const p of lines.flatMap((l) => l.points))
      assert.ok(p[0] >= 0 && p[0] <= chart.width && p[1] >= 0 && p[1] <= chart.height);
  });
});

describe('availabilityBarsChart', () => {
  const bars = Array.from({ length: 13 }, (_, i) => ({
    label: `m${i}`,
    percent: i === 3 ? null : i === 4 ? 99.5 : 99.95,
    met: i !== 4,
  }));
  const chart = availabilityBarsChart({
    title: 'T',
    description: 'D',
    bars,
    targetPercent: 99.9,
    targetLabel: 'Mål 99,90 %',
    percentLabel: (v) => `${v.toFixed(2)} %`,
  });
  const rects = only(chart.shapes, 'rect');

  it('draws a bar per month with figures', () => assert.equal(rects.length, 12));
  it('colours missed months red and met ones blue', () => {
    assert.deepEqual(new Set(rects.map((r) => r.fill)), new Set(['#0062ba', '#c01b1b']));
    assert.equal(rects.filter((r) => r.fill === '#c01b1b').length, 1);
  });
  it('labels every other month', () => {
    const labels = texts(chart.shapes).filter((t) => t.startsWith('m'));
    assert.deepEqual(labels, ['m0', 'm2', 'm4', 'm6', 'm8', 'm10', 'm12']);
  });
  it('puts the dashed target line where the axis says the target is', () => {
    const target = only(chart.shapes, 'line').find((l) => l.dash !== undefined);
    assert.ok(target);
    const grid = only(chart.shapes, 'line').filter((l) => l.dash === undefined);
    const [floorY, , topY] = grid.map((l) => l.y1);
    assert.ok(floorY !== undefined && topY !== undefined);
    // Floor 99.4 (a tenth below the worst month), top 100: the target 99.9 is five sixths of the way up.
    assert.ok(Math.abs(target.y1 - (floorY + ((topY - floorY) * 5) / 6)) < 1e-6);
    assert.ok(texts(chart.shapes).includes('Mål 99,90 %'));
    assert.ok(texts(chart.shapes).includes('99.40 %'));
  });
  it('makes the missed month shorter than the met ones', () => {
    const missed = rects.find((r) => r.fill === '#c01b1b');
    const met = rects.find((r) => r.fill === '#0062ba');
    assert.ok(missed && met && missed.h < met.h);
  });
});
