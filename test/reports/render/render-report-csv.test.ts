import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTable, renderTableCsv } from '../../../src/modules/reports/render/render-report-csv.ts';
import type { ReportTable } from '../../../src/modules/reports/render/report-document.ts';
import { sampleReport } from './sample-report.ts';

const table = (rows: ReportTable['rows'], columns = ['A', 'B']): ReportTable => ({
  id: 't',
  caption: 'Tabell',
  columns,
  rows,
  rowHeaders: false,
});

describe('renderTableCsv', () => {
  const cases: [string, ReportTable, string][] = [
    [
      'plain values',
      table([
        [
          { text: 'x', value: 'x' },
          { text: '6 397 333', value: 6397333 },
        ],
      ]),
      'A,B\r\nx,6397333\r\n',
    ],
    [
      'decimals with a point',
      table([
        [
          { text: '99,96 %', value: 99.96 },
          { text: '', value: null },
        ],
      ]),
      'A,B\r\n99.96,\r\n',
    ],
    [
      'a comma is quoted',
      table([
        [
          { text: 'a, b', value: 'a, b' },
          { text: '1', value: 1 },
        ],
      ]),
      'A,B\r\n"a, b",1\r\n',
    ],
    [
      'a quote is doubled',
      table([
        [
          { text: 'si "hei"', value: 'si "hei"' },
          { text: '1', value: 1 },
        ],
      ]),
      'A,B\r\n"si ""hei""",1\r\n',
    ],
    [
      'a line break is quoted',
      table([
        [
          { text: 'a\nb', value: 'a\nb' },
          { text: '1', value: 1 },
        ],
      ]),
      'A,B\r\n"a\nb",1\r\n',
    ],
    ['headers are quoted too', table([], ['Navn, fullt', 'Å']), '"Navn, fullt",Å\r\n'],
    ['a missing cell is empty', table([[{ text: 'x', value: 'x' }]]), 'A,B\r\nx,\r\n'],
  ];
  for (const [what, input, expected] of cases) it(what, () => assert.equal(renderTableCsv(input), `\uFEFF${expected}`));
});

describe('findTable', () => {
  const doc = sampleReport();
  it('finds a table in any section', () =>
    assert.equal(findTable(doc, 'compliance')?.caption, 'Etterlevelse av avtalte krav'));
  it('finds the first section’s table', () => assert.equal(findTable(doc, 'statistics-messages_sent')?.rows.length, 4));
  it('is undefined for an unknown id', () => assert.equal(findTable(doc, 'nope'), undefined));
});

it('a text cell that starts like a formula is kept as text; negative numbers stay numbers', () => {
  const csv = renderTableCsv({
    id: 't',
    caption: 'T',
    columns: ['a', 'b'],
    rows: [
      [
        { text: '=HYPERLINK("x")', value: '=HYPERLINK("x")' },
        { text: '-5', value: -5 },
      ],
      [
        { text: '@sum', value: '@sum' },
        { text: '+1', value: '+1' },
      ],
    ],
    rowHeaders: false,
  });
  assert.equal(csv, '\uFEFFa,b\r\n"\'=HYPERLINK(""x"")",-5\r\n\'@sum,\'+1\r\n');
});
