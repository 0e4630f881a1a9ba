import type { ChartPicture, ChartShape } from '../../../platform/web/charts/chart-picture.ts';
import { colours, fonts, pdfSafe } from '../../../platform/render/pdf-style.ts';

function stroke(doc: PDFKit.PDFDocument, colour: string, width: number, dash: number[] | undefined): void {
  doc.lineWidth(width).strokeColor(colour);
  // pdfkit's dash() takes a whole pattern as an array, though its type declaration only admits one length.
  if (dash !== undefined && dash.length > 0) doc.dash(dash as unknown as number, {});
  else doc.undash();
  doc.stroke();
}

function drawShape(doc: PDFKit.PDFDocument, shape: ChartShape): void {
  switch (shape.kind) {
    case 'line':
      doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
      stroke(doc, shape.stroke, shape.width, shape.dash);
      break;
    case 'polyline': {
      const [first, ...rest] = shape.points;
      if (first === undefined) return;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc.lineJoin('round');
      stroke(doc, shape.stroke, shape.width, shape.dash);
      break;
    }
    case 'rect':
      doc.rect(shape.x, shape.y, shape.w, shape.h).fill(shape.fill);
      break;
    case 'circle':
      doc.circle(shape.cx, shape.cy, shape.r).fill(shape.fill);
      break;
    case 'text': {
      // Like SVG text, `y` is the baseline and the anchor says which end of the text `x` is.
      const text = pdfSafe(shape.text);
      doc.font(fonts.regular).fontSize(shape.size).fillColor(shape.fill);
      const width = doc.widthOfString(text);
      const x = shape.anchor === 'start' ? shape.x : shape.anchor === 'middle' ? shape.x - width / 2 : shape.x - width;
      doc.text(text, x, shape.y, { lineBreak: false, baseline: 'alphabetic' });
      break;
    }
  }
}

/** The height `chart` takes when drawn `width` points wide. */
export function chartHeight(chart: ChartPicture, width: number): number {
  return (chart.height * width) / chart.width;
}

/**
 * Draws the chart's shapes as vectors, scaled so its coordinate space is `width` points wide, with its top-left
 * corner at (x, y). Leaves `doc.y` below the drawing.
 */
export function drawChart(doc: PDFKit.PDFDocument, chart: ChartPicture, x: number, y: number, width: number): void {
  const scale = width / chart.width;
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const shape of chart.shapes) drawShape(doc, shape);
  doc.restore();
  doc.fillColor(colours.ink);
  doc.x = x;
  doc.y = y + chartHeight(chart, width);
}
