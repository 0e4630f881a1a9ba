import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  auditHash,
  checkChainSegment,
  genesisHash,
  type StoredChainRow,
} from '../../../src/platform/domain/audit-chain.ts';

function chain(length: number): StoredChainRow[] {
  const rows: StoredChainRow[] = [];
  let prev = genesisHash;
  for (let seq = 1; seq <= length; seq++) {
    const fields = {
      seq,
      at: 1_700_000_000_000 + seq,
      actorType: 'user',
      actorId: 'u1',
      actorLabel: 'a@b.no',
      action: 'x.y',
      subjectType: 's',
      subjectId: `id${seq}`,
      organisationId: null,
      summary: '{}',
      requestId: null,
    };
    const hash = auditHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('auditHash', () => {
  const base = chain(1)[0];
  assert.ok(base);
  const cases: [string, Partial<StoredChainRow>][] = [
    ['the summary', { summary: '{"x":1}' }],
    ['the actor', { actorLabel: 'mallory@evil.no' }],
    ['the time', { at: base.at + 1 }],
    ['the organisation', { organisationId: 'other' }],
    ['the request id', { requestId: 'r' }],
  ];
  for (const [what, change] of cases) {
    it(`changes when ${what} changes`, () =>
      assert.notEqual(auditHash(genesisHash, { ...base, ...change }), base.hash));
  }
  it('is deterministic', () => assert.equal(auditHash(genesisHash, base), base.hash));
});

describe('checkChainSegment', () => {
  const start = { expectedSeq: 1, prevHash: genesisHash };
  const cases: [string, (rows: StoredChainRow[]) => StoredChainRow[], { kind: string; seq: number } | null][] = [
    ['an intact chain', (r) => r, null],
    [
      'an edited summary',
      (r) => r.map((x) => (x.seq === 3 ? { ...x, summary: '{"edited":true}' } : x)),
      { kind: 'tampered', seq: 3 },
    ],
    ['a deleted row', (r) => r.filter((x) => x.seq !== 2), { kind: 'missing', seq: 2 }],
    [
      'a re-linked row',
      (r) => r.map((x) => (x.seq === 4 ? { ...x, prevHash: genesisHash } : x)),
      { kind: 'broken-link', seq: 4 },
    ],
    [
      'a re-hashed row without re-linking its successor',
      (r) =>
        r.map((x) =>
          x.seq === 2
            ? { ...x, summary: '{}', hash: auditHash(x.prevHash, { ...x, actorLabel: 'x' }), actorLabel: 'x' }
            : x,
        ),
      { kind: 'broken-link', seq: 3 },
    ],
  ];
  for (const [what, mutate, fault] of cases) {
    it(what, () => {
      const result = checkChainSegment(mutate(chain(5)), start);
      if (fault === null) assert.deepEqual(result, { next: { expectedSeq: 6, prevHash: chain(5)[4]?.hash } });
      else assert.deepEqual(result, { fault });
    });
  }
});
