import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { freezeClosedMonths } from '../../../src/modules/availability/services/freeze-closed-months.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import { systemContext, unique } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

const at = (iso: string): number => parseInstant(iso) ?? Number.NaN;
let store: TestStore;

before(async () => {
  store = await createTestStore();
});
after(async () => {
  await store.destroy();
});

describe('freezing closed months', () => {
  it('freezes months past the grace period once, never before the component existed', async () => {
    const clock = fixedClock(at('2026-01-10T12:00:00+01:00'));
    const ctx = systemContext(store, clock);
    const component = await createComponent(ctx, {
      code: unique('f'),
      name: 'Fryses',
      calendarId: 'always',
      targetBasisPoints: 9990,
    });
    const mine = (list: string[]) =>
      list.filter((entry) => entry.startsWith(component.code)).map((entry) => entry.split(' ')[1]);

    clock.set(at('2026-03-02T12:00:00+01:00')); // February closed two days ago: still within the grace period
    assert.deepEqual(mine(await freezeClosedMonths(ctx)), ['2026-01']);
    clock.set(at('2026-03-04T01:00:00+01:00'));
    assert.deepEqual(mine(await freezeClosedMonths(ctx)), ['2026-02']);
    assert.deepEqual(mine(await freezeClosedMonths(ctx)), [], 'a second run freezes nothing');
    const rows = await store.db
      .selectFrom('availability_rollups')
      .select('month')
      .where('component_id', '=', component.id)
      .orderBy('month')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.month),
      ['2026-01', '2026-02'],
    );
    const audited = await store.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'availability.freeze')
      .where('subject_id', '=', component.id)
      .execute();
    assert.equal(audited.length, 2);
  });
});
