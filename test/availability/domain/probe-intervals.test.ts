import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  downIntervalsToOutages,
  foldProbeResults,
  ProbeFold,
  type ProbeInterval,
  unknownWithin,
} from '../../../src/modules/availability/domain/probe-intervals.ts';

const m = 60_000;
const up = (at: number) => ({ at: at * m, ok: true });
const down = (at: number) => ({ at: at * m, ok: false });
const run = (state: 'up' | 'down', start: number, end: number, samples: number): ProbeInterval => ({
  state,
  start: start * m,
  end: end * m,
  samples,
});

describe('foldProbeResults (one-minute interval)', () => {
  const cases: [string, ReturnType<typeof up>[], ProbeInterval[]][] = [
    ['nothing', [], []],
    ['one result covers one interval', [up(0)], [run('up', 0, 1, 1)]],
    ['on-time results extend the run', [up(0), up(1), up(2)], [run('up', 0, 3, 3)]],
    ['one lost probe is tolerated', [up(0), up(2)], [run('up', 0, 3, 2)]],
    ['a late probe within 2× interval is tolerated', [up(0), up(1.5)], [run('up', 0, 2.5, 2)]],
    ['a gap longer than 2× interval is unknown', [up(0), up(2.5)], [run('up', 0, 1, 1), run('up', 2.5, 3.5, 1)]],
    [
      'a state change ends the run at the contradicting result',
      [up(0), up(1), down(2), down(3), up(4)],
      [run('up', 0, 2, 2), run('down', 2, 4, 2), run('up', 4, 5, 1)],
    ],
    [
      'an early result truncates the run it contradicts',
      [up(0), down(0.5)],
      [run('up', 0, 0.5, 1), run('down', 0.5, 1.5, 1)],
    ],
    [
      'a state change after a small hole closes the hole',
      [up(0), down(1.8)],
      [run('up', 0, 1.8, 1), run('down', 1.8, 2.8, 1)],
    ],
    [
      'a state change after a long gap leaves the gap unknown',
      [up(0), down(5)],
      [run('up', 0, 1, 1), run('down', 5, 6, 1)],
    ],
    ['duplicates and older results are ignored', [up(0), up(1), up(1), up(0.5), up(2)], [run('up', 0, 3, 3)]],
  ];
  for (const [name, results, expected] of cases) {
    it(name, () => assert.deepEqual(foldProbeResults(results, m), expected));
  }

  it('continues a stored run and keeps it first', () => {
    const seed = run('down', 0, 2, 2);
    const runs = foldProbeResults([down(1), down(2), up(3)], m, seed);
    // down(1) is the seed's own last sample (end − interval): a re-sent result, ignored.
    assert.deepEqual(runs, [run('down', 0, 3, 3), run('up', 3, 4, 1)]);
    assert.deepEqual(seed, run('down', 0, 2, 2), 'the seed itself is not mutated');
  });

  it('reports ignored results', () => {
    const fold = new ProbeFold(m);
    assert.equal(fold.push(0, true), true);
    assert.equal(fold.push(0, false), false);
    assert.equal(fold.runs.length, 1);
  });

  it('refuses a non-positive interval', () => {
    assert.throws(() => new ProbeFold(0), RangeError);
  });

  it('folds a month of one-minute samples of 30 components quickly and into few runs', () => {
    const started = performance.now();
    let runs = 0;
    for (let c = 0; c < 30; c += 1) {
      const fold = new ProbeFold(m);
      // One ten-minute failure a day; the rest up.
      for (let i = 0; i < 31 * 1440; i += 1) fold.push(i * m, i % 1440 >= 10);
      runs += fold.runs.length;
    }
    assert.equal(runs, 30 * 31 * 2);
    assert.ok(performance.now() - started < 2_000, 'well under the 2 s the 24-month bench allows');
  });
});

describe('downIntervalsToOutages', () => {
  const cases: [string, ProbeInterval[], number | undefined, { start: number; end: number }[]][] = [
    ['one failure is not an outage', [run('up', 0, 1, 1), run('down', 1, 2, 1), run('up', 2, 3, 1)], undefined, []],
    [
      'two failures are, from the first',
      [run('up', 0, 1, 1), run('down', 1, 3, 2), run('up', 3, 4, 1)],
      undefined,
      [{ start: 1 * m, end: 3 * m }],
    ],
    ['the threshold is configurable', [run('down', 0, 3, 3), run('down', 5, 7, 2)], 3, [{ start: 0, end: 3 * m }]],
    ['up runs never are', [run('up', 0, 10, 10)], 1, []],
  ];
  for (const [name, intervals, min, expected] of cases) {
    it(name, () => assert.deepEqual(downIntervalsToOutages(intervals, min), expected));
  }
});

describe('unknownWithin', () => {
  const iv = (start: number, end: number) => ({ start, end });
  const cases: [string, { start: number; end: number }[], number, number, { start: number; end: number }[]][] = [
    ['no data: all unknown', [], 0, 10, [iv(0, 10)]],
    ['fully covered', [iv(0, 10)], 2, 8, []],
    ['gaps before, between and after', [iv(2, 4), iv(6, 7)], 0, 10, [iv(0, 2), iv(4, 6), iv(7, 10)]],
    ['touching intervals leave no gap', [iv(0, 5), iv(5, 10)], 0, 10, []],
    ['overlapping intervals', [iv(0, 6), iv(3, 8)], 0, 10, [iv(8, 10)]],
    ['intervals outside the window are ignored', [iv(-5, -1), iv(12, 15)], 0, 10, [iv(0, 10)]],
    ['clipped to the window', [iv(-5, 3), iv(8, 20)], 0, 10, [iv(3, 8)]],
  ];
  for (const [name, intervals, from, to, expected] of cases) {
    it(name, () => assert.deepEqual(unknownWithin(intervals, from, to), expected));
  }
});
