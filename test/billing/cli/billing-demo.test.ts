import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { monthlyOwnerUsage } from '../../../src/modules/usage/index.ts';
import { loadProducts } from '../../../src/modules/billing/services/billing-catalogue.ts';
import { listStatements } from '../../../src/modules/billing/services/billing-statements.ts';
import { verifyStatement } from '../../../src/modules/billing/services/verify-statement.ts';
import { systemContext, testEpoch } from '../../helpers/factories.ts';
import { nivaEnv, runNiva } from '../../helpers/cli.ts';
import { createDemoTestStore } from '../../helpers/demo-store.ts';
import type { TestStore } from '../../helpers/test-store.ts';

// The demo's billing: seed 003's example budget for 2026 under each alternative, and 2025 billed with a correction.

const mnok = 100_000_000;
let store: TestStore;

before(async () => {
  store = await createDemoTestStore(testEpoch);
});
after(() => store.destroy());

async function scenario(alternative: number) {
  const result = await runNiva(
    ['billing', 'scenario', '--alternative', String(alternative), '--year', '2026', '--json'],
    nivaEnv(store),
  );
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.trimEnd().split('\n').at(-1) ?? '') as {
    totalOre: number;
    centralOre: number;
    ownersOre: number;
    owners: { owner: string; ore: number }[];
  };
}

describe('the demo billing', () => {
  it("gives seed 003's split of 2026: 360/170 under alternative 2, all central under 1, all owners under 5", async () => {
    const two = await scenario(2);
    assert.deepEqual([two.totalOre, two.centralOre, two.ownersOre], [530 * mnok, 360 * mnok, 170 * mnok]);
    assert.equal(
      two.owners.reduce((a, o) => a + o.ore, 0),
      170 * mnok,
    );
    const one = await scenario(1);
    assert.deepEqual([one.centralOre, one.ownersOre], [530 * mnok, 0]);
    assert.ok(one.owners.every((o) => o.ore === 0));
    const five = await scenario(5);
    assert.deepEqual([five.centralOre, five.ownersOre], [0, 530 * mnok]);
    assert.equal(
      five.owners.reduce((a, o) => a + o.ore, 0),
      530 * mnok,
    );
  });

  it('bills 2025 to every owner with usage, with a correction, and every statement verifies', async () => {
    const ctx = systemContext(store);
    const products = await loadProducts(store.db);
    const usage = await monthlyOwnerUsage(store.db, {
      fromMonth: '2025-01',
      toMonth: '2025-12',
      metrics: products.flatMap((p) => p.metrics),
    });
    const users = new Set(usage.filter((u) => u.count > 0).map((u) => u.ownerId));
    const codes = await store.db
      .selectFrom('organisations')
      .select('code')
      .where('id', 'in', [...users])
      .where('kind', '=', 'owner')
      .execute();
    assert.ok(codes.length >= 5, `${codes.length} demo owners with usage`);

    const statements = await listStatements(ctx, { year: 2025 });
    const originals = statements.filter((s) => s.purpose === 'original');
    assert.deepEqual([...new Set(originals.map((s) => s.owner.code))].sort(), codes.map((c) => c.code).sort());
    assert.ok(originals.every((s) => s.quarter === null));
    const corrections = statements.filter((s) => s.purpose === 'correction');
    assert.ok(corrections.length >= 1, 'the adjustment of November was corrected');
    for (const c of corrections)
      assert.ok(
        originals.some((o) => o.number === c.correctsNumber && o.owner.code === c.owner.code),
        c.number,
      );
    for (const s of statements) assert.equal((await verifyStatement(ctx, s.number)).matches, true, s.number);
  });
});
