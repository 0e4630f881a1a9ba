import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoOwners } from '../../../src/app/demo/demo-organisations.ts';
import { demoUsageSource, readVolumeFigures, seedDemoUsage, splitExactly } from '../../../src/app/demo/demo-usage.ts';
import { systemContext, testEpoch } from '../../helpers/factories.ts';
import { createDemoTestStore } from '../../helpers/demo-store.ts';
import type { TestStore } from '../../helpers/test-store.ts';

let store: TestStore;

before(async () => {
  store = await createDemoTestStore(testEpoch);
});
after(() => store.destroy());

describe('usage demo data', () => {
  it('splits every published monthly total so the owners add up to it exactly', async () => {
    const figures = readVolumeFigures();
    assert.equal(figures.length, 7 * 38);
    const rows = await store.db
      .selectFrom('usage_monthly_imports')
      .select(['metric', 'month', 'owner_id', 'count', 'source_name'])
      .execute();
    const sums = new Map<string, number>();
    for (const r of rows) {
      assert.notEqual(r.owner_id, '', 'every demo figure belongs to an owner');
      assert.equal(r.source_name, demoUsageSource);
      sums.set(`${r.metric} ${r.month}`, (sums.get(`${r.metric} ${r.month}`) ?? 0) + Number(r.count));
    }
    for (const f of figures) assert.equal(sums.get(`${f.metric} ${f.month}`), f.count, `${f.metric} ${f.month}`);
    assert.equal(sums.size, figures.length, 'no month outside the published ones');
    const months = [...new Set(rows.map((r) => r.month))].sort();
    assert.equal(months[0], '2023-01');
    assert.equal(months.at(-1), '2026-02');
  });

  it('gives every demo owner a share of some metric', async () => {
    const owners = await store.db
      .selectFrom('organisations')
      .leftJoin('usage_monthly_imports', 'usage_monthly_imports.owner_id', 'organisations.id')
      .select(['organisations.code'])
      .select((eb) => eb.fn.coalesce(eb.fn.max('usage_monthly_imports.count'), eb.lit(0)).as('largest'))
      .where('organisations.kind', '=', 'owner')
      .groupBy('organisations.code')
      .execute();
    assert.equal(owners.length, demoOwners.length);
    for (const o of owners) assert.ok(Number(o.largest) > 0, o.code);
  });

  // Alone it takes ≈ 0.3 s; the bound catches a return to row-by-row writes (tens of seconds) without failing when the
  // suite runs files in parallel on a loaded machine.
  it('seeds the figures again in a few seconds at most', async () => {
    await store.db.deleteFrom('usage_monthly_imports').execute();
    const started = performance.now();
    const written = await seedDemoUsage(systemContext(store));
    const elapsed = performance.now() - started;
    assert.ok(written > 7 * 38 * demoOwners.length, `${written} rows`);
    assert.ok(elapsed < 5_000, `${elapsed} ms`);
  });
});

describe('splitExactly', () => {
  const cases: { total: number; weights: number[]; parts: number[] }[] = [
    { total: 10, weights: [1, 1, 1], parts: [4, 3, 3] },
    { total: 0, weights: [2, 5], parts: [0, 0] },
    { total: 7, weights: [0, 1], parts: [0, 7] },
    { total: 100, weights: [0.5, 0.25, 0.25], parts: [50, 25, 25] },
    { total: 13_955_995, weights: [3.3, 1.7, 0.2, 9.1], parts: [3_220_614, 1_659_104, 195_189, 8_881_088] },
  ];
  for (const c of cases) {
    it(`splits ${c.total} by ${c.weights.join(':')}`, () => {
      const parts = splitExactly(c.total, c.weights);
      assert.deepEqual(parts, c.parts);
      assert.equal(
        parts.reduce((a, b) => a + b, 0),
        c.total,
      );
    });
  }
});
