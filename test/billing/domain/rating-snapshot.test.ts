import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, digestOf } from '../../../src/modules/billing/domain/rating-snapshot.ts';

describe('canonicalJson', () => {
  const cases: { name: string; value: unknown; json: string }[] = [
    { name: 'keys sorted', value: { b: 1, a: 2 }, json: '{"a":2,"b":1}' },
    {
      name: 'keys sorted at every level',
      value: { z: { y: 1, x: [{ d: 1, c: 2 }] } },
      json: '{"z":{"x":[{"c":2,"d":1}],"y":1}}',
    },
    { name: 'arrays keep their order', value: [3, 1, 2], json: '[3,1,2]' },
    { name: 'undefined members left out', value: { a: undefined, b: null }, json: '{"b":null}' },
    { name: 'keys by code unit, not locale', value: { b: 0, B: 0, å: 0, a: 0 }, json: '{"B":0,"a":0,"b":0,"å":0}' },
    { name: 'strings escaped as JSON', value: { 'k"': 'a\nb' }, json: '{"k\\"":"a\\nb"}' },
    { name: 'scalars', value: [1.5, -0, true, 'x', null], json: '[1.5,0,true,"x",null]' },
    { name: 'empty containers', value: { a: {}, b: [] }, json: '{"a":{},"b":[]}' },
    { name: 'undefined in an array is null, as JSON.stringify writes it', value: [1, undefined], json: '[1,null]' },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.equal(canonicalJson(c.value), c.json);
      assert.deepEqual(JSON.parse(canonicalJson(c.value)), JSON.parse(JSON.stringify(c.value)));
    });
});

describe('digestOf', () => {
  it('is sha256 of the canonical JSON', () =>
    assert.equal(
      digestOf({ b: [2, { c: null }], a: 1 }),
      'sha256:27bbeee69367b46f6aac5bc941ce9cc15ff75fe4b6599616ab0c30b217d69743',
    ));

  const pairs: { name: string; one: unknown; other: unknown; same: boolean }[] = [
    {
      name: 'the same value built in another key order',
      one: { year: 2026, quarter: 1, usage: [{ owner: 'nav', metric: 'm', count: 1 }], terms: { a: 1, b: 2 } },
      other: { terms: { b: 2, a: 1 }, usage: [{ count: 1, metric: 'm', owner: 'nav' }], quarter: 1, year: 2026 },
      same: true,
    },
    { name: 'an undefined member and none', one: { a: 1, b: undefined }, other: { a: 1 }, same: true },
    { name: 'another number', one: { a: 1 }, other: { a: 2 }, same: false },
    { name: 'another array order', one: [1, 2], other: [2, 1], same: false },
    { name: 'a number and its text', one: { a: 1 }, other: { a: '1' }, same: false },
    { name: 'null and a missing member', one: { a: null }, other: {}, same: false },
  ];
  for (const p of pairs)
    it(`${p.name}: ${p.same ? 'the same' : 'another'} digest`, () => {
      assert.match(digestOf(p.one), /^sha256:[0-9a-f]{64}$/);
      assert.equal(digestOf(p.one) === digestOf(p.other), p.same);
    });
});
