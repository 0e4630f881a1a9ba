import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { renderReportXlsx } from '../../../src/modules/reports/render/render-report-xlsx.ts';
import { sheetName } from '../../../src/platform/render/sheet-name.ts';
import type { ReportDocument } from '../../../src/modules/reports/render/report-document.ts';
import { longTable, sampleReport } from './sample-report.ts';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type, older than Node's.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('sheetName', () => {
  const long = 'statistics-messages_sent-by-owner-and-month';
  const cases: [string, string, string[], string][] = [
    ['keeps a short id', 'compliance', [], 'compliance'],
    ['replaces characters Excel refuses and trims apostrophes', "'a[b]c:d*e?f/g\\'", [], 'a-b-c-d-e-f-g-'],
    ['cuts to 31 characters', long, [], 'statistics-messages_sent-by-own'],
    ['numbers a duplicate', 'compliance', ['compliance'], 'compliance-2'],
    ['compares ignoring case', 'compliance', ['COMPLIANCE', 'compliance-2'], 'compliance-3'],
    [
      'keeps a numbered long name within 31',
      long,
      ['statistics-messages_sent-by-own'],
      'statistics-messages_sent-by-o-2',
    ],
  ];
  for (const [what, wanted, taken, expected] of cases) {
    it(what, () => assert.equal(sheetName(wanted, new Set(taken.map((t) => t.toLowerCase()))), expected));
  }
});

describe('renderReportXlsx', async () => {
  const doc: ReportDocument = sampleReport();
  doc.sections.push({
    id: 'meetings',
    title: '4. Møter',
    nodes: [{ kind: 'table', table: longTable(3, 'compliance') }],
  });
  const workbook = await readBack(await renderReportXlsx(doc));

  it('starts with a contents sheet in the report’s language', () => {
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['Innhold', 'statistics-messages_sent', 'compliance', 'compliance-2'],
    );
    const contents = workbook.getWorksheet('Innhold');
    assert.ok(contents);
    assert.deepEqual(
      ['A2', 'B2', 'C2'].map((a) => contents.getCell(a).value),
      ['Del', 'Tabell', 'Ark'],
    );
    assert.equal(contents.getCell('A3').value, '1. Plattformen');
    assert.equal(contents.getCell('B3').value, 'Sendte meldinger per måned');
    assert.equal(contents.getCell('C3').text, 'statistics-messages_sent');
    assert.equal(contents.getCell('C5').text, 'compliance-2');
  });

  it('has the caption in row 1, bold headings in a frozen row 2 and numbers as numbers', () => {
    const sheet = workbook.getWorksheet('statistics-messages_sent');
    assert.ok(sheet);
    assert.equal(sheet.getCell('A1').value, 'Sendte meldinger per måned');
    assert.equal(sheet.getCell('A1').font.bold, true);
    assert.equal(sheet.getCell('B2').value, 'jan.');
    assert.equal(sheet.getCell('B2').font.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 2);
    assert.equal(sheet.getCell('A3').value, '2023');
    assert.equal(sheet.getCell('B3').value, 6_397_333);
    assert.equal(typeof sheet.getCell('N3').value, 'number');
    // The newest year has no figures for its last three months.
    assert.equal(sheet.getCell('M6').value, null);
    assert.equal(sheet.rowCount, 6);
  });

  it('keeps percentages as their figures and fits the columns', () => {
    const sheet = workbook.getWorksheet('compliance');
    assert.ok(sheet);
    assert.equal(sheet.getCell('C3').value, 95);
    assert.equal(sheet.getCell('C4').value, 95.1);
    assert.equal(sheet.rowCount, 122);
    assert.ok((sheet.getColumn(1).width ?? 0) > (sheet.getColumn(2).width ?? 0));
  });

  it('names the contents sheet by language', async () => {
    for (const [lang, name] of [
      ['nn', 'Innhald'],
      ['en', 'Contents'],
    ] as const) {
      const read = await readBack(await renderReportXlsx({ ...doc, lang }));
      assert.equal(read.worksheets[0]?.name, name);
    }
  });
});
