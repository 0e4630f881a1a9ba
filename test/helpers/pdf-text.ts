import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
// pdfjs reads the standard fonts' metrics from here; without them it warns on every document using Helvetica.
const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;

/** Every space-like character (incl. the no-break spaces of Norwegian numbers) as one plain space. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007\u2009]+/g, ' ').trim();
}

export interface PdfContent {
  pages: number;
  /** All pages' text items joined with spaces, whitespace normalised. */
  text: string;
  /** The same per page. */
  pageTexts: string[];
  /** The document information dictionary (Title, Author, …). */
  info: Record<string, unknown>;
}

export async function pdfContent(buffer: Uint8Array): Promise<PdfContent> {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    standardFontDataUrl,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pageTexts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pageTexts.push(normaliseSpaces(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')));
    }
    const { info } = await pdf.getMetadata();
    return { pages: pdf.numPages, text: pageTexts.join(' '), pageTexts, info: info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}

/** The PDF's text, all pages joined with spaces and every kind of whitespace normalised to one space. */
export async function pdfText(buffer: Uint8Array): Promise<string> {
  return (await pdfContent(buffer)).text;
}
