import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yearLinesChart } from '../../../../src/platform/web/charts/chart-geometry.ts';
import { chartSvgMarkup } from '../../../../src/platform/web/charts/chart-svg.tsx';
import { months } from '../../../reports/render/sample-report.ts';

describe('chartSvgMarkup', () => {
  const chart = yearLinesChart({
    title: 'Sendte <meldinger>',
    description: 'Tallene står i tabellen.',
    monthLabels: months,
    series: [{ label: '2025', values: [1, 2, null, 4, 5, 6, 7, 8, 9, 10, 11, 12] }],
    axisNumber: String,
  });
  const svg = chartSvgMarkup(chart, 'chart-messages');

  it('is one labelled image', () => {
    assert.match(svg, /^<svg [^>]*role="img"/);
    assert.match(svg, /aria-labelledby="chart-messages-title"/);
    assert.match(svg, /aria-describedby="chart-messages-desc"/);
    assert.match(svg, /<title id="chart-messages-title">Sendte &lt;meldinger&gt;<\/title>/);
    assert.match(svg, /<desc id="chart-messages-desc">Tallene står i tabellen.<\/desc>/);
  });
  it('scales to its container', () => {
    assert.match(svg, /viewBox="0 0 720 300"/);
    assert.match(svg, /width="100%"/);
  });
  it('draws every shape', () => {
    assert.equal(svg.match(/<polyline /g)?.length, 2);
    assert.equal(svg.match(/<circle /g)?.length, 11);
    assert.equal(svg.match(/<text /g)?.length, chart.shapes.filter((s) => s.kind === 'text').length);
    assert.match(svg, /text-anchor="middle"/);
  });
});
