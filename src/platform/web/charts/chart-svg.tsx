import { renderToStaticMarkup } from 'react-dom/server';
import type { ChartPicture, ChartShape } from './chart-picture.ts';

function dashArray(dash: number[] | undefined): string | undefined {
  return dash === undefined || dash.length === 0 ? undefined : dash.join(' ');
}

function Shape({ shape }: { shape: ChartShape }) {
  switch (shape.kind) {
    case 'line':
      return (
        <line
          x1={shape.x1}
          y1={shape.y1}
          x2={shape.x2}
          y2={shape.y2}
          stroke={shape.stroke}
          strokeWidth={shape.width}
          strokeDasharray={dashArray(shape.dash)}
        />
      );
    case 'polyline':
      return (
        <polyline
          points={shape.points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
          fill="none"
          stroke={shape.stroke}
          strokeWidth={shape.width}
          strokeDasharray={dashArray(shape.dash)}
          strokeLinejoin="round"
        />
      );
    case 'rect':
      return <rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} fill={shape.fill} />;
    case 'circle':
      return <circle cx={shape.cx} cy={shape.cy} r={shape.r} fill={shape.fill} />;
    case 'text':
      return (
        <text x={shape.x} y={shape.y} fontSize={shape.size} textAnchor={shape.anchor} fill={shape.fill}>
          {shape.text}
        </text>
      );
  }
}

/**
 * A chart as one image to assistive technology: its title and description say what it shows and that the numbers
 * follow in a table. `id` must be unique on the page; the title's and description's ids derive from it.
 */
export function ChartSvg({ chart, id }: { chart: ChartPicture; id: string }) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg
      id={id}
      className="niva-chart"
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{chart.title}</title>
      <desc id={descId}>{chart.description}</desc>
      {chart.shapes.map((shape, i) => (
        <Shape key={i} shape={shape} />
      ))}
    </svg>
  );
}

/** The same SVG as a string, for callers that do not render with React. */
export function chartSvgMarkup(chart: ChartPicture, id: string): string {
  return renderToStaticMarkup(<ChartSvg chart={chart} id={id} />);
}
