// The baseline of the full recompute in bench:cases: reading the same batches of cases, events and clocks.
import { readCaseBatch } from '../src/modules/cases/services/recompute-case-clocks.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';

export async function readOnly(
  ctx: ServiceContext,
  batchSize = 2000,
): Promise<{ cases: number; events: number; clocks: number }> {
  // The recompute's own reads, batch by batch, and nothing else: what the reading alone costs.
  const seen = { cases: 0, events: 0, clocks: 0 };
  let after = '';
  for (
    let batch = await readCaseBatch(ctx, after, batchSize);
    batch;
    batch = await readCaseBatch(ctx, after, batchSize)
  ) {
    seen.cases += batch.rows.length;
    seen.events += batch.events.length;
    seen.clocks += batch.clocks.length;
    after = batch.rows.at(-1)?.id ?? after;
  }
  return seen;
}
