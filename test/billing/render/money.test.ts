import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNok, oreToDecimal, oreToKronerNumber, sumOre } from '../../../src/modules/billing/render/money.ts';

describe('oreToDecimal', () => {
  const cases: [number, string][] = [
    [12345, '123.45'],
    [-5, '-0.05'],
    [0, '0.00'],
    [-0, '0.00'],
    [100, '1.00'],
    [-100, '-1.00'],
    [7, '0.07'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [-Number.MAX_SAFE_INTEGER, '-90071992547409.91'],
  ];
  for (const [ore, expected] of cases) it(`${ore} øre → ${expected}`, () => assert.equal(oreToDecimal(ore), expected));

  it('refuses what is not a safe whole number of øre', () => {
    for (const bad of [0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])
      assert.throws(() => oreToDecimal(bad), RangeError, String(bad));
  });
});

describe('formatNok', () => {
  it('groups and uses the decimal sign of the language, always two decimals', () => {
    assert.equal(formatNok(123456789, 'nb'), '1\u00a0234\u00a0567,89');
    assert.equal(formatNok(123456789, 'nn'), '1\u00a0234\u00a0567,89');
    assert.equal(formatNok(123456789, 'en'), '1,234,567.89');
    assert.equal(formatNok(-5, 'nb'), '\u22120,05');
    assert.equal(formatNok(-5, 'en'), '-0.05');
    assert.equal(formatNok(100, 'nb'), '1,00');
    assert.equal(formatNok(Number.MAX_SAFE_INTEGER, 'en'), '90,071,992,547,409.91');
  });
});

describe('sums', () => {
  it('adds øre exactly, beyond what a double holds', () => {
    assert.equal(
      sumOre([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, -1]),
      2n * BigInt(Number.MAX_SAFE_INTEGER) - 1n,
    );
  });

  it('gives spreadsheets the double nearest the two-decimal amount', () => {
    assert.equal(oreToKronerNumber(12345), 123.45);
    assert.equal(oreToKronerNumber(-5), -0.05);
    assert.equal(oreToKronerNumber(10), 0.1);
  });
});
