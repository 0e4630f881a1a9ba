import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AggregateFigure,
  duplicateFigures,
  monthKey,
  monthOfHeader,
  parseCount,
  problemPlace,
  readAggregateSheet,
  shapeOf,
  type SheetOptions,
  type UsageSheet,
} from '../../../src/modules/usage/domain/usage-aggregate-rows.ts';

const metrics = new Set(['messages_sent', 'forms_archived']);
const options: SheetOptions = { metric: null, ownerCode: null, metrics };

/** A CSV-like table: one line per row, cells split on commas, numbered from 1. */
function sheet(text: string, name: string | null = null): UsageSheet {
  return { name, rows: text.split('\n').map((line, i) => ({ line: i + 1, cells: line.split(',') })) };
}

function problems(s: UsageSheet, opts: Partial<SheetOptions> = {}): string[] {
  return readAggregateSheet(s, { ...options, ...opts }).problems.map((p) => `${problemPlace(p)}: ${p.problem}`);
}

describe('monthOfHeader', () => {
  const table: [string, number | null][] = [
    ['jan', 1],
    ['Januar', 1],
    ['FEB', 2],
    ['februar', 2],
    ['mars', 3],
    ['march', 3],
    ['apr', 4],
    ['mai', 5],
    ['May', 5],
    ['juni', 6],
    ['jul', 7],
    ['juli', 7],
    ['aug', 8],
    ['sept', 9],
    ['sep.', 9],
    ['september', 9],
    ['okt', 10],
    ['october', 10],
    ['nov', 11],
    ['des', 12],
    ['desember', 12],
    ['dec', 12],
    [' Des ', 12],
    ['year', null],
    ['13', null],
    ['', null],
    ['ja', null],
  ];
  for (const [header, month] of table)
    it(`${JSON.stringify(header)} → ${month}`, () => assert.equal(monthOfHeader(header), month));
});

describe('parseCount', () => {
  const table: [string, number | string][] = [
    ['0', 0],
    ['6397333', 6_397_333],
    ['6 397 333', 6_397_333],
    ['6397 333', 6_397_333],
    ['10 267 169', 10_267_169],
    ['10\u00a0267\u00a0169', 10_267_169],
    ['1\u202f000', 1000],
    [' 42 ', 42],
    ['', 'a count is required'],
    ['-5', '-5 is negative; counts are 0 or more'],
    ['−5', '−5 is negative; counts are 0 or more'],
    ['1.5', '1.5 is not a whole number'],
    ['1,5', '1,5 is not a whole number'],
    ['12 34', '12 34 is not a whole number'],
    ['1  000', '1  000 is not a whole number'],
    ['abc', 'abc is not a whole number'],
    ['99999999999999999', '99999999999999999 is too large'],
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)}`, () =>
      assert.deepEqual(
        parseCount(text),
        typeof expected === 'number' ? { ok: true, value: expected } : { ok: false, reason: expected },
      ));
  }
});

describe('shapeOf and monthKey', () => {
  const table: [string[], 'wide' | 'long' | null][] = [
    [['year', 'jan', 'feb'], 'wide'],
    [['År', 'januar', 'desember', 'sum'], 'wide'],
    [['metric', 'year', 'month', 'count'], 'long'],
    [['Owner', 'Metric', 'Year', 'Month', 'Count', 'service'], 'long'],
    [['metric', 'year', 'month'], null],
    [['year', 'total'], null],
    [[''], null],
  ];
  for (const [header, shape] of table) it(`${header.join(',')} → ${shape}`, () => assert.equal(shapeOf(header), shape));
  it('pads months', () => assert.deepEqual([monthKey(2023, 1), monthKey(2026, 12)], ['2023-01', '2026-12']));
});

describe('readAggregateSheet: wide', () => {
  it('reads spaced numbers, Norwegian month names and skips empty cells', () => {
    const reading = readAggregateSheet(
      sheet('År,januar,februar,mars,desember,Sum\n2024,6397 333,,10 267 169,1,16664503\n\n2025,5,,,,'),
      { ...options, metric: 'messages_sent' },
    );
    assert.equal(reading.shape, 'wide');
    assert.deepEqual(reading.problems, []);
    assert.equal(reading.rows, 2);
    assert.deepEqual(
      reading.figures.map((f) => [f.month, f.count, f.line, f.column]),
      [
        ['2024-01', 6_397_333, 2, 'januar'],
        ['2024-03', 10_267_169, 2, 'mars'],
        ['2024-12', 1, 2, 'desember'],
        ['2025-01', 5, 4, 'januar'],
      ],
    );
  });

  it('takes the metric from the sheet name and the owner from the options', () => {
    const reading = readAggregateSheet(sheet('year,jan\n2024,3', 'forms_archived'), { ...options, ownerCode: 'skd' });
    assert.deepEqual(
      reading.figures.map((f) => [f.metric, f.ownerCode, f.sheet]),
      [['forms_archived', 'skd', 'forms_archived']],
    );
  });

  const table: [string, string, Partial<SheetOptions>, string[]][] = [
    [
      'no metric',
      'year,jan\n2024,1',
      {},
      ['row 1: a table of months is for one metric: name it (the metric option, or the sheet name in a workbook)'],
    ],
    [
      'unknown metric',
      'year,jan\n2024,1',
      { metric: 'hugs' },
      ['row 1: unknown metric hugs (known: messages_sent, forms_archived)'],
    ],
    [
      'unknown column',
      'year,jan,note\n2024,1,',
      { metric: 'messages_sent' },
      [
        'row 1, column note: unknown column; expected year, the months (jan … dec or januar … desember) and optionally total',
      ],
    ],
    [
      'month twice',
      'year,jan,januar\n2024,1,2',
      { metric: 'messages_sent' },
      ['row 1, column januar: month 1 has two columns'],
    ],
    [
      'bad counts',
      'year,jan,feb,mar\n2024,-1,1.5,x',
      { metric: 'messages_sent' },
      [
        'row 2, column jan: -1 is negative; counts are 0 or more',
        'row 2, column feb: 1.5 is not a whole number',
        'row 2, column mar: x is not a whole number',
      ],
    ],
    [
      'year out of range',
      'year,jan\n1999,1\n2101,1\n,1\n20x4,1',
      { metric: 'messages_sent' },
      [
        'row 2, column year: 1999 is outside 2000–2100',
        'row 3, column year: 2101 is outside 2000–2100',
        'row 4, column year: a year is required',
        'row 5, column year: 20x4 is not a year',
      ],
    ],
    [
      'total mismatch',
      'year,jan,feb,total\n2024,1 000,2,1 003',
      { metric: 'messages_sent' },
      ['row 2, column total: 1 003 is not the sum of the months (1002)'],
    ],
    [
      'value past the header',
      'year,jan\n2024,1,7',
      { metric: 'messages_sent' },
      ["row 2: has a value beyond the header's 2 columns"],
    ],
  ];
  for (const [name, text, opts, expected] of table)
    it(name, () => assert.deepEqual(problems(sheet(text), opts), expected));

  it('yields no figures for an unknown metric', () =>
    assert.deepEqual(readAggregateSheet(sheet('year,jan\n2024,1', 'Ark1'), options).figures, []));

  it('accepts a total that matches', () =>
    assert.deepEqual(problems(sheet('year,jan,feb,sum\n2024,1 000,2,1002'), { metric: 'messages_sent' }), []));
});

describe('readAggregateSheet: long', () => {
  it('reads owner and service columns, and month names', () => {
    const reading = readAggregateSheet(
      sheet(
        'metric,year,month,count,owner,service\nmessages_sent,2024,1,12 000,skd,skd-mva\nforms_archived,2024,feb,7,,\nforms_archived,2024,3,,skd,',
      ),
      options,
    );
    assert.deepEqual(reading.problems, []);
    assert.deepEqual(
      reading.figures.map((f) => [
        f.metric,
        f.month,
        f.count,
        f.ownerCode,
        f.resourceId,
        f.ownerColumn,
        f.serviceColumn,
      ]),
      [
        ['messages_sent', '2024-01', 12_000, 'skd', 'skd-mva', 'owner', 'service'],
        ['forms_archived', '2024-02', 7, null, null, null, null],
      ],
    );
  });

  const table: [string, string, Partial<SheetOptions>, string[]][] = [
    [
      'unknown metric',
      'metric,year,month,count\nhugs,2024,1,1',
      {},
      ['row 2, column metric: unknown metric hugs (known: messages_sent, forms_archived)'],
    ],
    ['missing metric', 'metric,year,month,count\n,2024,1,1', {}, ['row 2, column metric: a metric is required']],
    [
      'month outside 1..12',
      'metric,year,month,count\nmessages_sent,2024,13,1\nmessages_sent,2024,0,1',
      {},
      ['row 2, column month: 13 is outside 1–12', 'row 3, column month: 0 is outside 1–12'],
    ],
    [
      'negative count',
      'metric,year,month,count\nmessages_sent,2024,1,-3',
      {},
      ['row 2, column count: -3 is negative; counts are 0 or more'],
    ],
    [
      'owner differs from the option',
      'metric,year,month,count,owner\nmessages_sent,2024,1,3,nav',
      { ownerCode: 'skd' },
      ['row 2, column owner: nav differs from the owner option skd'],
    ],
    [
      'metric option with a long file',
      'metric,year,month,count\nmessages_sent,2024,1,3',
      { metric: 'messages_sent' },
      ['row 1, column metric: this file names the metric on each row; leave out the metric option'],
    ],
    [
      'unknown header',
      'metric,year,month,count,colour\n',
      {},
      ['row 1, column colour: unknown column; expected metric, year, month, count and optionally owner and service'],
    ],
    [
      'neither shape',
      'a,b\n1,2',
      {},
      ['row 1: the header is neither year,jan,…,dec (one metric by month) nor metric,year,month,count'],
    ],
  ];
  for (const [name, text, opts, expected] of table)
    it(name, () => assert.deepEqual(problems(sheet(text), opts), expected));
});

describe('duplicateFigures', () => {
  const figure = (over: Partial<AggregateFigure>): AggregateFigure => ({
    metric: 'messages_sent',
    month: '2024-01',
    count: 1,
    ownerCode: null,
    resourceId: null,
    sheet: null,
    line: 2,
    column: 'count',
    ownerColumn: null,
    serviceColumn: null,
    ...over,
  });
  const table: [string, AggregateFigure[], string[]][] = [
    [
      'distinct keys',
      [
        figure({}),
        figure({ month: '2024-02', line: 3 }),
        figure({ ownerCode: 'skd', line: 4 }),
        figure({ ownerCode: 'skd', resourceId: 'x', line: 5 }),
      ],
      [],
    ],
    [
      'same key twice',
      [figure({}), figure({ line: 7, count: 9 })],
      ['row 7, column count: messages_sent 2024-01 is already given in row 2'],
    ],
    [
      'across sheets',
      [figure({ sheet: 'a' }), figure({ sheet: 'b', line: 3 })],
      ['sheet b, row 3, column count: messages_sent 2024-01 is already given in sheet a, row 2'],
    ],
  ];
  for (const [name, figures, expected] of table)
    it(name, () =>
      assert.deepEqual(
        duplicateFigures(figures).map((p) => `${problemPlace(p)}: ${p.problem}`),
        expected,
      ),
    );
});
