import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../src/platform/config/config.ts';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { getArchivedReport } from '../../../src/modules/reports/services/archived-reports.ts';
import { generateServiceReport } from '../../../src/modules/reports/services/generate-service-report.ts';
import { getReportMailing } from '../../../src/modules/reports/services/get-report-mailing.ts';
import { listReportOwners } from '../../../src/modules/reports/services/list-report-owners.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testEpoch,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };

let store: TestStore;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let system: ServiceContext;

async function asUser(userId: string): Promise<ServiceContext> {
  const actor = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store), actor };
}

async function rejects(promise: Promise<unknown>, code: AppError['code']) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    return true;
  });
}

async function subscribe(ownerId: string, email: string): Promise<string> {
  const id = randomUUID();
  await store.db
    .insertInto('report_subscriptions')
    .values({ id, owner_id: ownerId, email, lang: 'nb', created_at: testEpoch })
    .execute();
  return id;
}

before(async () => {
  store = await createTestStore();
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  system = systemContext(store);
});
after(() => store.destroy());

describe('listReportOwners', () => {
  it('offers the operator every owner by name, and an owner only itself', async () => {
    const all = await listReportOwners(await asUser(operator.users['operator-agent'].userId));
    const expected = [a.organisation, b.organisation]
      .map((o) => ({ code: o.code, name: o.name }))
      .sort((x, y) => x.name.localeCompare(y.name));
    assert.deepEqual(all, expected, 'owners only, not the operator, by name');
    assert.deepEqual(await listReportOwners(await asUser(a.users['owner-member'].userId)), [
      { code: a.organisation.code, name: a.organisation.name },
    ]);
  });

  it('refuses a token without the reports scope', async () => {
    const token: Actor = {
      type: 'token',
      id: a.token.id,
      label: 'integration',
      organisationId: a.organisation.id,
      organisationKind: 'owner',
      scopes: ['services:read'],
    };
    await rejects(listReportOwners({ ...system, actor: token }), 'forbidden');
  });
});

describe('getReportMailing', () => {
  it('gives the system an archived version for a subscriber of its report, with the stored figures', async () => {
    await subscribe('', 'platform-reader@test.niva.no');
    const archived = await generateServiceReport(system, { month: '2026-02' }, settings);
    const mailing = await getReportMailing(system, { reportId: archived.id, email: 'platform-reader@test.niva.no' });
    assert.ok(mailing);
    assert.equal(mailing.month, '2026-02');
    assert.equal(mailing.version, archived.version);
    assert.equal(mailing.generatedAt, archived.generatedAt);
    assert.equal(mailing.data.owner, null, 'the platform report');
    assert.deepEqual(mailing.data, (await getArchivedReport(system, archived.id)).data);

    await subscribe(a.organisation.id, 'owner-reader@test.niva.no');
    const own = await generateServiceReport(system, { month: '2026-02', owner: a.organisation.code }, settings);
    const ownMailing = await getReportMailing(system, { reportId: own.id, email: 'owner-reader@test.niva.no' });
    assert.ok(ownMailing);
    assert.equal(ownMailing.data.owner?.code, a.organisation.code, "an owner's report");
  });

  it('has nothing to mail to an address that no longer subscribes, or of a version that is gone', async () => {
    const subscription = await subscribe(b.organisation.id, 'leaving@test.niva.no');
    const report = await generateServiceReport(system, { month: '2026-01', owner: b.organisation.code }, settings);
    assert.ok(await getReportMailing(system, { reportId: report.id, email: 'leaving@test.niva.no' }));
    await store.db.deleteFrom('report_subscriptions').where('id', '=', subscription).execute();
    assert.equal(await getReportMailing(system, { reportId: report.id, email: 'leaving@test.niva.no' }), null);
    assert.equal(
      await getReportMailing(system, { reportId: report.id, email: 'platform-reader@test.niva.no' }),
      null,
      'a subscriber of another report',
    );
    assert.equal(await getReportMailing(system, { reportId: randomUUID(), email: 'leaving@test.niva.no' }), null);
  });

  it('is the system’s alone', async () => {
    const report = await generateServiceReport(system, { month: '2025-12' }, settings);
    const admin = await asUser(operator.users['operator-admin'].userId);
    await rejects(getReportMailing(admin, { reportId: report.id, email: 'platform-reader@test.niva.no' }), 'forbidden');
  });
});
