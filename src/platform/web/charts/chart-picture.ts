/**
 * A chart as plain shapes in a fixed coordinate space (user units; renderers scale it to fit), so the SVG on the
 * web page and the vector drawing in the PDF are the same picture. The geometry is computed here once.
 */
export interface ChartPicture {
  title: string;
  /** What the chart shows, in words, and that the numbers follow in a table. */
  description: string;
  width: number;
  height: number;
  shapes: ChartShape[];
}

export type ChartShape =
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: number[] }
  /** An open polyline through the points. */
  | { kind: 'polyline'; points: [number, number][]; stroke: string; width: number; dash?: number[] }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      fill: string;
    };
