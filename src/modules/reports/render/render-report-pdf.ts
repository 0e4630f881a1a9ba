import PDFDocument from 'pdfkit';
import type { Locale } from '../../../platform/i18n/messages.ts';
import type { ChartPicture } from '../../../platform/web/charts/chart-picture.ts';
import { type InlineRun, markdownToParagraphs } from './markdown.ts';
import { chartHeight, drawChart } from './pdf-chart.ts';
import { colours, fontFor, fonts, pdfSafe } from '../../../platform/render/pdf-style.ts';
import { drawTable } from '../../../platform/render/pdf-table.ts';
import type { ReportDocument, ReportNode, ReportSection } from './report-document.ts';

const margin = { top: 56, bottom: 56, left: 50, right: 50 };
const bodySize = 10;
/** Room kept under the bottom margin for the page footer. */
const footerOffset = 30;

const pageOf: Record<Locale, (page: number, pages: number) => string> = {
  nb: (page, pages) => `Side ${page} av ${pages}`,
  nn: (page, pages) => `Side ${page} av ${pages}`,
  en: (page, pages) => `Page ${page} of ${pages}`,
};

type Pdf = PDFKit.PDFDocument;

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

function bottom(pdf: Pdf): number {
  return pdf.page.height - pdf.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit on this one, so a heading is not left alone at a page foot. */
function keepRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

function plainText(pdf: Pdf, text: string, font: string, size: number, colour: string = colours.ink): void {
  pdf
    .font(font)
    .fontSize(size)
    .fillColor(colour)
    .text(pdfSafe(text), pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
}

/** One line of formatted runs from `x`; links are underlined, coloured and clickable. */
function drawRuns(pdf: Pdf, runs: readonly InlineRun[], x: number, width: number, size: number): void {
  const visible = runs.filter((run) => run.text !== '');
  if (visible.length === 0) return;
  visible.forEach((run, i) => {
    // Every option is given on every run: pdfkit carries the previous run's options over to a continued one.
    const options: PDFKit.Mixins.TextOptions = {
      width,
      continued: i < visible.length - 1,
      underline: run.href !== undefined,
      link: run.href ?? null,
    };
    pdf
      .font(fontFor(run.bold, run.italic))
      .fontSize(size)
      .fillColor(run.href === undefined ? colours.ink : colours.link);
    if (i === 0) pdf.text(pdfSafe(run.text), x, pdf.y, options);
    else pdf.text(pdfSafe(run.text), options);
  });
  pdf.fillColor(colours.ink);
}

function drawMarkdown(pdf: Pdf, markdown: string): void {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  for (const block of markdownToParagraphs(markdown)) {
    if (block.kind === 'heading') {
      const size = block.level <= 2 ? 12 : 11;
      keepRoom(pdf, size * 4);
      pdf.moveDown(0.3);
      drawRuns(
        pdf,
        block.runs.map((run) => ({ ...run, bold: true })),
        left,
        width,
        size,
      );
      pdf.moveDown(0.2);
    } else if (block.kind === 'item') {
      const indent = left + (block.depth - 1) * 14;
      keepRoom(pdf, bodySize * 1.5);
      const y = pdf.y;
      pdf
        .font(fonts.regular)
        .fontSize(bodySize)
        .fillColor(colours.ink)
        .text(pdfSafe(block.marker), indent, y, { lineBreak: false });
      pdf.y = y;
      drawRuns(pdf, block.runs, indent + 14, width - (indent - left) - 14, bodySize);
      pdf.moveDown(0.2);
    } else {
      const indent = left + block.depth * 14;
      drawRuns(pdf, block.runs, indent, width - (indent - left), bodySize);
      pdf.moveDown(0.5);
    }
  }
}

function drawList(pdf: Pdf, items: readonly string[]): void {
  const left = pdf.page.margins.left;
  for (const item of items) {
    keepRoom(pdf, bodySize * 1.5);
    const y = pdf.y;
    pdf.font(fonts.regular).fontSize(bodySize).fillColor(colours.ink).text('•', left, y, { lineBreak: false });
    pdf.text(pdfSafe(item), left + 14, y, { width: contentWidth(pdf) - 14 });
    pdf.moveDown(0.2);
  }
  pdf.moveDown(0.4);
}

/** The chart's title in bold above its drawing, kept on one page with it. */
function drawChartNode(pdf: Pdf, chart: ChartPicture): void {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  pdf.font(fonts.bold).fontSize(bodySize);
  const title = pdfSafe(chart.title);
  keepRoom(pdf, pdf.heightOfString(title, { width }) + 4 + chartHeight(chart, width));
  pdf.fillColor(colours.ink).text(title, left, pdf.y, { width });
  drawChart(pdf, chart, left, pdf.y + 4, width);
  pdf.moveDown(1);
}

function drawNode(pdf: Pdf, node: ReportNode): void {
  switch (node.kind) {
    case 'heading':
      keepRoom(pdf, 13 * 4);
      pdf.moveDown(0.5);
      plainText(pdf, node.text, fonts.bold, 13);
      pdf.moveDown(0.3);
      break;
    case 'paragraph':
      plainText(pdf, node.text, fonts.regular, bodySize);
      pdf.moveDown(0.6);
      break;
    case 'list':
      drawList(pdf, node.items);
      break;
    case 'markdown':
      drawMarkdown(pdf, node.markdown);
      break;
    case 'table':
      drawTable(pdf, node.table, { x: pdf.page.margins.left, width: contentWidth(pdf) });
      break;
    case 'chart':
      drawChartNode(pdf, node.chart);
      break;
  }
}

function drawSection(pdf: Pdf, section: ReportSection): void {
  pdf.addPage();
  plainText(pdf, section.title, fonts.bold, 18);
  pdf.moveDown(0.6);
  for (const node of section.nodes) drawNode(pdf, node);
}

function drawCover(pdf: Pdf, doc: ReportDocument): void {
  pdf.y = pdf.page.height * 0.3;
  plainText(pdf, doc.title, fonts.bold, 26);
  pdf.moveDown(0.4);
  plainText(pdf, doc.subtitle, fonts.regular, 16);
  pdf.moveDown(2);
  plainText(pdf, doc.colophon, fonts.regular, 10, colours.muted);
}

/** "Side N av M" on every page, written once the page count is known. */
function drawFooters(pdf: Pdf, doc: ReportDocument): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    const kept = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - footerOffset;
    const left = pdf.page.margins.left;
    const right = pdf.page.width - pdf.page.margins.right;
    pdf.font(fonts.regular).fontSize(8).fillColor(colours.muted);
    const label = pdfSafe(pageOf[doc.lang](i - range.start + 1, range.count));
    const labelWidth = pdf.widthOfString(label);
    pdf.text(label, right - labelWidth, y, { lineBreak: false });
    // The running title is a convenience; it is left out where it would run into the page number.
    const title = pdfSafe(`${doc.title} · ${doc.subtitle}`);
    if (i > range.start && pdf.widthOfString(title) < right - left - labelWidth - 24)
      pdf.text(title, left, y, { lineBreak: false });
    pdf.page.margins.bottom = kept;
  }
}

/** The report as a PDF: a cover, then each section from a new page, drawn in-process with the standard fonts. */
export function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: margin,
      bufferPages: true,
      lang: doc.lang,
      displayTitle: true,
      font: fonts.regular,
      info: { Title: doc.title, Subject: doc.subtitle, Author: 'Nivå' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    drawCover(pdf, doc);
    for (const section of doc.sections) drawSection(pdf, section);
    drawFooters(pdf, doc);
    pdf.end();
  });
}
