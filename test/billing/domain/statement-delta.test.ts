import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RatedLine } from '../../../src/modules/billing/domain/rate-period.ts';
import { statementLines, sumLines } from '../../../src/modules/billing/domain/statement-delta.ts';

/** `product/metric weighted øre`, as the tables below write a line. */
const line = (text: string): RatedLine => {
  const [key = '', weighted = '0', ore = '0'] = text.split(' ');
  const [product = '', metric = ''] = key.split('/');
  return { product, metric, weightedTransactions: Number(weighted), ore: Number(ore) };
};
const show = (l: RatedLine) => `${l.product}/${l.metric} ${l.weightedTransactions} ${l.ore}`;

describe('sumLines', () => {
  const cases: { name: string; lines: string[]; sums: string[] }[] = [
    { name: 'nothing', lines: [], sums: [] },
    { name: 'distinct lines as they are', lines: ['p/a 1 10', 'p/b 2 20'], sums: ['p/a 1 10', 'p/b 2 20'] },
    {
      name: 'the same product and metric summed, in the order first seen',
      lines: ['q/x 5 50', 'p/a 1 10', 'q/x -2 -20', 'p/b 2 20', 'p/a 3 30'],
      sums: ['q/x 3 30', 'p/a 4 40', 'p/b 2 20'],
    },
    {
      name: 'the same metric under two products kept apart',
      lines: ['p/a 1 1', 'q/a 1 1'],
      sums: ['p/a 1 1', 'q/a 1 1'],
    },
    { name: 'lines summing to zero are kept', lines: ['p/a 1 10', 'p/a -1 -10'], sums: ['p/a 0 0'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const input = c.lines.map(line);
      const copy = structuredClone(input);
      assert.deepEqual(sumLines(input).map(show), c.sums);
      assert.deepEqual(input, copy, 'the input is left alone');
    });
});

describe('statementLines', () => {
  const cases: { name: string; rated: string[]; before: string[]; lines: string[] }[] = [
    {
      name: 'the first statement bills the rating',
      rated: ['p/a 10 100', 'p/b 5 50'],
      before: [],
      lines: ['p/a 10 100', 'p/b 5 50'],
    },
    { name: 'nothing changed, nothing billed', rated: ['p/a 10 100'], before: ['p/a 10 100'], lines: [] },
    {
      name: 'the change since what was billed',
      rated: ['p/a 30 260', 'p/b 5 50'],
      before: ['p/a 10 100', 'p/b 5 50'],
      lines: ['p/a 20 160'],
    },
    {
      name: 'billed over several statements',
      rated: ['p/a 30 300'],
      before: ['p/a 10 100', 'p/a 15 150'],
      lines: ['p/a 5 50'],
    },
    { name: 'a line that is down is a credit', rated: ['p/a 8 80'], before: ['p/a 10 100'], lines: ['p/a -2 -20'] },
    {
      name: 'a line that vanished is credited in full, after the rated lines',
      rated: ['q/x 1 10'],
      before: ['p/a 10 100', 'q/x 1 10', 'p/b 3 30'],
      lines: ['p/a -10 -100', 'p/b -3 -30'],
    },
    {
      name: 'a line that vanished over two statements is credited by their sum',
      rated: [],
      before: ['p/a 10 100', 'p/a 5 40'],
      lines: ['p/a -15 -140'],
    },
    { name: 'a new line', rated: ['p/a 10 100', 'p/b 1 7'], before: ['p/a 10 100'], lines: ['p/b 1 7'] },
    {
      name: 'a change in transactions alone is kept',
      rated: ['p/a 12 100'],
      before: ['p/a 10 100'],
      lines: ['p/a 2 0'],
    },
    { name: 'a change in øre alone is kept', rated: ['p/a 10 90'], before: ['p/a 10 100'], lines: ['p/a 0 -10'] },
    { name: 'a rated zero line is dropped', rated: ['p/a 0 0', 'p/b 1 1'], before: [], lines: ['p/b 1 1'] },
    { name: 'a zero line billed before and vanished is dropped', rated: [], before: ['p/a 0 0'], lines: [] },
    {
      name: 'the rated lines summed first',
      rated: ['p/a 5 50', 'p/a 5 50'],
      before: ['p/a 10 90'],
      lines: ['p/a 0 10'],
    },
    { name: 'nothing rated, nothing billed', rated: [], before: [], lines: [] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const rated = c.rated.map(line);
      const before = c.before.map(line);
      const lines = statementLines(rated, before);
      assert.deepEqual(lines.map(show), c.lines);
      // What was billed and what this statement bills add up to the rating, line by line.
      const after = sumLines([...before, ...lines]).filter((l) => l.ore !== 0 || l.weightedTransactions !== 0);
      const expected = sumLines(rated).filter((l) => l.ore !== 0 || l.weightedTransactions !== 0);
      const byKey = (ls: RatedLine[]) => ls.map(show).sort();
      assert.deepEqual(byKey(after), byKey(expected));
    });
});
