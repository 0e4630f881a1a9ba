import PDFDocument from 'pdfkit';
import type { Locale } from '../../../platform/i18n/messages.ts';
import { colours, fonts, pdfSafe } from '../../../platform/render/pdf-style.ts';
import { drawTable, type PdfTable } from '../../../platform/render/pdf-table.ts';
import type { StatementDocument } from '../domain/statement-document.ts';
import { type LayoutFact, type LayoutParty, layoutStatement, type StatementLayout } from './layout-statement.ts';

type Pdf = PDFKit.PDFDocument;

const margin = { top: 56, bottom: 56, left: 50, right: 50 };
/** Room kept under the bottom margin for the page footer. */
const footerOffset = 30;
const labelWidth = 150;

function left(pdf: Pdf): number {
  return pdf.page.margins.left;
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

/** Starts a new page unless `height` more points fit, so a heading stays with what follows it. */
function keepRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function text(pdf: Pdf, value: string, font: string, size: number, colour: string = colours.ink): void {
  pdf
    .font(font)
    .fontSize(size)
    .fillColor(colour)
    .text(pdfSafe(value), left(pdf), pdf.y, { width: contentWidth(pdf) });
}

/** The seller and the buyer side by side: role, name, organisation number, e-mail. */
function drawParties(pdf: Pdf, layout: StatementLayout): void {
  const top = pdf.y;
  const column = contentWidth(pdf) / 2;
  let bottom = top;
  [layout.seller, layout.buyer].forEach((party: LayoutParty, i) => {
    const x = left(pdf) + i * column;
    const width = column - 12;
    pdf
      .font(fonts.bold)
      .fontSize(8)
      .fillColor(colours.muted)
      .text(pdfSafe(party.label.toUpperCase()), x, top, { width });
    pdf
      .font(fonts.bold)
      .fontSize(11)
      .fillColor(colours.ink)
      .text(pdfSafe(party.name), x, pdf.y + 2, { width });
    pdf.font(fonts.regular).fontSize(9);
    pdf.text(pdfSafe(`${layout.texts.orgNumber} ${party.orgNumber}`), x, pdf.y + 2, { width });
    if (party.email !== '') pdf.text(pdfSafe(party.email), x, pdf.y, { width });
    bottom = Math.max(bottom, pdf.y);
  });
  pdf.x = left(pdf);
  pdf.y = bottom + 18;
}

/** Label and text in two columns, the text wrapping in its own. */
function drawFacts(pdf: Pdf, facts: readonly LayoutFact[], size: number): void {
  for (const fact of facts) {
    const value = pdfSafe(fact.text);
    pdf.font(fonts.regular).fontSize(size);
    const height = pdf.heightOfString(value, { width: contentWidth(pdf) - labelWidth });
    keepRoom(pdf, height + 4);
    const y = pdf.y;
    pdf
      .font(fonts.bold)
      .fillColor(colours.ink)
      .text(pdfSafe(fact.label), left(pdf), y, { width: labelWidth - 8 });
    pdf.font(fonts.regular).text(value, left(pdf) + labelWidth, y, { width: contentWidth(pdf) - labelWidth });
    pdf.y = Math.max(pdf.y, y + height) + 3;
  }
  pdf.x = left(pdf);
}

function linesTable(layout: StatementLayout): PdfTable {
  const t = layout.texts;
  return {
    caption: t.lines,
    columns: [t.product, t.metric, t.weightedTransactions, t.amountNok],
    rowHeaders: false,
    rows: layout.lines.map((line) => [
      { text: line.productName, value: line.productName },
      { text: line.metricName, value: line.metricName },
      { text: line.weightedText, value: line.weightedTransactions },
      { text: line.text, value: line.ore },
    ]),
  };
}

function drawTotal(pdf: Pdf, layout: StatementLayout): void {
  keepRoom(pdf, 40);
  pdf
    .font(fonts.bold)
    .fontSize(12)
    .fillColor(colours.ink)
    .text(pdfSafe(`${layout.texts.total} NOK ${layout.total.text}`), left(pdf), pdf.y, {
      width: contentWidth(pdf),
      align: 'right',
    });
  pdf.moveDown(0.4);
  text(pdf, layout.texts.vatNote, fonts.regular, 9, colours.muted);
  pdf.moveDown(1.5);
}

/** "Faktura 2026-00012 · Side 1 av 2" at the foot of every page, once the page count is known. */
function drawFooters(pdf: Pdf, layout: StatementLayout): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    // Writing below the bottom margin would otherwise make pdfkit start a new page.
    const kept = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const footer = pdfSafe(`${layout.title} · ${layout.texts.page(i - range.start + 1, range.count)}`);
    pdf.font(fonts.regular).fontSize(8).fillColor(colours.muted);
    pdf.text(footer, left(pdf), pdf.page.height - footerOffset, {
      width: contentWidth(pdf),
      align: 'right',
      lineBreak: false,
    });
    pdf.page.margins.bottom = kept;
  }
}

/**
 * A statement as a PDF in the reader's language: title and period, the parties, the facts (dates, reference, what it
 * corrects), the lines with their total, the VAT note and the provenance that lets it be rated again. Amounts are
 * signed as in the statement (a credit note's are negative) and shown with two decimals.
 */
export function renderStatementPdf(doc: StatementDocument, lang: Locale): Promise<Buffer> {
  const layout = layoutStatement(doc, lang);
  return new Promise<Buffer>((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margins: margin,
      bufferPages: true,
      lang,
      displayTitle: true,
      font: fonts.regular,
      info: { Title: layout.title, Subject: layout.subtitle, Author: 'Nivå' },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    text(pdf, layout.title, fonts.bold, 20);
    pdf.moveDown(0.2);
    text(pdf, layout.subtitle, fonts.regular, 12, colours.muted);
    pdf.moveDown(1.2);
    drawParties(pdf, layout);
    drawFacts(pdf, layout.facts, 9.5);
    pdf.moveDown(1);
    drawTable(pdf, linesTable(layout), { x: left(pdf), width: contentWidth(pdf) });
    drawTotal(pdf, layout);
    keepRoom(pdf, 80);
    text(pdf, layout.texts.provenance, fonts.bold, 11);
    pdf.moveDown(0.3);
    drawFacts(pdf, layout.provenance, 8.5);
    drawFooters(pdf, layout);
    pdf.end();
  });
}
