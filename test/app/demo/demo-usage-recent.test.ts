import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { readVolumeFigures } from '../../../src/app/demo/demo-usage.ts';
import { demoMonthLevel, seedDemoRecentUsage } from '../../../src/app/demo/demo-usage-recent.ts';
import { systemContext } from '../../helpers/factories.ts';
import { createDemoTestStore } from '../../helpers/demo-store.ts';
import type { TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
const now = Date.parse('2026-06-15T10:00:00Z');

before(async () => {
  store = await createDemoTestStore(now);
});
after(() => store.destroy());

describe('recent demo usage', () => {
  it('has daily counts from March 2026 up to yesterday, never today', async () => {
    const days = await store.db.selectFrom('usage_daily').select('day').distinct().orderBy('day').execute();
    assert.equal(days[0]?.day, '2026-03-01');
    assert.equal(days.at(-1)?.day, '2026-06-14');
    assert.equal(days.length, 106);
  });

  it('follows this year’s level and the usual size of the month, within the noise', async () => {
    const figures = new Map(readVolumeFigures().map((f) => [`${f.metric}/${f.month}`, f.count]));
    for (const metric of ['messages_sent', 'authorizations', 'consents']) {
      const row = await store.db
        .selectFrom('usage_daily')
        .select((eb) => eb.fn.sum<number | string>('count').as('n'))
        .where('metric', '=', metric)
        .where('day', '>=', '2026-04-01')
        .where('day', '<', '2026-05-01')
        .executeTakeFirstOrThrow();
      const expected = demoMonthLevel(figures, metric)(4);
      const ratio = Number(row.n) / expected;
      assert.ok(
        ratio > 0.85 && ratio < 1.15,
        `${metric} April 2026: ${Number(row.n)} against about ${Math.round(expected)}`,
      );
    }
  });

  it('takes the median year, so one year’s spike does not repeat', () => {
    const figures = new Map(
      [2023, 2024, 2025, 2026].flatMap((y) => [
        [`m/${y}-01`, 100],
        [`m/${y}-02`, 100],
        [`m/${y}-03`, y === 2025 ? 900 : y === 2024 ? 150 : 120],
      ]),
    );
    // March against January–February: 1.2, 1.5 and 9 → the median 1.5.
    assert.equal(demoMonthLevel(figures, 'm')(3), 150);
  });

  it('adds nothing before March 2026', async () => {
    assert.equal(await seedDemoRecentUsage(systemContext(store, fixedClock(Date.parse('2026-03-01T10:00:00Z')))), 0);
  });
});
