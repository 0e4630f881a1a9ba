import { type ChainFault, checkChainSegment, genesisHash, type StoredChainRow } from '../domain/audit-chain.ts';
import type { Kysely } from 'kysely';
import type { AuditEvent, Database } from '../db/schema.ts';

export interface ChainReport {
  ok: boolean;
  checked: number;
  fault: ChainFault | null;
}

function toChainRow(e: AuditEvent): StoredChainRow {
  return {
    seq: e.seq,
    at: e.at,
    actorType: e.actor_type,
    actorId: e.actor_id,
    actorLabel: e.actor_label,
    action: e.action,
    subjectType: e.subject_type,
    subjectId: e.subject_id,
    organisationId: e.organisation_id,
    summary: e.summary,
    requestId: e.request_id,
    prevHash: e.prev_hash,
    hash: e.hash,
  };
}

/** Walks the whole chain in pages and reports the first missing, altered or unlinked row. */
export async function verifyAuditChain({
  db,
  pageSize = 2_000,
}: {
  db: Kysely<Database>;
  pageSize?: number;
}): Promise<ChainReport> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let state = { expectedSeq: 1, prevHash: genesisHash };
  let checked = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', state.expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    const result = checkChainSegment(page.map(toChainRow), state);
    // The rows of this page before the fault are intact and count as checked.
    if ('fault' in result)
      return { ok: false, checked: checked + (result.fault.seq - state.expectedSeq), fault: result.fault };
    checked += page.length;
    state = result.next;
  }
  // Rows deleted from the end leave the head ahead of the last row.
  if (state.expectedSeq - 1 !== head.seq)
    return { ok: false, checked, fault: { kind: 'truncated', seq: state.expectedSeq } };
  if (state.prevHash !== head.hash) return { ok: false, checked, fault: { kind: 'tampered', seq: head.seq } };
  return { ok: true, checked, fault: null };
}
