import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Holidays from 'date-holidays';
import {
  easterSunday as productEasterSunday,
  norwegianPublicHolidays,
} from '../../../src/platform/domain/calendar/holidays.ts';
import { easterSunday, isoOf, referenceHolidays } from './calendar-reference.ts';

const sorted = (dates: Iterable<string>): string[] => [...dates].sort();

describe('Easter Sunday (computus)', () => {
  const cases: [number, string][] = [
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
  ];
  for (const [year, expected] of cases) {
    it(`${year}: ${expected}`, () => {
      assert.equal(isoOf(easterSunday(year)), expected);
      assert.equal(productEasterSunday(year).toISOString().slice(0, 10), expected);
    });
  }
});

describe('norwegianPublicHolidays', () => {
  it('equals the "public" holidays of the date-holidays package for Norway, every year 1900–2200', () => {
    const norway = new Holidays('NO');
    for (let year = 1900; year <= 2200; year++) {
      const library = norway
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10));
      assert.deepEqual(sorted(norwegianPublicHolidays(year)), sorted(new Set(library)), `public holidays of ${year}`);
    }
  });

  it('equals the computus-based table for every year 2000–2100', () => {
    for (let year = 2000; year <= 2100; year++) {
      assert.deepEqual(
        sorted(norwegianPublicHolidays(year)),
        sorted(referenceHolidays(year)),
        `public holidays of ${year}`,
      );
    }
  });

  const known: [number, string[]][] = [
    [
      2026,
      [
        '2026-01-01',
        '2026-04-02',
        '2026-04-03',
        '2026-04-05',
        '2026-04-06',
        '2026-05-01',
        '2026-05-14',
        '2026-05-17',
        '2026-05-24',
        '2026-05-25',
        '2026-12-25',
        '2026-12-26',
      ],
    ],
    [
      2024,
      [
        '2024-01-01',
        '2024-03-28',
        '2024-03-29',
        '2024-03-31',
        '2024-04-01',
        '2024-05-01',
        '2024-05-09',
        '2024-05-17',
        '2024-05-19',
        '2024-05-20',
        '2024-12-25',
        '2024-12-26',
      ],
    ],
    // Ascension Day falls on 1 May: eleven dates.
    [
      2008,
      [
        '2008-01-01',
        '2008-03-20',
        '2008-03-21',
        '2008-03-23',
        '2008-03-24',
        '2008-05-01',
        '2008-05-11',
        '2008-05-12',
        '2008-05-17',
        '2008-12-25',
        '2008-12-26',
      ],
    ],
    // Whit Monday falls on 17 May: eleven dates.
    [
      2027,
      [
        '2027-01-01',
        '2027-03-25',
        '2027-03-26',
        '2027-03-28',
        '2027-03-29',
        '2027-05-01',
        '2027-05-06',
        '2027-05-16',
        '2027-05-17',
        '2027-12-25',
        '2027-12-26',
      ],
    ],
    [
      2038,
      [
        '2038-01-01',
        '2038-04-22',
        '2038-04-23',
        '2038-04-25',
        '2038-04-26',
        '2038-05-01',
        '2038-05-17',
        '2038-06-03',
        '2038-06-13',
        '2038-06-14',
        '2038-12-25',
        '2038-12-26',
      ],
    ],
  ];
  for (const [year, dates] of known) {
    it(`${year}: ${dates.length} dates`, () => {
      assert.deepEqual(sorted(norwegianPublicHolidays(year)), dates);
      assert.deepEqual(sorted(referenceHolidays(year)), dates);
    });
  }
});
