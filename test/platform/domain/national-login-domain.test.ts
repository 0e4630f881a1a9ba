import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acrReaches } from '../../../src/platform/domain/acr-levels.ts';
import { isValidNationalId } from '../../../src/platform/domain/national-id.ts';
import { nationalIdHash } from '../../../src/platform/auth/identity-hash.ts';

describe('national identity numbers', () => {
  it('are eleven digits with both MOD11 check digits right (D- and synthetic numbers included)', () => {
    for (const valid of ['24087011115', '02028545692', '01018010875', '05058010377'])
      assert.equal(isValidNationalId(valid), true, valid);
    for (const invalid of ['24087011116', '2408701111', '240870111150', '2408701111a', ''])
      assert.equal(isValidNationalId(invalid), false, invalid);
  });

  it('are stored as an HMAC under a key: the same number gives the same value only under the same key', () => {
    const one = nationalIdHash('key-one-key-one-key-one-key-one-1', '24087011115');
    assert.equal(one, nationalIdHash('key-one-key-one-key-one-key-one-1', ' 24087011115 '));
    assert.notEqual(one, nationalIdHash('key-two-key-two-key-two-key-two-2', '24087011115'));
    assert.doesNotMatch(one, /24087011115/);
  });
});

describe('login levels', () => {
  it('rank substantial below high, and an unknown or missing level below both', () => {
    assert.equal(acrReaches('idporten-loa-high', 'idporten-loa-substantial'), true);
    assert.equal(acrReaches('idporten-loa-substantial', 'idporten-loa-high'), false);
    assert.equal(acrReaches('idporten-loa-substantial', 'idporten-loa-substantial'), true);
    assert.equal(acrReaches('Level4', 'idporten-loa-substantial'), false);
    assert.equal(acrReaches(null, 'idporten-loa-low'), false);
  });
});
