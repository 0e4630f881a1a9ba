import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderStatementPdf } from '../../../src/modules/billing/render/render-statement-pdf.ts';
import type { Locale } from '../../../src/platform/i18n/messages.ts';
import { normaliseSpaces, pdfContent } from '../../helpers/pdf-text.ts';
import { sampleCreditNote, sampleLines, sampleStatement } from './sample-statement.ts';

/** How the PDF writes a text: the standard fonts have no minus sign (U+2212), so it is a hyphen there. */
const asWritten = (text: string) => normaliseSpaces(text.replace(/\u2212/g, '-'));

/** "123 456,78" or "-0,05" (Norwegian, as extracted) as øre, without floating point. */
function oreOfNorwegian(text: string): number {
  const match = /^(-?)([\d ]+),(\d{2})$/.exec(text);
  assert.ok(match, text);
  const value = Number(match[2]?.replace(/ /g, '')) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

describe('renderStatementPdf', async () => {
  const doc = sampleStatement({
    purpose: 'correction',
    correctsNumber: '2026-00011',
    provisional: true,
    period: { year: 2026, quarter: 2, start: '2026-01-01', end: '2026-06-30' },
  });
  const buffer = await renderStatementPdf(doc, 'nb');
  const pdf = await pdfContent(buffer);

  it('is a one-page PDF titled with the kind and number', () => {
    assert.equal(buffer.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(pdf.pages, 1);
    assert.equal(pdf.info.Title, 'Foreløpig faktura 2026-00012');
    assert.ok(pdf.text.startsWith('Foreløpig faktura 2026-00012 2. kvartal 2026 (året hittil, a konto)'), pdf.text);
    assert.ok(pdf.text.includes('Side 1 av 1'));
  });

  it('shows the parties, the dates and the statement it corrects', () => {
    for (const text of [
      'Plattformdriften',
      'Org.nr. 987654325',
      'faktura@plattform.example',
      'Etaten for tester',
      'Org.nr. 123456785',
      'Forfallsdato 14. februar 2027',
      'Deres referanse ETATEN',
      'Korrigerer nr. 2026-00011',
      'Korrigerer 2026-00011',
    ])
      assert.ok(pdf.text.includes(text), text);
  });

  it('has each line in a row and a total that is their sum', () => {
    const rows: [string, string][] = [
      ['Meldingstjenesten Sendte meldinger 6 397 333', '123 456,78'],
      ['Meldingstjenesten Oppslag 1 250,5', '0,99'],
      ['Varsling SMS -42', '-0,05'],
    ];
    for (const [row, amount] of rows) assert.ok(pdf.text.includes(`${row} ${amount}`), row);
    const lineSum = rows.reduce((sum, [, amount]) => sum + oreOfNorwegian(amount), 0);
    const total = /Sum NOK (-?[\d ]+,\d{2})/.exec(pdf.text)?.[1] ?? '';
    assert.equal(oreOfNorwegian(total), doc.totalOre);
    assert.equal(lineSum, doc.totalOre);
  });

  it('states the VAT treatment and the provenance', () => {
    for (const text of [
      'Ikke merverdiavgiftspliktig',
      'Prisliste prisliste-2026',
      'Sjekksum for prislisten sha256:4f2c0a',
      'Bruk til og med desember 2026',
      'Sjekksum for bruksgrunnlaget sha256:9b1e77',
    ])
      assert.ok(pdf.text.includes(text), text);
  });

  it('speaks each language', async () => {
    const words: Record<Locale, string[]> = {
      nb: ['Kreditnota 2027-00003', 'Korrigerer nr. 2026-00012', 'Sum NOK -2 499,99', 'Side 1 av 1'],
      nn: ['Kreditnota 2027-00003', 'SELJAR', 'KJØPAR', 'Sjekksum for prislista', 'Side 1 av 1'],
      en: ['Credit note 2027-00003', 'Corrects statement 2026-00012', 'Total NOK -2,499.99', 'Page 1 of 1'],
    };
    for (const [lang, texts] of Object.entries(words) as [Locale, string[]][]) {
      const text = (await pdfContent(await renderStatementPdf(sampleCreditNote(), lang))).text;
      for (const expected of texts) assert.ok(text.includes(asWritten(expected)), `${lang}: ${expected}`);
    }
  });

  it('breaks a long statement over pages, the table header repeated and every page numbered', async () => {
    const lines = Array.from({ length: 90 }, (_, i) => ({
      ...sampleLines[0]!,
      metricName: `Tall ${i + 1}`,
      ore: 100 * i,
    }));
    const long = await pdfContent(await renderStatementPdf(sampleStatement({ lines }), 'nb'));
    assert.ok(long.pages >= 3, `${long.pages} pages`);
    long.pageTexts.forEach((page, i) => assert.ok(page.includes(`Side ${i + 1} av ${long.pages}`), `page ${i + 1}`));
    const withLines = long.pageTexts.filter((page) => /Tall \d+/.test(page));
    assert.ok(withLines.length >= 2);
    for (const page of withLines) assert.ok(page.includes('Produkt Tall Vektede transaksjoner Beløp (NOK)'));
    assert.ok(long.text.includes('Tall 90'));
    assert.ok(long.text.includes(`Sum NOK ${asWritten('4 005,00')}`));
  });

  it('draws names outside the standard fonts’ characters without failing', async () => {
    const odd = sampleStatement({ seller: { ...doc.seller, name: 'Drift ≥ 99 % 🚀 æøå' } });
    const text = (await pdfContent(await renderStatementPdf(odd, 'nb'))).text;
    assert.ok(text.includes('Drift >= 99 % ? æøå'), text.slice(0, 200));
  });
});
