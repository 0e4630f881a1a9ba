import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidOrgNumber } from '../../../src/platform/domain/org-number.ts';

describe('isValidOrgNumber', () => {
  const cases: [string, boolean, string][] = [
    ['974761076', true, 'Skatteetaten'],
    ['889640782', true, 'NAV'],
    ['991825827', true, 'Digitaliseringsdirektoratet'],
    ['974761077', false, 'wrong check digit'],
    ['97476107', false, 'eight digits'],
    ['9747610760', false, 'ten digits'],
    ['97476107a', false, 'a letter'],
    ['974 761 076', false, 'spaces (callers strip them first)'],
    ['', false, 'empty'],
    ['000000000', true, 'all zeros: remainder 0 gives check digit 0'],
    ['123456785', true, 'textbook example'],
    ['123456780', false, 'check digit would be 10 in some numbers; here simply wrong'],
  ];
  for (const [value, expected, why] of cases) {
    it(`${JSON.stringify(value)} → ${expected} (${why})`, () => assert.equal(isValidOrgNumber(value), expected));
  }
});
