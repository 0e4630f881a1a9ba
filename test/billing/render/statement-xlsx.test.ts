import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { renderStatementXlsx } from '../../../src/modules/billing/render/render-statement-xlsx.ts';
import { statementTexts } from '../../../src/modules/billing/render/statement-texts.ts';
import type { Locale } from '../../../src/platform/i18n/messages.ts';
import { sampleCreditNote, sampleLines, sampleStatement } from './sample-statement.ts';

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type, older than Node's.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  assert.equal(workbook.worksheets.length, 1);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  return sheet;
}

function values(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: 8 }, (_, c) => row.getCell(c + 1).value);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** The lines table: the rows after its heading row, up to and with the total row. */
function linesTable(rows: ExcelJS.CellValue[][], lang: Locale) {
  const t = statementTexts[lang];
  const head = rows.findIndex((row) => row[0] === t.line && row[6] === t.amountOre);
  assert.ok(head >= 0, 'heading row');
  const end = rows.findIndex((row, i) => i > head && row[0] === t.total);
  assert.ok(end > head, 'total row');
  return { lines: rows.slice(head + 1, end), total: rows[end] ?? [] };
}

describe('renderStatementXlsx', async () => {
  const doc = sampleStatement();
  const sheet = await readBack(await renderStatementXlsx(doc, 'nb'));
  const rows = values(sheet);
  const texts = rows.flat().filter((value): value is string => typeof value === 'string');

  it('is one sheet named and titled by the statement', () => {
    assert.equal(sheet.name, 'Faktura 2026-00012');
    assert.equal(rows[0]?.[0], 'Faktura 2026-00012');
    assert.equal(rows[1]?.[0], 'Året 2026');
  });

  it('has the lines as numbers, and a total equal to their sum in øre and kroner', () => {
    const { lines, total } = linesTable(rows, 'nb');
    assert.deepEqual(
      lines.map((row) => row.slice(0, 8)),
      [
        [1, 'meldingstjeneste', 'Meldingstjenesten', 'messages_sent', 'Sendte meldinger', 6397333, 12345678, 123456.78],
        [2, 'meldingstjeneste', 'Meldingstjenesten', 'lookups', 'Oppslag', 1250.5, 99, 0.99],
        [3, 'varsling', 'Varsling', 'sms', 'SMS', -42, -5, -0.05],
      ],
    );
    const ore = lines.map((row) => row[6] as number);
    assert.equal(
      ore.reduce((a, b) => a + b, 0),
      doc.totalOre,
    );
    assert.equal(total[6], doc.totalOre);
    assert.equal(total[7], 123457.72);
    assert.equal(Math.round(lines.reduce((sum, row) => sum + (row[7] as number), 0) * 100), doc.totalOre);
    assert.equal(sheet.getCell(`H${rows.indexOf(total) + 1}`).numFmt, '#,##0.00');
  });

  it('shows the parties, the facts, the VAT note and the provenance', () => {
    for (const text of [
      'Plattformdriften',
      '987654325',
      'Etaten for tester',
      '123456785',
      'post@etaten.example',
      '15. januar 2027',
      '14. februar 2027',
      'ETATEN',
      statementTexts.nb.vatNote,
      'prisliste-2026',
      'sha256:4f2c0a',
      'desember 2026',
      'sha256:9b1e77',
    ])
      assert.ok(texts.includes(text), text);
    assert.ok(!texts.includes('Korrigerer'), 'an original corrects nothing');
  });

  it('names the statement a correction corrects, in each language', async () => {
    for (const lang of ['nb', 'nn', 'en'] satisfies Locale[]) {
      const t = statementTexts[lang];
      const credit = values(await readBack(await renderStatementXlsx(sampleCreditNote(), lang)));
      const flat = credit.flat();
      assert.ok(flat.includes(t.corrects) && flat.includes('2026-00012'), lang);
      assert.equal(credit[1]?.[0], `${t.year(2026)} · ${t.correctsStatement('2026-00012')}`);
      const { lines, total } = linesTable(credit, lang);
      assert.equal(lines.length, 2);
      assert.equal(total[6], -249999);
      assert.equal(total[7], -2499.99);
    }
  });

  it('keeps names as text, even those that look like formulas', async () => {
    const tricky = sampleStatement({ lines: [{ ...sampleLines[0]!, productName: '=1+1' }] });
    const { lines } = linesTable(values(await readBack(await renderStatementXlsx(tricky, 'en'))), 'en');
    assert.equal(lines[0]?.[2], '=1+1');
  });
});
