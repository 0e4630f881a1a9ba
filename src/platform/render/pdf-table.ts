import { colours, fonts, pdfSafe } from './pdf-style.ts';

/**
 * A table as the PDF draws it: final texts, and each cell's raw value only to tell columns of figures (right-aligned,
 * kept on one line) from text. The reports module's tables and the billing statement's lines both have this shape.
 */
export interface PdfTable {
  caption: string;
  columns: string[];
  rows: PdfCell[][];
  /** Whether each row's first cell names the row (drawn bold). */
  rowHeaders: boolean;
}

export interface PdfCell {
  text: string;
  value: number | string | null;
  /** A figure that misses its target is drawn in the warning colour. */
  tone?: 'met' | 'missed';
}

/** Measures `text` on one line in the regular or bold font at `size` points. */
export type Measure = (text: string, bold: boolean, size: number) => number;

export interface TableLayout {
  fontSize: number;
  /** Horizontal padding on each side of a cell's text. */
  padding: number;
  widths: number[];
  /** Whether each column holds figures (right-aligned and never wrapped when avoidable). */
  numeric: boolean[];
}

// The authorisation table (monthly figures in the hundreds of millions, a yearly total over a billion) needs 5.5 pt
// to keep every figure on one line in portrait A4; at 6 pt its figures wrapped mid-number.
const smallestSize = 5.5;

function isNumericColumn(table: PdfTable, column: number): boolean {
  const cells = table.rows.map((row) => row[column]);
  return (
    cells.some((c) => typeof c?.value === 'number') &&
    cells.every((c) => c === undefined || c.value === null || typeof c.value === 'number')
  );
}

/** Hands out `room` to columns wanting more, smallest wants first, so short columns are satisfied before long ones share the rest. */
function waterFill(wants: number[], room: number): number[] {
  const given = wants.map(() => 0);
  const order = wants.map((want, i) => ({ want, i })).sort((a, b) => a.want - b.want);
  let left = room;
  order.forEach(({ want, i }, k) => {
    const share = Math.min(want, left / (order.length - k));
    given[i] = share;
    left -= share;
  });
  return given;
}

/**
 * Column widths and a font size so the table fits `width` without cutting any text. Wide tables (a year, twelve
 * months and a total) get a smaller font so their figures fit on one line in portrait A4; text columns wrap.
 */
export function layoutTable(table: PdfTable, width: number, measure: Measure): TableLayout {
  const columns = table.columns.length;
  const numeric = table.columns.map((_, c) => isNumericColumn(table, c));
  const base = columns <= 6 ? 9 : columns <= 10 ? 8 : 7;
  const measureAt = (size: number) => {
    const padding = Math.max(1.5, size * 0.4);
    const natural: number[] = [];
    const least: number[] = [];
    table.columns.forEach((header, c) => {
      const cells = table.rows.map((row) => row[c]?.text ?? '');
      const bodyBold = table.rowHeaders && c === 0;
      const body = Math.max(0, ...cells.map((text) => measure(pdfSafe(text), bodyBold, size)));
      const headerWidth = measure(pdfSafe(header), true, size);
      const headerWord = Math.max(
        0,
        ...pdfSafe(header)
          .split(/\s+/)
          .map((word) => measure(word, true, size)),
      );
      natural.push(Math.max(body, headerWidth) + 2 * padding);
      // Figures should not wrap; text may, down to about eight ems a column.
      least.push(
        numeric[c]
          ? Math.max(body, headerWord) + 2 * padding
          : Math.min(Math.max(body, headerWidth), size * 8) + 2 * padding,
      );
    });
    return { padding, natural, least };
  };
  let size = base;
  let measured = measureAt(size);
  while (size > smallestSize && measured.least.reduce((a, b) => a + b, 0) > width) {
    size -= 0.5;
    measured = measureAt(size);
  }
  const { padding, natural, least } = measured;
  const naturalTotal = natural.reduce((a, b) => a + b, 0);
  const leastTotal = least.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (naturalTotal <= width) {
    widths = natural.map((w) => w + ((width - naturalTotal) * w) / naturalTotal);
  } else if (leastTotal <= width) {
    const extra = waterFill(
      natural.map((w, c) => w - (least[c] ?? 0)),
      width - leastTotal,
    );
    widths = least.map((w, c) => w + (extra[c] ?? 0));
  } else {
    // Even the smallest font does not fit every figure on a line; shrink evenly and let cells wrap.
    widths = least.map((w) => (w * width) / leastTotal);
  }
  return { fontSize: size, padding, widths, numeric };
}

export interface TableArea {
  x: number;
  width: number;
}

const headerBold = true;

function cellFont(doc: PDFKit.PDFDocument, bold: boolean, size: number): void {
  doc.font(bold ? fonts.bold : fonts.regular).fontSize(size);
}

function textHeight(doc: PDFKit.PDFDocument, text: string, bold: boolean, layout: TableLayout, column: number): number {
  cellFont(doc, bold, layout.fontSize);
  const inner = Math.max(1, (layout.widths[column] ?? 0) - 2 * layout.padding);
  return doc.heightOfString(pdfSafe(text), { width: inner });
}

function rowHeight(
  doc: PDFKit.PDFDocument,
  texts: string[],
  bold: (c: number) => boolean,
  layout: TableLayout,
): number {
  const vertical = layout.fontSize * 0.35;
  return Math.max(...texts.map((text, c) => textHeight(doc, text, bold(c), layout, c))) + 2 * vertical;
}

interface DrawnCell {
  text: string;
  bold: boolean;
  /** A figure: right-aligned, as is every cell of a column of figures. */
  figure?: boolean;
  tone?: PdfCell['tone'];
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: DrawnCell[],
  y: number,
  height: number,
  area: TableArea,
  layout: TableLayout,
): void {
  let x = area.x;
  const vertical = layout.fontSize * 0.35;
  cells.forEach((cell, c) => {
    const w = layout.widths[c] ?? 0;
    cellFont(doc, cell.bold, layout.fontSize);
    doc.fillColor(cell.tone === 'missed' ? colours.missed : colours.ink);
    doc.text(pdfSafe(cell.text), x + layout.padding, y + vertical, {
      width: Math.max(1, w - 2 * layout.padding),
      align: layout.numeric[c] === true || cell.figure === true ? 'right' : 'left',
    });
    x += w;
  });
  doc
    .moveTo(area.x, y + height)
    .lineTo(area.x + area.width, y + height)
    .lineWidth(0.5)
    .strokeColor(colours.rule)
    .stroke();
}

function drawHeader(
  doc: PDFKit.PDFDocument,
  table: PdfTable,
  y: number,
  height: number,
  area: TableArea,
  layout: TableLayout,
): void {
  doc.rect(area.x, y, area.width, height).fill(colours.headerFill);
  drawRow(
    doc,
    table.columns.map((text) => ({ text, bold: headerBold })),
    y,
    height,
    area,
    layout,
  );
}

/**
 * Draws the table from the current position: the caption, a bold header row on a light background, then the rows;
 * a row that does not fit goes to the next page under a repeated header. Leaves `doc.y` below the table.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable, area: TableArea): void {
  const layout = layoutTable(table, area.width, (text, bold, size) => {
    cellFont(doc, bold, size);
    return doc.widthOfString(text);
  });
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const headerHeight = rowHeight(doc, table.columns, () => headerBold, layout);
  const bodyBold = (c: number) => table.rowHeaders && c === 0;
  const heights = table.rows.map((row) =>
    rowHeight(
      doc,
      table.columns.map((_, c) => row[c]?.text ?? ''),
      bodyBold,
      layout,
    ),
  );
  doc.font(fonts.bold).fontSize(10);
  const caption = pdfSafe(table.caption);
  const captionHeight = doc.heightOfString(caption, { width: area.width }) + 4;
  // Keep the caption with the header and the first row.
  if (doc.y + captionHeight + headerHeight + (heights[0] ?? 0) > bottom()) doc.addPage();
  doc.fillColor(colours.ink).text(caption, area.x, doc.y, { width: area.width });
  let y = doc.y + 4;
  drawHeader(doc, table, y, headerHeight, area, layout);
  y += headerHeight;
  table.rows.forEach((row, r) => {
    const height = heights[r] ?? 0;
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.y;
      drawHeader(doc, table, y, headerHeight, area, layout);
      y += headerHeight;
    }
    drawRow(
      doc,
      table.columns.map((_, c) => ({
        text: row[c]?.text ?? '',
        bold: bodyBold(c),
        figure: typeof row[c]?.value === 'number',
        tone: row[c]?.tone,
      })),
      y,
      height,
      area,
      layout,
    );
    y += height;
  });
  doc.fillColor(colours.ink);
  doc.x = area.x;
  doc.y = y + 12;
}
