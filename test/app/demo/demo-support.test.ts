import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { directCallsFor, readSupportReportFigures } from '../../../src/app/demo/demo-support.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { supportKpis } from '../../../src/modules/support/services/support-kpis.ts';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
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

describe('support demo data', () => {
  it('reproduces the published brukerservice figures exactly (demo/figures/abs-service-report.csv)', async () => {
    const figures = readSupportReportFigures();
    assert.deepEqual(
      figures.map((f) => f.month),
      ['2026-01', '2026-02'],
    );
    const months = await supportKpis(ctx, { from: '2026-01', to: '2026-02', line: 'brukerservice' });
    for (const [i, f] of figures.entries()) {
      const shown = Object.fromEntries((months[i]?.kpis ?? []).map((k) => [k.id, k.shown]));
      assert.deepEqual(
        {
          month: months[i]?.period.key,
          wait: shown['phone-wait'],
          rate: shown['phone-answer-rate'],
          callbacks: shown['phone-callbacks'],
          emails: shown.emails,
        },
        {
          month: f.month,
          wait: f.meanWaitSeconds,
          rate: f.answerRatePercent,
          callbacks: f.callbacks,
          emails: f.emails,
        },
      );
      // The mean wait is exact, not merely rounded to the published figure.
      assert.equal(months[i]?.phone.meanWaitSeconds, f.meanWaitSeconds);
    }
  });

  it('queues every call within the opening hours of brukerservice', async () => {
    const calendar = builtInCalendars().get('brukerservice');
    assert.ok(calendar);
    const calls = await store.db
      .selectFrom('support_calls')
      .select('queued_at')
      .where('line', '=', 'brukerservice')
      .execute();
    assert.ok(calls.length > 0);
    assert.deepEqual(calls.filter((c) => !calendar.isOpen(c.queued_at)).length, 0);
  });

  it('one audited import per log and month', async () => {
    const imports = await store.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'support.import-%')
      .execute();
    assert.equal(imports.length, 4);
  });

  const rates: [number, number][] = [
    [87, 7184],
    [86, 6035],
    [90, 100],
  ];
  for (const [percent, notDirect] of rates) {
    it(`directCallsFor(${percent} %, ${notDirect}) rounds to exactly ${percent} %`, () => {
      const direct = directCallsFor(percent, notDirect);
      assert.equal(Math.floor((200 * direct + direct + notDirect) / (2 * (direct + notDirect))), percent);
    });
  }
});
