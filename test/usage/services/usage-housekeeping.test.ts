import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { ingestUsageEvents } from '../../../src/modules/usage/services/ingest-usage-events.ts';
import { pruneUsageKeys } from '../../../src/modules/usage/services/prune-usage-keys.ts';
import { closeDueUsageMonths, closeUsageMonth } from '../../../src/modules/usage/services/usage-month-closing.ts';
import { defaultUsageSettings } from '../../../src/modules/usage/services/usage-settings.ts';
import { createTenant, systemContext, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let tenant: TestTenant;

before(async () => {
  store = await createTestStore();
  tenant = await createTenant(store);
});
after(() => store.destroy());

const at = (iso: string) => systemContext(store, fixedClock(Date.parse(iso)));
const event = (id: string, time: string) => ({
  value: {
    specversion: '1.0',
    id,
    source: 'https://housekeeping.test',
    type: 'no.niva.usage',
    time,
    data: { metric: 'consents', owner: tenant.organisation.code, service: null, count: 1 },
  },
});

describe('usage housekeeping', () => {
  it('closes months only after the grace period, once', async () => {
    const settings = { closeAfterDays: 5, lateHorizonDays: 35 };
    // 4 April: March ended 3 days ago (not due); February is due.
    const early = await closeDueUsageMonths(at('2026-04-04T10:00:00Z'), settings);
    assert.ok(early.includes('2026-02') && !early.includes('2026-03'), early.join());
    assert.deepEqual(await closeDueUsageMonths(at('2026-04-04T11:00:00Z'), settings), []);
    assert.deepEqual(await closeDueUsageMonths(at('2026-04-06T10:00:00Z'), settings), ['2026-03']);
    await assert.rejects(
      closeUsageMonth(at('2026-04-06T10:00:00Z'), { month: '2026-04' }),
      /month: the month is not over yet/,
    );
  });

  it('forgets keys past the dedupe window, when such events are past the horizon too', async () => {
    const ctx = at('2026-06-10T10:00:00Z');
    const result = await ingestUsageEvents(ctx, {
      items: [event('old', '2026-05-06T10:00:00Z'), event('new', '2026-06-09T10:00:00Z')],
      settings: defaultUsageSettings,
    });
    assert.equal(result.accepted, 2);
    const later = at('2026-06-12T10:00:00Z');
    assert.equal(await pruneUsageKeys(later, defaultUsageSettings), 1);
    const retry = await ingestUsageEvents(later, {
      items: [event('old', '2026-05-06T10:00:00Z'), event('new', '2026-06-09T10:00:00Z')],
      settings: defaultUsageSettings,
    });
    assert.deepEqual(
      { accepted: retry.accepted, duplicates: retry.duplicates, rejected: retry.rejected.map((r) => r.field) },
      { accepted: 0, duplicates: 1, rejected: ['time'] },
    );
  });
});
