import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { computeComponentAvailability } from '../../../src/modules/availability/services/compute-component-availability.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import { createMonitor } from '../../../src/modules/availability/services/create-monitor.ts';
import { recordProbeResults } from '../../../src/modules/availability/services/record-probe-results.ts';
import { systemContext, unique } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { testOutbound } from '../../helpers/outbound.ts';

const at = (iso: string): number => parseInstant(iso) ?? Number.NaN;
const minute = 60_000;
const hour = 60 * minute;
let store: TestStore;

before(async () => {
  store = await createTestStore();
});
after(async () => {
  await store.destroy();
});

describe('unknown time from monitoring gaps', () => {
  it('counts time without results as unknown, from when monitoring began, and leaves it out of the figure', async () => {
    const setUp = systemContext(store, fixedClock(at('2026-03-10T00:00:00+01:00')));
    const component = await createComponent(setUp, {
      code: unique('c'),
      name: 'Overvåket komponent',
      calendarId: 'always',
      targetBasisPoints: 9990,
    });
    const { monitor } = await createMonitor(
      setUp,
      {
        component: component.code,
        kind: 'heartbeat',
        name: 'Puls',
        intervalSeconds: 60,
      },
      testOutbound(),
    );
    // Results every minute from 10 March 00:00 to 20 March 00:00, one hour down on 15 March; nothing after.
    const results: { at: number; ok: boolean }[] = [];
    const downFrom = at('2026-03-15T10:00:00+01:00');
    for (let t = at('2026-03-10T00:00:00+01:00'); t < at('2026-03-20T00:00:00+01:00'); t += minute)
      results.push({ at: t, ok: t < downFrom || t >= downFrom + hour });
    const recorder = systemContext(store, fixedClock(at('2026-03-20T00:00:00+01:00')));
    for (let i = 0; i < results.length; i += 2_000)
      await recordProbeResults(recorder, monitor.id, results.slice(i, i + 2_000));

    const april = systemContext(store, fixedClock(at('2026-04-02T12:00:00+02:00')));
    const figure = await computeComponentAvailability(april, { componentId: component.code, month: '2026-03' });
    // Monitoring began 10 March: 10 days observed, the rest of the month from 20 March 00:00 is unknown (12 days less the DST hour).
    assert.equal(figure.unknownMs, (12 * 24 - 1) * hour);
    assert.equal(figure.downtimeMs, hour);
    const known = figure.operatingMs - figure.unknownMs;
    assert.equal(figure.availability, (known - hour) / known);
  });
});
