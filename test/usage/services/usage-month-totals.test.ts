import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { monthlyOwnerUsage } from '../../../src/modules/usage/index.ts';
import { adjustUsage } from '../../../src/modules/usage/services/adjust-usage.ts';
import { closeUsageMonth } from '../../../src/modules/usage/services/usage-month-closing.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { createTenant, systemContext, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let tenant: TestTenant;

before(async () => {
  store = await createTestStore();
  tenant = await createTenant(store);
});
after(() => store.destroy());

const ctx = () => systemContext(store, fixedClock(Date.parse('2026-06-10T10:00:00Z')));

async function day(day: string, metric: string, count: number, owner = tenant.organisation.id): Promise<void> {
  await store.db.insertInto('usage_daily').values({ metric, day, owner_id: owner, service_id: '', count }).execute();
}

describe('month totals', () => {
  it('are kept when a month closes, and read as the day rows they replace; open months still read the days', async () => {
    await day('2026-03-01', 'consents', 5);
    await day('2026-03-31', 'consents', 7);
    await day('2026-03-15', 'forms_archived', 2);
    await day('2026-03-15', 'consents', 100, ''); // platform-wide: billed to nobody
    await store.db
      .insertInto('usage_monthly_imports')
      .values({
        metric: 'consents',
        month: '2026-03',
        owner_id: tenant.organisation.id,
        service_id: 'imported',
        count: 30,
        source_name: 'test',
        imported_at: 0,
      })
      .execute();
    await day('2026-04-02', 'consents', 11);
    const read = () =>
      monthlyOwnerUsage(store.db, {
        fromMonth: '2026-03',
        toMonth: '2026-04',
        metrics: ['consents', 'forms_archived'],
        ownerId: tenant.organisation.id,
      }).then((rows) => rows.map((r) => `${r.month} ${r.metric} ${r.count}`).sort());
    const before = await read();
    assert.deepEqual(before, ['2026-03 consents 42', '2026-03 forms_archived 2', '2026-04 consents 11']);

    await closeUsageMonth(ctx(), { month: '2026-03' });
    const totals = await store.db.selectFrom('usage_month_totals').selectAll().where('month', '=', '2026-03').execute();
    assert.deepEqual(totals.map((t) => `${t.metric} ${t.owner_id === '' ? 'platform' : 'owner'} ${t.count}`).sort(), [
      'consents owner 42',
      'consents platform 100',
      'forms_archived owner 2',
    ]);
    assert.deepEqual(await read(), before, 'the same figures, now from the totals for March');

    // A stray day row in the closed month (ingestion refuses them) does not change the kept figure; an adjustment does.
    await day('2026-03-20', 'consents', 1000);
    await adjustUsage(
      ctx(),
      { metric: 'consents', month: '2026-03', owner: tenant.organisation.code, delta: -2, reason: 'Dobbelttelt' },
      builtInCatalogue,
    );
    assert.deepEqual(await read(), ['2026-03 consents 40', '2026-03 forms_archived 2', '2026-04 consents 11']);

    await day('2026-04-03', 'consents', 4);
    assert.deepEqual(await read(), ['2026-03 consents 40', '2026-03 forms_archived 2', '2026-04 consents 15']);
  });
});
