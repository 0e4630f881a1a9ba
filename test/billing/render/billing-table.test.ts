import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { BillingTable } from '../../../src/modules/billing/render/billing-table.ts';
import {
  renderBillingTableCsv,
  renderBillingTablesXlsx,
} from '../../../src/modules/billing/render/render-billing-table.ts';

const comparison: BillingTable = {
  id: 'scenario-comparison',
  caption: 'Scenarioer sammenlignet, 2026',
  columns: ['Eier', 'Gjeldende (øre)', 'Scenario A (øre)', 'Endring (%)'],
  rows: [
    ['Etaten for tester', 12345678, 13000000, 5.3],
    ['=cmd|"/c calc"!A1', -5, 0, null],
    ['Komma, "sitat" og\r\nlinjeskift', 0, 99, -100],
  ],
};

const summary: BillingTable = {
  id: 'run-summary-with-a-rather-long-identifier',
  caption: 'Kjøring',
  columns: ['Steg', 'Antall'],
  rows: [['Fakturaer', 12], ['Kreditnotaer']],
};

function records(csv: string): string[][] {
  const rows: unknown = parse(csv, { bom: true });
  assert.ok(Array.isArray(rows));
  return rows as string[][];
}

describe('renderBillingTableCsv', () => {
  const csv = renderBillingTableCsv(comparison);

  it('writes RFC 4180 with a byte-order mark, CRLF and the column headings first', () => {
    assert.ok(csv.startsWith('\uFEFFEier,Gjeldende (øre),Scenario A (øre),Endring (%)\r\n'));
    assert.ok(!/[^\r]\n/.test(csv.replace('og\r\nlinjeskift', '')), 'no bare line feed');
    assert.ok(csv.endsWith('\r\n'));
  });

  it('reads back as the table, numbers as numbers and formula-like text as text', () => {
    assert.deepEqual(records(csv), [
      comparison.columns,
      ['Etaten for tester', '12345678', '13000000', '5.3'],
      [`'=cmd|"/c calc"!A1`, '-5', '0', ''],
      ['Komma, "sitat" og\r\nlinjeskift', '0', '99', '-100'],
    ]);
  });

  it('fills a short row and refuses a row wider than the headings', () => {
    assert.deepEqual(records(renderBillingTableCsv(summary)).at(-1), ['Kreditnotaer', '']);
    assert.throws(() => renderBillingTableCsv({ ...summary, rows: [['a', 1, 2]] }), /3 cells for 2 columns/);
  });

  it('refuses a number that is not finite', () => {
    assert.throws(() => renderBillingTableCsv({ ...summary, rows: [['a', Number.NaN]] }), /not a finite number/);
  });
});

describe('renderBillingTablesXlsx', async () => {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type, older than Node's.
  await workbook.xlsx.load((await renderBillingTablesXlsx([comparison, summary])) as unknown as ExcelJS.Buffer);

  it('has a sheet per table, named by its id within Excel’s 31 characters', () => {
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ['scenario-comparison', 'run-summary-with-a-rather-long-'],
    );
  });

  it('puts the caption, the headings and the raw cells in rows 1, 2 and below', () => {
    const sheet = workbook.getWorksheet('scenario-comparison');
    assert.ok(sheet);
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = Array.from({ length: 4 }, (_, c) => row.getCell(c + 1).value);
    });
    assert.deepEqual(rows, [
      ['Scenarioer sammenlignet, 2026', null, null, null],
      comparison.columns,
      // XML reads a carriage return in text as a line feed, and a line feed is how Excel breaks a line in a cell.
      ...comparison.rows.map((row) =>
        row.map((cell) => (typeof cell === 'string' ? cell.replace(/\r\n/g, '\n') : cell)),
      ),
    ]);
    const view = sheet.views[0];
    assert.equal(view?.state, 'frozen');
    assert.equal(view.state === 'frozen' ? view.ySplit : undefined, 2);
  });

  it('refuses to write a workbook without sheets', async () => {
    await assert.rejects(renderBillingTablesXlsx([]), /at least one table/);
  });
});
