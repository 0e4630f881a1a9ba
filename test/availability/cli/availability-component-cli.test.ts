import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordOutage } from '../../../src/modules/availability/services/record-outage.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { Component } from '../../../src/platform/db/schema.ts';
import { jsonOutput, nivaEnv, runNiva } from '../../helpers/cli.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { systemContext, unique } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let component: Component;

before(async () => {
  store = await createTestStore();
  // The outage lies in the past of the recording: an outage is refused before it happens.
  const ctx = systemContext(store, fixedClock(Date.UTC(2026, 3, 1)));
  component = await createComponent(ctx, {
    code: unique('cli'),
    name: 'Sluttbrukerløsningen',
    calendarId: 'always',
    targetBasisPoints: 9990,
  });
  await recordOutage(ctx, {
    componentId: component.id,
    start: '2026-03-10T10:00:00+01:00',
    end: '2026-03-10T11:00:00+01:00',
    publicText: 'Innlogging feilet',
  });
});
after(() => store.destroy());

describe('niva availability --component (from the database)', () => {
  for (const ref of ['code', 'id'] as const) {
    it(`prints the stored figure for a component named by ${ref}`, async () => {
      const result = await runNiva(
        ['availability', '--component', component[ref], '--month', '2026-03', '--json'],
        nivaEnv(store),
      );
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(jsonOutput(result), {
        availability: 742 / 743,
        scheduledSeconds: 743 * 3600,
        operatingSeconds: 743 * 3600,
        downtimeSeconds: 3600,
        unknownSeconds: 0,
        progress: 'complete',
        through: '2026-04-01T00:00:00+02:00',
        projection: null,
      });
    });
  }

  const bad: [string, string[], RegExp][] = [
    ['both --calendar and --component', ['--calendar', 'always', '--component', 'x'], /--calendar and --component/],
    ['neither --calendar nor --component', [], /--calendar or --component/],
    ['files with --component', ['--component', 'x', '--outages', 'outages.json'], /--outages: only with --calendar/],
    ['an unknown component', ['--component', 'finnes-ikke'], /component not found/],
    ['--at with --component', ['--component', 'x', '--at', '2026-03-10T12:00:00+01:00'], /--at: only with --calendar/],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with one line and exit 2`, async () => {
      const result = await runNiva(['availability', '--month', '2026-03', ...args, '--json'], nivaEnv(store));
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    });
  }
});
