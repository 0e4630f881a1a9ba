// The billing pages' money and counts: written out by integer arithmetic, the same as Intl writes them where a float
// is exact, and exact where it no longer is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locale } from '../../../src/platform/i18n/messages.ts';
import {
  formatBasisPoints,
  formatCount,
  formatMnok,
  formatOre,
  formatOreChange,
} from '../../../src/modules/billing/web/billing-money.ts';

const nbsp = '\u00a0';
const minus = '\u2212';
const s = (text: string) => text.replaceAll(' ', nbsp).replaceAll('−', minus);

describe('formatOre', () => {
  const table: [number, string, string][] = [
    [0, '0,00 kr', 'NOK 0.00'],
    [1, '0,01 kr', 'NOK 0.01'],
    [99, '0,99 kr', 'NOK 0.99'],
    [100, '1,00 kr', 'NOK 1.00'],
    [12_345, '123,45 kr', 'NOK 123.45'],
    [99_999, '999,99 kr', 'NOK 999.99'],
    [100_000, '1 000,00 kr', 'NOK 1,000.00'],
    [103_000_000, '1 030 000,00 kr', 'NOK 1,030,000.00'],
    [7_000_000, '70 000,00 kr', 'NOK 70,000.00'],
    [53_000_000_000, '530 000 000,00 kr', 'NOK 530,000,000.00'],
    [-5, '−0,05 kr', '-NOK 0.05'],
    [-550, '−5,50 kr', '-NOK 5.50'],
    [-103_000_001, '−1 030 000,01 kr', '-NOK 1,030,000.01'],
    // Beyond what a float of kroner holds exactly: the øre are still right.
    [9_007_199_254_740_991, '90 071 992 547 409,91 kr', 'NOK 90,071,992,547,409.91'],
    [-9_007_199_254_740_991, '−90 071 992 547 409,91 kr', '-NOK 90,071,992,547,409.91'],
  ];
  for (const [ore, norwegian, english] of table) {
    it(`${ore} øre`, () => {
      assert.equal(formatOre(ore, 'nb'), s(norwegian));
      assert.equal(formatOre(ore, 'nn'), s(norwegian));
      assert.equal(formatOre(ore, 'en'), english.replace('NOK ', `NOK${nbsp}`));
    });
  }

  it('writes what Intl writes for amounts a float holds exactly', () => {
    const intl: Record<Locale, Intl.NumberFormat> = {
      nb: new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK' }),
      nn: new Intl.NumberFormat('nn-NO', { style: 'currency', currency: 'NOK' }),
      en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'NOK', currencyDisplay: 'code' }),
    };
    for (const ore of [0, 7, -7, 1_234_567, -98_765_432, 103_000_000, 275_000_000_000])
      for (const locale of ['nb', 'nn', 'en'] as const)
        assert.equal(formatOre(ore, locale), intl[locale].format(ore / 100), `${ore} in ${locale}`);
  });

  it('refuses what is not whole øre', () => {
    assert.throws(() => formatOre(1.5, 'nb'), RangeError);
    assert.throws(() => formatOre(Number.NaN, 'en'), RangeError);
    assert.throws(() => formatOre(2 ** 53, 'nb'), RangeError);
  });
});

describe('formatOreChange', () => {
  const table: [number, string, string][] = [
    [1_200_000, '+12 000,00 kr', `+NOK${nbsp}12,000.00`],
    [0, '0,00 kr', `NOK${nbsp}0.00`],
    [-550, '−5,50 kr', `-NOK${nbsp}5.50`],
  ];
  for (const [ore, norwegian, english] of table)
    it(`${ore} øre`, () => {
      assert.equal(formatOreChange(ore, 'nb'), s(norwegian));
      assert.equal(formatOreChange(ore, 'en'), english);
    });
});

describe('formatMnok', () => {
  const table: [number, string, string][] = [
    [0, '0,0', '0.0'],
    [36_000_000_000, '360,0', '360.0'],
    [53_000_000_000, '530,0', '530.0'],
    [36_004_999_999, '360,0', '360.0'],
    [36_005_000_000, '360,1', '360.1'],
    [4_999_999, '0,0', '0.0'],
    [5_000_000, '0,1', '0.1'],
    [-5_000_000, '−0,1', '-0.1'],
    [-4_999_999, '0,0', '0.0'],
    [123_456_789_000_000, '1 234 567,9', '1,234,567.9'],
  ];
  for (const [ore, norwegian, english] of table)
    it(`${ore} øre`, () => {
      assert.equal(formatMnok(ore, 'nb'), s(norwegian));
      assert.equal(formatMnok(ore, 'nn'), s(norwegian));
      assert.equal(formatMnok(ore, 'en'), english);
    });
});

describe('formatCount and formatBasisPoints', () => {
  it('groups whole counts', () => {
    assert.equal(formatCount(0, 'nb'), '0');
    assert.equal(formatCount(999, 'nb'), '999');
    assert.equal(formatCount(10_000_001, 'nb'), s('10 000 001'));
    assert.equal(formatCount(10_000_001, 'en'), '10,000,001');
    assert.equal(formatCount(-1_234, 'nn'), s('−1 234'));
    assert.equal(formatCount(-1_234, 'en'), '-1,234');
  });

  it('writes basis points as a percentage with one decimal, half away from zero', () => {
    assert.equal(formatBasisPoints(10_000, 'nb'), `100,0${nbsp}%`);
    assert.equal(formatBasisPoints(9_876, 'nb'), `98,8${nbsp}%`);
    assert.equal(formatBasisPoints(9_875, 'en'), `98.8${nbsp}%`);
    assert.equal(formatBasisPoints(9_874, 'en'), `98.7${nbsp}%`);
    assert.equal(formatBasisPoints(123_456, 'nb'), `1${nbsp}234,6${nbsp}%`);
  });
});
