import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forecastYear, seasonalShare } from '../../../src/modules/billing/domain/forecast.ts';

const even = Array<number>(12).fill(100);
// Three quarters of the year in its first quarter.
const frontLoaded = [90, 90, 90, 10, 10, 10, 10, 10, 10, 10, 10, 10];
const empty = Array<number>(12).fill(0);
const lateOnly = [...Array<number>(11).fill(0), 120];

describe('seasonalShare', () => {
  const cases: { name: string; history: number[][]; months: number; share: number | null }[] = [
    { name: 'no history', history: [], months: 3, share: null },
    { name: 'an even year, a quarter', history: [even], months: 3, share: 0.25 },
    { name: 'an even year, half', history: [even], months: 6, share: 0.5 },
    { name: 'an even year, the whole year', history: [even], months: 12, share: 1 },
    { name: 'a front-loaded year, a quarter', history: [frontLoaded], months: 3, share: 0.75 },
    { name: 'the mean of two years', history: [even, frontLoaded], months: 3, share: 0.5 },
    { name: 'a year without volume is left out', history: [empty, even], months: 3, share: 0.25 },
    { name: 'only years without volume', history: [empty, empty], months: 3, share: null },
    { name: 'nothing in the months counted', history: [lateOnly], months: 6, share: null },
    {
      name: 'a year with nothing in the months counted still counts',
      history: [lateOnly, even],
      months: 6,
      share: 0.25,
    },
    { name: 'no months', history: [even], months: 0, share: null },
  ];
  for (const c of cases) it(`${c.name} → ${c.share}`, () => assert.equal(seasonalShare(c.history, c.months), c.share));
});

describe('forecastYear', () => {
  const cases: { name: string; yearToDate: number; months: number; history: number[][]; forecast: number }[] = [
    { name: 'a whole year forecasts itself', yearToDate: 1234, months: 12, history: [frontLoaded], forecast: 1234 },
    { name: 'more than a year is the year', yearToDate: 1234, months: 13, history: [], forecast: 1234 },
    { name: 'no months', yearToDate: 0, months: 0, history: [even], forecast: 0 },
    { name: 'no history: scaled to twelve months', yearToDate: 300, months: 3, history: [], forecast: 1200 },
    { name: 'no history, rounded down', yearToDate: 100, months: 7, history: [], forecast: 171 },
    { name: 'no history, half rounds up', yearToDate: 1, months: 8, history: [], forecast: 2 },
    { name: 'an even history', yearToDate: 300, months: 3, history: [even], forecast: 1200 },
    { name: 'a front-loaded history', yearToDate: 300, months: 3, history: [frontLoaded], forecast: 400 },
    { name: 'the mean share of two years', yearToDate: 300, months: 3, history: [even, frontLoaded], forecast: 600 },
    {
      name: 'a history with nothing in the months counted falls back to scaling',
      yearToDate: 50,
      months: 6,
      history: [lateOnly],
      forecast: 100,
    },
    { name: 'nothing so far', yearToDate: 0, months: 6, history: [even], forecast: 0 },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.yearToDate} in ${c.months} months → ${c.forecast}`, () =>
      assert.equal(forecastYear(c.yearToDate, c.months, c.history), c.forecast));
});
