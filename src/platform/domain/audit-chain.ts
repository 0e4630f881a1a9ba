import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: number;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  organisationId: string | null;
  summary: string;
  requestId: string | null;
}

/** Hash of one audit row: covers the previous hash and every stored field, in a fixed order. */
export function auditHash(prevHash: string, row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actorType,
    row.actorId,
    row.actorLabel,
    row.action,
    row.subjectType,
    row.subjectId,
    row.organisationId,
    row.summary,
    row.requestId,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export type ChainFault =
  | { kind: 'missing'; seq: number }
  | { kind: 'tampered'; seq: number }
  | { kind: 'broken-link'; seq: number }
  | { kind: 'truncated'; seq: number };

export interface StoredChainRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

/**
 * Checks a run of rows that should continue the chain after (`expectedSeq - 1`, `prevHash`).
 * Returns the first fault, or the state to continue from.
 */
export function checkChainSegment(
  rows: readonly StoredChainRow[],
  start: { expectedSeq: number; prevHash: string },
): { fault: ChainFault } | { next: { expectedSeq: number; prevHash: string } } {
  let { expectedSeq, prevHash } = start;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { fault: { kind: 'missing', seq: expectedSeq } };
    if (row.prevHash !== prevHash) return { fault: { kind: 'broken-link', seq: row.seq } };
    if (auditHash(prevHash, row) !== row.hash) return { fault: { kind: 'tampered', seq: row.seq } };
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { next: { expectedSeq, prevHash } };
}
