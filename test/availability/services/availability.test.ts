import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import { cancelMaintenance } from '../../../src/modules/availability/services/cancel-maintenance.ts';
import { componentAvailabilityHistory } from '../../../src/modules/availability/services/component-availability-history.ts';
import { computeComponentAvailability } from '../../../src/modules/availability/services/compute-component-availability.ts';
import { endOutage } from '../../../src/modules/availability/services/end-outage.ts';
import { freezeMonth } from '../../../src/modules/availability/services/freeze-month.ts';
import { listMaintenance } from '../../../src/modules/availability/services/list-maintenance.ts';
import { listOutages } from '../../../src/modules/availability/services/list-outages.ts';
import {
  planMaintenance,
  type PlanMaintenanceInput,
} from '../../../src/modules/availability/services/plan-maintenance.ts';
import { publishMaintenance } from '../../../src/modules/availability/services/publish-maintenance.ts';
import { recomputeMonth } from '../../../src/modules/availability/services/recompute-month.ts';
import { recordOutage, type RecordOutageInput } from '../../../src/modules/availability/services/record-outage.ts';
import { updateOutage } from '../../../src/modules/availability/services/update-outage.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import type { Component } from '../../../src/platform/db/schema.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let operator: TestOperator;
let tenant: TestTenant;

const at = (text: string): number => {
  const instant = parseInstant(text);
  assert.ok(instant !== null, text);
  return instant;
};
const hours = (n: number) => n * 3_600_000;

/** A context acting as one user, at a given moment. */
async function as(userId: string, now: string): Promise<ServiceContext> {
  const actor: Actor | null = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store, fixedClock(at(now))), actor, requestId: 'req-availability' };
}
const agent = (now: string) => as(operator.users['operator-agent'].userId, now);
const admin = (now: string) => as(operator.users['operator-admin'].userId, now);
const owner = (now: string) => as(tenant.users['owner-member'].userId, now);

function component(
  calendarId: 'always' | 'studio-hours' = 'always',
  extra: { weightPartialBasisPoints?: number } = {},
): Promise<Component> {
  return createComponent(systemContext(store), {
    code: unique('c'),
    name: 'Testkomponent',
    calendarId,
    targetBasisPoints: calendarId === 'always' ? 9990 : 9980,
    ...extra,
  });
}

async function rejects(promise: Promise<unknown>, code: AppError['code'], field?: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    if (field) assert.equal(error.fields[0]?.field, field);
    return true;
  });
}

before(async () => {
  store = await createTestStore();
  operator = await createOperator(store);
  tenant = await createTenant(store);
});
after(() => store.destroy());

const oneHourInMarch = { start: '2026-03-10T10:00:00+01:00', end: '2026-03-10T11:00:00+01:00' };
const nightWork = {
  kind: 'maintenance' as const,
  title: 'Oppgradering av database',
  publicText: 'Tjenesten er utilgjengelig.',
  start: '2026-03-19T02:00:00+01:00',
  end: '2026-03-19T04:00:00+01:00',
};

describe('monthly availability from stored outages and maintenance', () => {
  const rows: {
    what: string;
    announced?: string;
    expected: { availability: number; operating: number; downtime: number };
    deviations: string[];
  }[] = [
    {
      what: 'one hour down in a 24/7 March',
      expected: { availability: 742 / 743, operating: 743, downtime: 1 },
      deviations: [],
    },
    {
      what: 'maintenance published in time reduces operating time',
      announced: '2026-03-12T16:00:00+01:00',
      expected: { availability: 740 / 741, operating: 741, downtime: 1 },
      deviations: [],
    },
    {
      what: 'maintenance published late is downtime and a deviation',
      announced: '2026-03-13T09:00:00+01:00',
      expected: { availability: 740 / 743, operating: 743, downtime: 3 },
      deviations: ['late-notice'],
    },
  ];
  for (const row of rows) {
    it(row.what, async () => {
      const c = await component();
      await recordOutage(await agent('2026-03-10T12:00:00+01:00'), {
        componentId: c.code,
        ...oneHourInMarch,
        publicText: 'Innlogging feilet.',
      });
      if (row.announced) {
        const planned = await planMaintenance(await agent('2026-03-01T12:00:00+01:00'), {
          componentId: c.id,
          ...nightWork,
        });
        assert.equal(planned.notice_policy, 'maintenance-notice');
        assert.equal(
          planned.latest_announcement_at,
          at('2026-03-13T00:00:00+01:00'),
          'five business days before Thursday 19 March: the end of Thursday 12 March',
        );
        const published = await publishMaintenance(await agent(row.announced), { id: planned.id });
        assert.deepEqual(published.deviations, row.deviations);
        const deviations = await store.db
          .selectFrom('deviations')
          .selectAll()
          .where('subject_id', '=', planned.id)
          .execute();
        assert.deepEqual(
          deviations.map((d) => [d.kind, d.policy_id, d.component_id]),
          row.deviations.map((k) => [k, 'maintenance-notice', c.id]),
        );
        for (const d of deviations)
          assert.deepEqual(JSON.parse(d.detail) as unknown, {
            latest: at('2026-03-13T00:00:00+01:00'),
            announced: at(row.announced),
          });
      }
      const figure = await computeComponentAvailability(await owner('2026-04-02T12:00:00+02:00'), {
        componentId: c.id,
        month: '2026-03',
      });
      assert.equal(figure.availability, row.expected.availability);
      assert.equal(figure.scheduledMs, hours(743));
      assert.equal(figure.operatingMs, hours(row.expected.operating));
      assert.equal(figure.downtimeMs, hours(row.expected.downtime));
      assert.equal(figure.meetsTarget, false);
      assert.equal(figure.frozen, false);
      assert.match(figure.inputsDigest, /^[0-9a-f]{64}$/);
    });
  }

  it('counts an ongoing outage up to now and weighs partial time by the component', async () => {
    const c = await component('always', { weightPartialBasisPoints: 5000 });
    const ongoing = await recordOutage(await agent('2026-03-10T12:00:00+01:00'), {
      componentId: c.id,
      start: '2026-03-10T10:00:00+01:00',
      publicText: 'Treg respons.',
    });
    await recordOutage(await agent('2026-03-10T12:00:00+01:00'), {
      componentId: c.id,
      severity: 'partial',
      start: '2026-03-09T10:00:00+01:00',
      end: '2026-03-09T12:00:00+01:00',
      publicText: 'Noen innsendinger feiler.',
    });
    let figure = await computeComponentAvailability(await agent('2026-03-10T12:00:00+01:00'), {
      componentId: c.id,
      month: '2026-03',
    });
    assert.equal(figure.downtimeMs, hours(2) + hours(1), 'two hours so far, plus half of two partial hours');
    await endOutage(await agent('2026-03-10T13:00:00+01:00'), { id: ongoing.id });
    await rejects(endOutage(await agent('2026-03-10T14:00:00+01:00'), { id: ongoing.id }), 'conflict', 'end');
    figure = await computeComponentAvailability(await agent('2026-04-02T12:00:00+02:00'), {
      componentId: c.id,
      month: '2026-03',
    });
    assert.equal(figure.downtimeMs, hours(3) + hours(1));
    assert.equal(figure.rounded, '99.46');
  });

  it('freezes a closed month; a later correction changes it only through an audited recompute', async () => {
    const c = await component();
    const now = '2026-03-02T10:00:00+01:00';
    const outage = await recordOutage(await agent(now), {
      componentId: c.id,
      start: '2026-02-10T10:00:00+01:00',
      end: '2026-02-10T11:00:00+01:00',
      publicText: 'Nede.',
    });
    const frozen = await freezeMonth(await admin(now), { componentId: c.id, month: '2026-02' });
    assert.equal(frozen.created, true);
    assert.equal(frozen.figure.availability, 671 / 672);
    assert.equal(
      (await freezeMonth(await admin(now), { componentId: c.id, month: '2026-02' })).created,
      false,
      'freezing again keeps the first figure',
    );
    await updateOutage(await agent(now), { id: outage.id, end: '2026-02-10T12:00:00+01:00' });

    const stored = await computeComponentAvailability(await owner(now), { componentId: c.id, month: '2026-02' });
    assert.deepEqual(
      [stored.availability, stored.frozen, stored.inputsDigest],
      [671 / 672, true, frozen.figure.inputsDigest],
    );
    const live = await computeComponentAvailability(await owner(now), {
      componentId: c.id,
      month: '2026-02',
      live: true,
    });
    assert.equal(live.availability, 670 / 672);
    assert.notEqual(live.inputsDigest, frozen.figure.inputsDigest);

    await rejects(recomputeMonth(await agent(now), { componentId: c.id, month: '2026-02' }), 'forbidden');
    const { before: old, after: renewed } = await recomputeMonth(await admin(now), {
      componentId: c.id,
      month: '2026-02',
    });
    assert.deepEqual([old?.availability, renewed.availability], [671 / 672, 670 / 672]);
    assert.equal(
      (await computeComponentAvailability(await owner(now), { componentId: c.id, month: '2026-02' })).availability,
      670 / 672,
    );
    const audit = await store.db
      .selectFrom('audit_events')
      .select(['summary'])
      .where('action', '=', 'availability.recompute')
      .where('subject_id', '=', c.id)
      .executeTakeFirstOrThrow();
    const summary = JSON.parse(audit.summary) as { from: { availability: number }; to: { availability: number } };
    assert.deepEqual([summary.from.availability, summary.to.availability], [671 / 672, 670 / 672]);
    await rejects(freezeMonth(await admin(now), { componentId: c.id, month: '2026-03' }), 'validation', 'month');

    const history = await componentAvailabilityHistory(await owner(now), { componentId: c.id, months: 3 });
    assert.deepEqual(
      history.map((h) => [h.month, h.frozen, h.availability]),
      [
        ['2026-01', false, 1],
        ['2026-02', true, 670 / 672],
        ['2026-03', false, 1],
      ],
    );
  });
});

describe('planned work', () => {
  it('refuses an emergency change without an A or B incident', async () => {
    const c = await component();
    const ctx = await agent('2026-03-10T12:00:00+01:00');
    const emergency: PlanMaintenanceInput = {
      componentId: c.id,
      kind: 'emergency',
      title: 'Hastefiks',
      publicText: 'Kort nedetid.',
      start: '2026-03-10T13:00:00+01:00',
      end: '2026-03-10T13:30:00+01:00',
    };
    await rejects(planMaintenance(ctx, emergency), 'validation', 'incidentCaseId');
    const c3 = await registerCase(systemContext(store), {
      organisationId: tenant.organisation.id,
      kind: 'incident',
      category: 'C',
      title: 'Mindre feil i skjema',
    });
    await rejects(planMaintenance(ctx, { ...emergency, incidentCaseId: c3.row.id }), 'validation', 'incidentCaseId');
    const b = await registerCase(systemContext(store), {
      organisationId: tenant.organisation.id,
      kind: 'incident',
      category: 'B',
      criteria: ['b-partial'],
      title: 'Innsending feiler',
    });
    const planned = await planMaintenance(ctx, { ...emergency, incidentCaseId: b.row.reference });
    assert.deepEqual([planned.notice_policy, planned.incident_case_id], ['emergency-change', b.row.id]);
    const published = await publishMaintenance(ctx, { id: planned.id });
    assert.deepEqual(published.deviations, [], 'an emergency is exempt from notice');
    const before = await computeComponentAvailability(ctx, { componentId: c.id, month: '2026-03' });
    assert.equal(before.downtimeMs, 0, 'an hour ahead it has not happened yet');
    const figure = await computeComponentAvailability(await agent('2026-03-10T14:00:00+01:00'), {
      componentId: c.id,
      month: '2026-03',
    });
    assert.equal(figure.downtimeMs, hours(0.5), 'once it has happened its downtime counts');
  });

  const studio: { what: string; start: string; end: string; inside: boolean }[] = [
    {
      what: 'inside studio hours on a weekday',
      start: '2026-04-15T10:00:00+02:00',
      end: '2026-04-15T11:00:00+02:00',
      inside: true,
    },
    {
      what: 'in the evening after studio hours',
      start: '2026-04-15T21:00:00+02:00',
      end: '2026-04-15T23:00:00+02:00',
      inside: false,
    },
    { what: 'on a Saturday', start: '2026-04-18T10:00:00+02:00', end: '2026-04-18T14:00:00+02:00', inside: false },
  ];
  for (const row of studio) {
    it(`flags studio work ${row.what}: ${row.inside}`, async () => {
      const c = await component('studio-hours');
      const ctx = await agent('2026-03-02T10:00:00+01:00');
      const planned = await planMaintenance(ctx, { componentId: c.id, ...nightWork, start: row.start, end: row.end });
      assert.equal(planned.inside_operating_hours, row.inside ? 1 : 0);
      const published = await publishMaintenance(ctx, { id: planned.id });
      assert.equal(published.row.notice_in_time, 1);
      assert.deepEqual(published.deviations, row.inside ? ['maintenance-in-operating-hours'] : []);
    });
  }

  it('keeps drafts from owners, cancels, and refuses to publish twice', async () => {
    const c = await component();
    const ctx = await agent('2026-03-02T10:00:00+01:00');
    const draft = await planMaintenance(ctx, { componentId: c.id, ...nightWork });
    assert.deepEqual(
      (await listMaintenance(ctx, { componentId: c.id })).map((m) => m.id),
      [draft.id],
    );
    assert.deepEqual(await listMaintenance(await owner('2026-03-02T10:00:00+01:00'), { componentId: c.id }), []);
    await publishMaintenance(ctx, { id: draft.id });
    await rejects(publishMaintenance(ctx, { id: draft.id }), 'conflict');
    assert.equal((await listMaintenance(await owner('2026-03-02T10:00:00+01:00'), { componentId: c.code })).length, 1);
    await cancelMaintenance(ctx, { id: draft.id });
    const figure = await computeComponentAvailability(await owner('2026-04-02T12:00:00+02:00'), {
      componentId: c.id,
      month: '2026-03',
    });
    assert.equal(figure.operatingMs, hours(743), 'cancelled work no longer counts');
  });
});

describe('validation and access', () => {
  const bad: { what: string; input: Partial<RecordOutageInput>; field: string }[] = [
    { what: 'an end before the start', input: { end: '2026-03-10T09:00:00+01:00' }, field: 'end' },
    { what: 'an incident outage without its case', input: { source: 'incident' }, field: 'caseId' },
    { what: 'an unknown component', input: { componentId: 'finnes-ikke' }, field: 'componentId' },
    { what: 'a bad severity', input: { severity: 'gone' as 'partial' }, field: 'severity' },
  ];
  for (const row of bad) {
    it(`refuses ${row.what}`, async () => {
      const c = await component();
      await rejects(
        recordOutage(await agent('2026-03-10T12:00:00+01:00'), {
          componentId: c.id,
          start: '2026-03-10T10:00:00+01:00',
          publicText: 'Nede.',
          ...row.input,
        }),
        'validation',
        row.field,
      );
    });
  }

  it('lets owners read availability but not change it', async () => {
    const c = await component();
    const ctx = await owner('2026-03-10T12:00:00+01:00');
    await rejects(
      recordOutage(ctx, { componentId: c.id, start: '2026-03-10T10:00:00+01:00', publicText: 'Nede.' }),
      'forbidden',
    );
    await rejects(planMaintenance(ctx, { componentId: c.id, ...nightWork }), 'forbidden');
    await rejects(recomputeMonth(ctx, { componentId: c.id, month: '2026-02' }), 'forbidden');
    await recordOutage(await agent('2026-03-10T12:00:00+01:00'), {
      componentId: c.id,
      start: '2026-03-10T10:00:00+01:00',
      publicText: 'Nede.',
    });
    assert.equal((await listOutages(ctx, { componentId: c.id, from: '2026-03-01T00:00:00+01:00' })).length, 1);
    assert.equal((await listOutages(ctx, { componentId: c.id, to: '2026-03-01T00:00:00+01:00' })).length, 0);
    assert.equal(
      (await computeComponentAvailability(ctx, { componentId: c.code, month: '2026-03' })).downtimeMs,
      hours(2),
    );
  });
});
