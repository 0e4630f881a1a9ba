import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../src/platform/config/config.ts';
import {
  presentReportData,
  presentVersion,
  ReportDataSchema,
  VersionSchema,
} from '../../../src/modules/reports/api/report-presenters.ts';
import { getArchivedReport } from '../../../src/modules/reports/services/archived-reports.ts';
import { collectReportData } from '../../../src/modules/reports/services/collect-report-data.ts';
import { generateServiceReport } from '../../../src/modules/reports/services/generate-service-report.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { callApi, createTestApp, logIn, sessionHeaders, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;
let agent: Session;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  await insertUsageRows(store, {
    imports: [
      { metric: 'messages_sent', month: '2026-02', ownerId: tenant.organisation.id, count: 1_250 },
      { metric: 'messages_sent', month: '2026-01', count: 7_000 },
    ],
  });
});
after(() => store.destroy());

describe('presentReportData', () => {
  it('gives collected figures unchanged, in a shape the response schema accepts without stripping anything', async () => {
    for (const input of [{ month: '2026-02' }, { month: '2026-02', owner: tenant.organisation.code }]) {
      const data = await collectReportData(systemContext(store), input, settings);
      const presented = presentReportData(data);
      assert.equal(JSON.stringify(presented), JSON.stringify(data), 'the same JSON, key for key');
      assert.deepEqual(ReportDataSchema.parse(presented), presented, 'the open objects keep their extra fields');
      assert.ok(
        presented.statistics.some((s) => s.rows.some((r) => r.total !== null)),
        'has figures to check',
      );
    }
  });

  it('is what the API answers, and the answer parses with the response schema', async () => {
    const answer = await callApi<unknown>(app, sessionHeaders(agent), 'GET', '/reports?month=2026-02');
    assert.equal(answer.status, 200);
    const parsed = ReportDataSchema.parse(answer.body);
    const data = await collectReportData(systemContext(store), { month: '2026-02' }, settings);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(presentReportData(data))) as unknown);
  });

  it('is held to the schema: figures it does not allow fail to parse', async () => {
    const presented = presentReportData(await collectReportData(systemContext(store), { month: '2026-02' }, settings));
    const [row] = presented.compliance.rows;
    assert.ok(row);
    const bad = { ...presented, compliance: { ...presented.compliance, rows: [{ ...row, status: 'unknown' }] } };
    assert.equal(ReportDataSchema.safeParse(bad).success, false);
  });
});

describe('presentVersion', () => {
  it('presents an archived version as the API answers it, with its figures', async () => {
    const archived = await generateServiceReport(systemContext(store), { month: '2026-01' }, settings);
    const presented = presentVersion(archived);
    assert.deepEqual(VersionSchema.parse(presented), presented);
    assert.equal(presented.generatedAt, new Date(archived.generatedAt).toISOString());
    assert.equal(presented.ownerCode, null);

    const answer = await callApi<unknown>(app, sessionHeaders(agent), 'GET', `/reports/versions/${archived.id}`);
    assert.equal(answer.status, 200);
    const parsed = VersionSchema.extend({ data: ReportDataSchema }).parse(answer.body);
    const stored = await getArchivedReport(systemContext(store), archived.id);
    assert.deepEqual(parsed, {
      ...presented,
      data: JSON.parse(JSON.stringify(presentReportData(stored.data))) as unknown,
    });
  });
});
