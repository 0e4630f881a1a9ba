import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { listUsageOwners } from '../../../src/modules/usage/services/list-usage-owners.ts';
import { metricYearTable } from '../../../src/modules/usage/services/usage-statistics.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

let store: TestStore;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;

async function as(userId: string): Promise<ServiceContext> {
  const actor: Actor | null = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store), actor, requestId: 'req-usage' };
}

function rejects(promise: Promise<unknown>, code: AppError['code'], field?: string): Promise<void> {
  return assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code);
    if (field)
      assert.deepEqual(
        error.fields.map((f) => f.field),
        [field],
      );
    return true;
  });
}

before(async () => {
  store = await createTestStore();
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  // Each test reads its own years, so the rows of one never reach another's sums.
  await insertUsageRows(store, {
    daily: [
      // 2021: A's daily counts in January across two days, B's in January, a platform-wide ('') count in March.
      { metric: 'messages_sent', day: '2021-01-01', ownerId: a.organisation.id, serviceId: a.service.id, count: 100 },
      { metric: 'messages_sent', day: '2021-01-31', ownerId: a.organisation.id, count: 50 },
      { metric: 'messages_sent', day: '2021-01-15', ownerId: b.organisation.id, count: 7 },
      { metric: 'messages_sent', day: '2021-03-10', count: 1000 },
      // Another metric and a neighbouring year must not leak in.
      { metric: 'consents', day: '2021-01-02', ownerId: a.organisation.id, count: 999_999 },
      { metric: 'messages_sent', day: '2022-01-01', ownerId: a.organisation.id, count: 300 },
      { metric: 'messages_sent', day: '2020-12-31', ownerId: a.organisation.id, count: 40 },
    ],
    imports: [
      { metric: 'messages_sent', month: '2021-02', ownerId: a.organisation.id, count: 20 },
      { metric: 'messages_sent', month: '2021-01', ownerId: a.organisation.id, count: 5 },
      // A month whose only row nets to zero has data: 0, not null.
      { metric: 'messages_sent', month: '2021-04', ownerId: a.organisation.id, count: 0 },
      { metric: 'messages_sent', month: '2020-02', ownerId: a.organisation.id, count: 10 },
    ],
    adjustments: [
      { metric: 'messages_sent', month: '2021-02', ownerId: a.organisation.id, delta: -2 },
      { metric: 'messages_sent', month: '2021-01', ownerId: b.organisation.id, delta: 3 },
      // An adjustment alone makes a month with data.
      { metric: 'messages_sent', month: '2021-12', delta: 4 },
    ],
  });
});
after(() => store.destroy());

describe('metricYearTable', () => {
  it('sums daily counts, imports and adjustments per month for one owner, null where nothing was recorded', async () => {
    const table = await metricYearTable(await as(operator.users['operator-agent'].userId), {
      metric: 'messages_sent',
      years: [2021],
      owner: a.organisation.code,
    });
    assert.equal(table.metric.id, 'messages_sent');
    assert.equal(table.owner?.id, a.organisation.id);
    assert.deepEqual(
      table.rows.map((r) => r.year),
      [2021],
    );
    const [row] = table.rows;
    assert.deepEqual(row?.months, [155, 18, null, 0, null, null, null, null, null, null, null, null]);
    assert.equal(row?.total, 173);
  });

  it('counts every owner and the platform-wide rows in the platform figure', async () => {
    const table = await metricYearTable(await as(operator.users.auditor.userId), {
      metric: 'messages_sent',
      years: [2021],
    });
    assert.equal(table.owner, null);
    assert.deepEqual(table.rows[0]?.months, [165, 18, 1000, 0, null, null, null, null, null, null, null, 4]);
    assert.equal(table.rows[0]?.total, 1187);
  });

  it('gives each year its change against the same month a year earlier, oldest year first', async () => {
    const table = await metricYearTable(systemContext(store), {
      metric: 'messages_sent',
      years: [2022, 2021],
      owner: a.organisation.code,
    });
    assert.deepEqual(
      table.rows.map((r) => r.year),
      [2021, 2022],
    );
    const [y2021, y2022] = table.rows;
    // January 2020 has no data, so January 2021 has no comparison; February 2021 is 18 against 10.
    assert.deepEqual(y2021?.change.slice(0, 4), [null, 80, null, null]);
    assert.deepEqual(y2022?.months.slice(0, 2), [300, null]);
    assert.equal(y2022?.change[0], 93.5);
    // April 2021 is 0, so April 2022 has nothing to compare with either way.
    assert.equal(y2022?.change[3], null);
    // The totals compare only the months both years have figures for: February for 2021 (18 vs 10), January for 2022.
    assert.equal(y2021?.totalChange, 80);
    assert.equal(y2022?.totalChange, 93.5);
    assert.equal(y2022?.total, 300);
  });

  it('answers a year without any row with twelve nulls and no total', async () => {
    const table = await metricYearTable(systemContext(store), { metric: 'forms_archived', years: [2021] });
    assert.deepEqual(
      table.rows[0]?.months,
      Array.from({ length: 12 }, () => null),
    );
    assert.equal(table.rows[0]?.total, null);
  });

  it("gives an owner its own figures by default and never another owner's", async () => {
    for (const role of ['owner-admin', 'owner-member', 'auditor'] as const) {
      const ctx = await as(a.users[role].userId);
      const own = await metricYearTable(ctx, { metric: 'messages_sent', years: [2021] });
      assert.equal(own.owner?.code, a.organisation.code, role);
      assert.equal(own.rows[0]?.total, 173, role);
      assert.deepEqual(
        (await metricYearTable(ctx, { metric: 'messages_sent', years: [2021], owner: a.organisation.code })).rows,
        own.rows,
      );
      await rejects(
        metricYearTable(ctx, { metric: 'messages_sent', years: [2021], owner: b.organisation.code }),
        'not-found',
        'owner',
      );
    }
    const ofB = await metricYearTable(await as(b.users['owner-member'].userId), {
      metric: 'messages_sent',
      years: [2021],
    });
    assert.deepEqual(ofB.rows[0]?.months.slice(0, 2), [10, null]);
    assert.equal(ofB.rows[0]?.total, 10);
  });

  it('lists all owners to the operator and only its own to an owner', async () => {
    const all = await listUsageOwners(await as(operator.users['operator-agent'].userId));
    assert.ok(all.some((o) => o.id === a.organisation.id) && all.some((o) => o.id === b.organisation.id));
    assert.ok(!all.some((o) => o.id === operator.organisation.id), 'the operator is no owner');
    assert.deepEqual(
      (await listUsageOwners(await as(a.users['owner-member'].userId))).map((o) => o.id),
      [a.organisation.id],
    );
  });

  it('refuses unknown metrics, owners and impossible years naming the field', async () => {
    const ctx = systemContext(store);
    await rejects(metricYearTable(ctx, { metric: 'pizzas', years: [2021] }), 'validation', 'metric');
    await rejects(
      metricYearTable(ctx, { metric: 'messages_sent', years: [2021], owner: 'nobody-here' }),
      'not-found',
      'owner',
    );
    await rejects(metricYearTable(ctx, { metric: 'messages_sent', years: [20210] }), 'validation', 'years.0');
    await rejects(metricYearTable(ctx, { metric: 'messages_sent', years: [] }), 'validation', 'years');
    await rejects(
      metricYearTable(ctx, { metric: 'messages_sent', years: [2021], owner: operator.organisation.code }),
      'not-found',
      'owner',
    );
  });

  it('reads nothing for a token without the usage scope', async () => {
    const actor: Actor = {
      type: 'token',
      id: 't',
      label: 'integration',
      organisationId: a.organisation.id,
      organisationKind: 'owner',
      scopes: ['services:read'],
    };
    await rejects(
      metricYearTable({ ...systemContext(store), actor }, { metric: 'messages_sent', years: [2021] }),
      'forbidden',
    );
    const reader: Actor = { ...actor, scopes: ['usage:read'] };
    assert.equal(
      (await metricYearTable({ ...systemContext(store), actor: reader }, { metric: 'messages_sent', years: [2021] }))
        .rows[0]?.total,
      173,
    );
  });
});
