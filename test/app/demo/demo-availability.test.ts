import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { displayPercent } from '../../../src/modules/availability/domain/monthly-availability.ts';
import { downtimeFor, importedComponent, readUptimeFigures } from '../../../src/app/demo/demo-availability.ts';
import { computeComponentAvailability } from '../../../src/modules/availability/services/compute-component-availability.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { systemContext, testEpoch } from '../../helpers/factories.ts';
import { createDemoTestStore } from '../../helpers/demo-store.ts';
import type { TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let ctx: ServiceContext;

before(async () => {
  const clock = fixedClock(testEpoch);
  store = await createDemoTestStore(testEpoch);
  ctx = systemContext(store, clock);
});
after(() => store.destroy());

describe('availability demo data', () => {
  it('shows exactly the 24 published monthly figures for the end-user solution', async () => {
    const figures = readUptimeFigures();
    assert.equal(figures.length, 24);
    for (const { month, percent } of figures) {
      const figure = await computeComponentAvailability(ctx, { componentId: importedComponent, month });
      assert.equal(figure.frozen, true, month);
      assert.equal(figure.rounded, percent, month);
      assert.equal(displayPercent((figure.operatingMs - figure.downtimeMs) / figure.operatingMs), percent, month);
    }
    const sources = await store.db.selectFrom('availability_rollups').select('source').distinct().execute();
    assert.deepEqual(
      sources.map((s) => s.source),
      ['imported'],
    );
  });

  it('finds the downtime that reproduces a rounded figure', () => {
    for (const percent of ['99.99', '99.54', '99.96', '100.00'])
      assert.equal(displayPercent(1 - downtimeFor(2_678_400_000, percent) / 2_678_400_000), percent);
  });

  it('gives the other components outages and published work, one announced late', async () => {
    const outages = await store.db.selectFrom('outages').select(['component_id', 'end_at']).execute();
    assert.ok(outages.length >= 5);
    assert.ok(
      outages.some((o) => o.end_at === null),
      'one outage is ongoing',
    );
    const work = await store.db.selectFrom('maintenance_windows').select(['status', 'notice_in_time']).execute();
    assert.ok(work.some((w) => w.status === 'published' && w.notice_in_time === 1));
    assert.ok(work.some((w) => w.status === 'published' && w.notice_in_time === 0));
    assert.ok(work.some((w) => w.status === 'draft'));
    const late = await store.db.selectFrom('deviations').select('kind').where('kind', '=', 'late-notice').execute();
    assert.equal(late.length, 1);
  });
});
