import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import { createApiToken } from '../../../src/modules/access/services/create-api-token.ts';
import type { Component } from '../../../src/platform/db/schema.ts';
import type { AppError } from '../../../src/platform/services/app-error.ts';
import { digest } from '../../../src/platform/auth/secrets.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testPassword,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { bearer, callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

interface Outage {
  id: string;
  start: string;
  end: string | null;
  caseId: string | null;
  severity: string;
}
interface Maintenance {
  id: string;
  status: string;
  noticeInTime: boolean | null;
  latestAnnouncementAt: string;
  announcedAt: string | null;
}
interface Figure {
  month: string;
  availability: number | null;
  percent: string | null;
  meetsTarget: boolean;
  scheduledSeconds: number;
  operatingSeconds: number;
  downtimeSeconds: number;
  frozen: boolean;
  progress: string;
  through: string;
  projection: { availability: number | null; percent: string | null; downtimeSeconds: number } | null;
}
interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let operator: TestOperator;
let tenant: TestTenant;
let component: Component;
let agent: Record<string, string>;
let admin: Record<string, string>;
let owner: Record<string, string>;

const call = <T>(headers: Record<string, string>, method: string, path: string, body?: unknown) =>
  callApi<T>(app, headers, method, path, body);

before(async () => {
  store = await createTestStore();
  ({ app, clock } = createTestApp(store));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  component = await createComponent(systemContext(store), {
    code: unique('api'),
    name: 'Altinn Apps',
    calendarId: 'always',
    targetBasisPoints: 9990,
  });
});

/** Moves the clock and logs everyone in again, since sessions idle out across the days the tests jump. */
async function at(instant: string): Promise<void> {
  clock.set(Date.parse(instant));
  agent = sessionHeaders(await logIn(app, operator.users['operator-agent'].email, testPassword));
  admin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword));
  owner = sessionHeaders(await logIn(app, tenant.users['owner-member'].email, testPassword));
}
after(() => store.destroy());

describe('availability over the API', () => {
  it('records an outage and reports March so far, rounded down, then whole as 742/743', async () => {
    await at('2026-03-10T11:00:00Z');
    const created = await call<Outage>(agent, 'POST', '/outages', {
      componentId: component.code,
      start: '2026-03-10T10:00:00+01:00',
      publicText: 'Innlogging feiler',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.end, null);
    const backwards = await call<Problem>(agent, 'PATCH', `/outages/${created.body.id}`, {
      end: '2026-03-10T09:00:00+01:00',
    });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.errors?.[0]?.field, 'end');
    const ended = await call<Outage>(agent, 'PATCH', `/outages/${created.body.id}`, {
      end: '2026-03-10T11:00:00+01:00',
    });
    assert.equal(ended.body.end, '2026-03-10T10:00:00.000Z');

    const listed = await call<{ items: Outage[] }>(
      owner,
      'GET',
      `/outages?componentId=${component.id}&from=2026-03-01T00:00:00%2B01:00`,
    );
    assert.deepEqual(
      listed.body.items.map((o) => o.id),
      [created.body.id],
    );
    const figure = await call<Figure>(owner, 'GET', `/components/${component.id}/availability?month=2026-03`);
    assert.equal(figure.status, 200, JSON.stringify(figure.body));
    const shown = (f: Figure) => ({
      availability: f.availability,
      percent: f.percent,
      meetsTarget: f.meetsTarget,
      scheduled: f.scheduledSeconds,
      downtime: f.downtimeSeconds,
      progress: f.progress,
      through: f.through,
    });
    // 10 March 12:00 in Oslo: 228 hours of March have passed.
    assert.deepEqual(shown(figure.body), {
      availability: 227 / 228,
      percent: '99.56',
      meetsTarget: false,
      scheduled: 228 * 3600,
      downtime: 3600,
      progress: 'to-date',
      through: '2026-03-10T11:00:00.000Z',
    });
    await at('2026-04-01T10:00:00Z');
    const whole = await call<Figure>(owner, 'GET', `/components/${component.id}/availability?month=2026-03`);
    assert.deepEqual(shown(whole.body), {
      availability: 742 / 743,
      percent: '99.86',
      meetsTarget: false,
      scheduled: 743 * 3600,
      downtime: 3600,
      progress: 'complete',
      through: '2026-03-31T22:00:00.000Z',
    });
    await at('2026-03-10T11:00:00Z');
    const badMonth = await call<Problem>(owner, 'GET', `/components/${component.id}/availability?month=2026-13`);
    assert.equal(badMonth.status, 400);
    assert.equal((await call<Problem>(owner, 'GET', '/components/finnes-ikke/availability?month=2026-03')).status, 404);
  });

  it('plans, publishes late and cancels maintenance; owners may not write', async () => {
    await at('2026-03-13T08:00:00Z');
    const work = {
      componentId: component.id,
      kind: 'maintenance',
      title: 'Databaseoppgradering',
      publicText: 'Kort nedetid',
      start: '2026-03-19T02:00:00+01:00',
      end: '2026-03-19T04:00:00+01:00',
    };
    assert.equal((await call<Problem>(owner, 'POST', '/maintenance', work)).status, 403);
    assert.equal(
      (
        await call<Problem>(owner, 'POST', '/outages', {
          componentId: component.id,
          start: '2026-03-10T10:00:00+01:00',
          publicText: 'x',
        })
      ).status,
      403,
    );
    const planned = await call<Maintenance>(agent, 'POST', '/maintenance', work);
    assert.equal(planned.status, 201, JSON.stringify(planned.body));
    assert.equal(planned.body.latestAnnouncementAt, '2026-03-12T23:00:00.000Z');
    assert.deepEqual(
      (await call<{ items: Maintenance[] }>(owner, 'GET', `/maintenance?componentId=${component.id}`)).body.items,
      [],
      'drafts stay with the operator',
    );
    const published = await call<{ maintenance: Maintenance; deviations: string[] }>(
      agent,
      'POST',
      `/maintenance/${planned.body.id}/publish`,
    );
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.deepEqual([published.body.maintenance.noticeInTime, published.body.deviations], [false, ['late-notice']]);
    assert.equal((await call<Problem>(agent, 'POST', `/maintenance/${planned.body.id}/publish`)).status, 409);
    const late = await call<Figure>(owner, 'GET', `/components/${component.id}/availability?month=2026-03`);
    assert.equal(late.body.downtimeSeconds, 3600, 'the late work has not happened yet: only the outage so far');
    assert.deepEqual(late.body.projection, {
      availability: 740 / 743,
      percent: '99.59',
      scheduledSeconds: 743 * 3600,
      operatingSeconds: 743 * 3600,
      downtimeSeconds: 3 * 3600,
      unknownSeconds: 0,
    });
    const cancelled = await call<Maintenance>(agent, 'POST', `/maintenance/${planned.body.id}/cancel`);
    assert.equal(cancelled.body.status, 'cancelled');
  });

  it('recomputes a closed month on request (admin only) and charts the history', async () => {
    await at('2026-04-02T10:00:00Z');
    assert.equal(
      (await call<Problem>(agent, 'POST', `/components/${component.id}/availability/2026-03/recompute`)).status,
      403,
    );
    const recomputed = await call<{ before: Figure | null; after: Figure }>(
      admin,
      'POST',
      `/components/${component.id}/availability/2026-03/recompute`,
    );
    assert.equal(recomputed.status, 200, JSON.stringify(recomputed.body));
    assert.deepEqual(
      [recomputed.body.before, recomputed.body.after.frozen, recomputed.body.after.availability],
      [null, true, 742 / 743],
    );
    assert.equal(
      (await call<Problem>(admin, 'POST', `/components/${component.id}/availability/2026-04/recompute`)).status,
      400,
      'the month is not over',
    );
    const history = await call<{ items: Figure[] }>(
      owner,
      'GET',
      `/components/${component.code}/availability/history?months=3`,
    );
    assert.deepEqual(
      history.body.items.map((f) => [f.month, f.frozen]),
      [
        ['2026-02', false],
        ['2026-03', true],
        ['2026-04', false],
      ],
    );
  });

  it('lets an operator token with availability:write record outages, never an owner token', async () => {
    const ctx = systemContext(store);
    const operatorToken = await createApiToken(ctx, {
      organisationId: operator.organisation.id,
      name: 'overvaking',
      scopes: ['availability:write'],
    });
    await assert.rejects(
      createApiToken(ctx, { organisationId: tenant.organisation.id, name: 'forsok', scopes: ['availability:write'] }),
      (error: AppError) => error.fields.some((f) => f.field === 'scopes'),
    );
    // A token from before scopes were limited to what the organisation can hold still cannot write.
    const ownerToken = { secret: `niva_legacy00_${unique('s')}` };
    await store.db
      .insertInto('api_tokens')
      .values({
        id: unique('tok-'),
        organisation_id: tenant.organisation.id,
        name: 'forsok',
        prefix: 'legacy00',
        secret_hash: digest(ownerToken.secret),
        scopes: 'availability:write',
        created_by: null,
        created_at: 0,
        expires_at: null,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const body = {
      componentId: component.id,
      severity: 'degraded',
      start: '2026-04-01T10:00:00+02:00',
      end: '2026-04-01T10:10:00+02:00',
      publicText: 'Treg',
    };
    assert.equal((await call<Outage>(bearer(operatorToken.secret), 'POST', '/outages', body)).status, 201);
    assert.equal((await call<Problem>(bearer(ownerToken.secret), 'POST', '/outages', body)).status, 403);
    assert.equal((await call<{ items: Outage[] }>(bearer(ownerToken.secret), 'GET', '/outages')).status, 200);
  });
});
