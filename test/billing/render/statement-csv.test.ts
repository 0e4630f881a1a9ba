import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { renderStatementCsv } from '../../../src/modules/billing/render/render-statement-csv.ts';
import { statementTexts } from '../../../src/modules/billing/render/statement-texts.ts';
import type { Locale } from '../../../src/platform/i18n/messages.ts';
import { sampleCreditNote, sampleLines, sampleStatement } from './sample-statement.ts';

function records(csv: string): string[][] {
  const rows: unknown = parse(csv, { bom: true });
  assert.ok(Array.isArray(rows));
  return rows as string[][];
}

/** Kroner text with two decimals as øre, without floating point. */
function oreOf(kroner: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(kroner);
  assert.ok(match, kroner);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

describe('renderStatementCsv', () => {
  const doc = sampleStatement();
  const csv = renderStatementCsv(doc, 'nb');
  const [header = [], ...rows] = records(csv);
  const column = (name: string) => header.indexOf(name);
  const t = statementTexts.nb;

  it('is RFC 4180 with a byte-order mark and CRLF line ends', () => {
    assert.ok(csv.startsWith('\uFEFF'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(csv), 'no bare line feed');
  });

  it('has a row per line and a total row whose øre and kroner equal the sum of the lines', () => {
    assert.equal(rows.length, sampleLines.length + 1);
    const lines = rows.slice(0, -1);
    const total = rows.at(-1) ?? [];
    assert.equal(total[column(t.line)], 'Sum');
    const ore = lines.map((row) => Number(row[column(t.amountOre)]));
    assert.deepEqual(
      ore,
      sampleLines.map((line) => line.ore),
    );
    assert.equal(
      ore.reduce((a, b) => a + b, 0),
      doc.totalOre,
    );
    assert.equal(Number(total[column(t.amountOre)]), doc.totalOre);
    assert.deepEqual(
      lines.map((row) => row[column(t.amountNok)]),
      ['123456.78', '0.99', '-0.05'],
    );
    assert.equal(
      lines.reduce((sum, row) => sum + oreOf(row[column(t.amountNok)] ?? ''), 0),
      oreOf(total[column(t.amountNok)] ?? ''),
    );
    assert.equal(total[column(t.amountNok)], '123457.72');
    assert.deepEqual(
      lines.map((row) => row[column(t.weightedTransactions)]),
      ['6397333', '1250.5', '-42'],
    );
  });

  it('carries the statement and its provenance on every row', () => {
    for (const row of rows) {
      assert.equal(row[column(t.number)], doc.number);
      assert.equal(row[column(t.kind)], 'Faktura');
      assert.equal(row[column(t.priceList)], 'prisliste-2026');
      assert.equal(row[column(t.priceListDigest)], 'sha256:4f2c0a');
      assert.equal(row[column(t.usageThrough)], '2026-12');
      assert.equal(row[column(t.snapshotDigest)], 'sha256:9b1e77');
      assert.equal(row[column(t.corrects)], '');
    }
  });

  it('names the statement a correction corrects', () => {
    const [head = [], ...credit] = records(renderStatementCsv(sampleCreditNote(), 'en'));
    for (const row of credit) assert.equal(row[head.indexOf('Corrects')], '2026-00012');
    assert.equal(credit.at(-1)?.[head.indexOf('Amount (øre)')], '-249999');
    assert.equal(credit.at(-1)?.[head.indexOf('Amount (NOK)')], '-2499.99');
  });

  it('heads its columns in each language', () => {
    for (const lang of ['nb', 'nn', 'en'] satisfies Locale[]) {
      const [head = [], ...body] = records(renderStatementCsv(doc, lang));
      assert.equal(head[head.length - 6], statementTexts[lang].amountOre);
      assert.equal(body.at(-1)?.[head.indexOf(statementTexts[lang].line)], statementTexts[lang].total);
    }
  });

  it('keeps names that start like a formula as text, and figures as figures', () => {
    const names = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tTAB'];
    const tricky = sampleStatement({
      kind: 'credit-note',
      lines: names.map((name, i) => ({ ...sampleLines[2]!, productName: name, metricName: `a, "b"\r\nc ${i}` })),
    });
    const [head = [], ...body] = records(renderStatementCsv(tricky, 'nb'));
    assert.deepEqual(
      body.slice(0, -1).map((row) => row[head.indexOf(t.product)]),
      names.map((name) => `'${name}`),
    );
    assert.equal(body[0]?.[head.indexOf(t.metric)], 'a, "b"\r\nc 0');
    assert.equal(body[0]?.[head.indexOf(t.amountOre)], '-5');
    assert.equal(body[0]?.[head.indexOf(t.amountNok)], '-0.05');
    assert.equal(body.at(-1)?.[head.indexOf(t.amountNok)], '-0.25');
  });
});
