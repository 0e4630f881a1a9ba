import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { problemPlace } from '../../../src/modules/usage/domain/usage-aggregate-rows.ts';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { createService } from '../../../src/modules/access/services/create-service.ts';
import {
  importUsageAggregates,
  type ImportUsageAggregatesInput,
  type UsageImportReport,
} from '../../../src/modules/usage/services/import-usage-aggregates.ts';
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
let admin: ServiceContext;
let a: TestTenant;
let b: TestTenant;

async function as(userId: string): Promise<ServiceContext> {
  const actor: Actor | null = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store), actor, requestId: 'req-usage-import' };
}

before(async () => {
  store = await createTestStore();
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  admin = await as(operator.users['operator-admin'].userId);
});
after(() => store.destroy());

const csv = (text: string) => new TextEncoder().encode(text);

function run(
  input: Partial<ImportUsageAggregatesInput> & { text?: string },
  ctx: ServiceContext = admin,
): Promise<UsageImportReport> {
  const { text, ...rest } = input;
  return importUsageAggregates(ctx, { fileName: 'volumes.csv', content: csv(text ?? ''), ...rest });
}

function lines(report: UsageImportReport): string[] {
  return report.errors.map((e) => `${problemPlace(e)}: ${e.problem}`);
}

async function stored(where: { months: string[]; metric?: string }) {
  return store.db
    .selectFrom('usage_monthly_imports')
    .select(['metric', 'month', 'owner_id', 'service_id', 'count', 'source_name'])
    .where('month', 'in', where.months)
    .where('metric', '=', where.metric ?? 'messages_sent')
    .orderBy('month')
    .orderBy('owner_id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, count: Number(r.count) })));
}

async function importAudits(): Promise<{ summary: string; organisation_id: string | null }[]> {
  return store.db
    .selectFrom('audit_events')
    .select(['summary', 'organisation_id'])
    .where('action', '=', 'usage.import')
    .orderBy('seq')
    .execute();
}

function rejects(promise: Promise<unknown>, code: AppError['code'], field: string, message?: RegExp): Promise<void> {
  return assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code);
    assert.deepEqual(
      error.fields.map((f) => f.field),
      [field],
    );
    if (message) assert.match(error.message, message);
    return true;
  });
}

describe('importing monthly usage figures', () => {
  it('reads a wide table with spaced numbers and Norwegian month names for one owner, and audits it', async () => {
    const before = (await importAudits()).length;
    const report = await run({
      metric: 'messages_sent',
      owner: a.organisation.code,
      text: 'År,januar,februar,mars,Sum\n2000,6397 333,10 267 169,,16 664 502\n',
    });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(
      {
        rows: report.rows,
        imported: report.imported,
        replaced: report.replaced,
        months: report.months,
        metrics: report.metrics,
        shape: report.shape,
      },
      { rows: 1, imported: 2, replaced: 0, months: ['2000-01', '2000-02'], metrics: ['messages_sent'], shape: 'wide' },
    );
    assert.deepEqual(await stored({ months: ['2000-01', '2000-02', '2000-03'] }), [
      {
        metric: 'messages_sent',
        month: '2000-01',
        owner_id: a.organisation.id,
        service_id: '',
        count: 6_397_333,
        source_name: 'volumes.csv',
      },
      {
        metric: 'messages_sent',
        month: '2000-02',
        owner_id: a.organisation.id,
        service_id: '',
        count: 10_267_169,
        source_name: 'volumes.csv',
      },
    ]);
    const audits = await importAudits();
    assert.equal(audits.length, before + 1);
    const last = audits.at(-1);
    assert.equal(last?.organisation_id, a.organisation.id);
    assert.deepEqual(JSON.parse(last?.summary ?? '{}'), {
      file: 'volumes.csv',
      shape: 'wide',
      rows: 1,
      figures: 2,
      replaced: 0,
      metrics: ['messages_sent'],
      months: ['2000-01', '2000-02'],
      owners: [a.organisation.code],
      platformWide: false,
    });
  });

  it('reads a long table with owner and service columns, and platform-wide rows', async () => {
    const text = [
      'metric,year,month,count,owner,service',
      `messages_sent,2001,1,100,${a.organisation.code},${a.service.resource_id}`,
      `messages_sent,2001,1,200,${b.organisation.code},`,
      'messages_sent,2001,1,1 000,,',
      // A service names its owner.
      `messages_sent,2001,2,5,,${b.service.resource_id}`,
    ].join('\r\n');
    const report = await run({ text });
    assert.deepEqual(lines(report), []);
    assert.equal(report.shape, 'long');
    const rows = await stored({ months: ['2001-01', '2001-02'] });
    const expected = [
      { month: '2001-01', owner_id: '', service_id: '', count: 1000 },
      { month: '2001-01', owner_id: a.organisation.id, service_id: a.service.id, count: 100 },
      { month: '2001-01', owner_id: b.organisation.id, service_id: '', count: 200 },
      { month: '2001-02', owner_id: b.organisation.id, service_id: b.service.id, count: 5 },
    ];
    const key = (r: { month: string; owner_id: string }) => `${r.month}${r.owner_id}`;
    assert.deepEqual(
      rows
        .map((r) => ({ month: r.month, owner_id: r.owner_id, service_id: r.service_id, count: r.count }))
        .sort((x, y) => key(x).localeCompare(key(y))),
      expected.sort((x, y) => key(x).localeCompare(key(y))),
    );
    const audit = JSON.parse((await importAudits()).at(-1)?.summary ?? '{}') as {
      platformWide: boolean;
      owners: string[];
    };
    assert.equal(audit.platformWide, true);
    assert.deepEqual(audit.owners, [a.organisation.code, b.organisation.code].sort());
  });

  it('reads workbooks: one sheet per metric, or one sheet with the metric option', async () => {
    const workbook = new ExcelJS.Workbook();
    const sent = workbook.addWorksheet('messages_sent');
    sent.addRow(['year', 'jan', 'feb', 'total']);
    sent.addRow([2002, 6_397_333, '10 267 169', { formula: 'B2+C2', result: 16_664_502 }]);
    const archived = workbook.addWorksheet('forms_archived');
    archived.addRow(['Year', 'Januar']);
    archived.addRow([]);
    archived.addRow([2002, 42]);
    const content = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await importUsageAggregates(admin, { fileName: 'rapport.xlsx', content });
    assert.deepEqual(lines(report), []);
    assert.deepEqual([report.imported, report.metrics], [3, ['forms_archived', 'messages_sent']]);
    assert.deepEqual(
      (await stored({ months: ['2002-01', '2002-02'] })).map((r) => [r.month, r.count, r.owner_id]),
      [
        ['2002-01', 6_397_333, ''],
        ['2002-02', 10_267_169, ''],
      ],
    );
    assert.deepEqual(
      (await stored({ months: ['2002-01'], metric: 'forms_archived' })).map((r) => r.count),
      [42],
    );

    const single = new ExcelJS.Workbook();
    single.addWorksheet('Ark1').addRow(['year', 'mar']);
    single.getWorksheet('Ark1')?.addRow([2002, 7]);
    const one = await importUsageAggregates(admin, {
      fileName: 'ark.xlsx',
      content: new Uint8Array(await single.xlsx.writeBuffer()),
      metric: 'consents',
    });
    assert.deepEqual([lines(one), one.imported], [[], 1]);
    const unnamed = await importUsageAggregates(admin, {
      fileName: 'ark.xlsx',
      content: new Uint8Array(await single.xlsx.writeBuffer()),
    });
    assert.deepEqual(lines(unnamed), [
      'sheet Ark1, row 1: unknown metric Ark1 (known: messages_sent, forms_archived, email_notifications, sms_notifications, authorizations, consents, altinn3_submissions)',
    ]);
  });

  it('reports every problem by row and column and imports nothing from a file with any', async () => {
    const before = (await importAudits()).length;
    const text = [
      'metric,year,month,count,owner,service',
      'messages_sent,2003,1,10,,', // valid, but the file has problems
      'hugs,2003,1,1,,',
      'messages_sent,1999,1,1,,',
      'messages_sent,2003,13,1,,',
      'messages_sent,2003,2,1.5,,',
      'messages_sent,2003,3,-4,,',
      'messages_sent,2003,4,1,nobody,',
      `messages_sent,2003,4,1,,${unique('nosuch')}`,
      `messages_sent,2003,5,1,${a.organisation.code},${b.service.resource_id}`,
      'messages_sent,2003,1,11,,',
      `messages_sent,2003,6,1,${operator.organisation.code},`,
    ].join('\n');
    const report = await run({ text });
    const service = text.split('\n')[8]?.split(',')[5];
    assert.deepEqual(lines(report), [
      'row 3, column metric: unknown metric hugs (known: messages_sent, forms_archived, email_notifications, sms_notifications, authorizations, consents, altinn3_submissions)',
      'row 4, column year: 1999 is outside 2000–2100',
      'row 5, column month: 13 is outside 1–12',
      'row 6, column count: 1.5 is not a whole number',
      'row 7, column count: -4 is negative; counts are 0 or more',
      'row 8, column owner: unknown organisation nobody',
      `row 9, column service: unknown service ${service}`,
      `row 10, column service: ${b.service.resource_id} is not a service of ${a.organisation.code}`,
      'row 11, column count: messages_sent 2003-01 is already given in row 2',
      `row 12, column owner: ${operator.organisation.code} is not a service owner`,
    ]);
    assert.equal(report.imported, 0);
    assert.deepEqual(await stored({ months: ['2003-01', '2003-02', '2003-03', '2003-04', '2003-05', '2003-06'] }), []);
    assert.equal((await importAudits()).length, before);
  });

  it('checks a total column against the months of its row', async () => {
    const report = await run({ metric: 'messages_sent', text: 'year,jan,feb,sum\n2004,1,2,3\n2005,1,2,4' });
    assert.deepEqual(lines(report), ['row 3, column sum: 4 is not the sum of the months (3)']);
  });

  it('writes nothing in a dry run but reports what it would import', async () => {
    const before = (await importAudits()).length;
    const report = await run({ metric: 'messages_sent', dryRun: true, text: 'year,jan,feb\n2006,1,2' });
    assert.deepEqual([report.dryRun, report.imported, report.errors], [true, 2, []]);
    assert.deepEqual(await stored({ months: ['2006-01', '2006-02'] }), []);
    assert.equal((await importAudits()).length, before);
  });

  it('replaces the count of a key on a new import instead of adding to it', async () => {
    await run({ metric: 'messages_sent', owner: b.organisation.code, text: 'year,jan,feb\n2007,1,2' });
    const again = await run({ metric: 'messages_sent', owner: b.organisation.code, text: 'year,jan,mar\n2007,10,30' });
    assert.deepEqual([again.imported, again.replaced], [2, 1]);
    assert.deepEqual(
      (await stored({ months: ['2007-01', '2007-02', '2007-03'] })).map((r) => [r.month, r.count]),
      [
        ['2007-01', 10],
        ['2007-02', 2],
        ['2007-03', 30],
      ],
    );
  });

  it('refuses figures for a closed month', async () => {
    await store.db
      .insertInto('usage_month_closures')
      .values({ month: '2008-02', closed_at: 1, closed_by: null })
      .execute();
    const report = await run({ metric: 'messages_sent', text: 'year,jan,feb\n2008,1,2' });
    assert.deepEqual(lines(report), [
      'row 2, column feb: 2008-02 is closed; a closed month changes only through an adjustment',
    ]);
    assert.deepEqual(await stored({ months: ['2008-01', '2008-02'] }), []);
  });

  it("writes one owner's figures without touching another owner's", async () => {
    const other = await createService(systemContext(store), {
      organisationId: b.organisation.id,
      name: 'Annen',
      platform: 'altinn2',
      resourceId: unique('annen'),
    });
    await run({
      text: `metric,year,month,count,owner,service\nmessages_sent,2009,1,7,${b.organisation.code},${other.resource_id}\nmessages_sent,2009,1,8,${b.organisation.code},`,
    });
    await run({ metric: 'messages_sent', owner: a.organisation.code, text: 'year,jan\n2009,99' });
    const rows = await stored({ months: ['2009-01'] });
    assert.deepEqual(
      rows
        .filter((r) => r.owner_id === b.organisation.id)
        .map((r) => [r.service_id, r.count])
        .sort(),
      [
        ['', 8],
        [other.id, 7],
      ].sort(),
    );
    assert.deepEqual(
      rows.filter((r) => r.owner_id === a.organisation.id).map((r) => [r.service_id, r.count]),
      [['', 99]],
    );
  });

  it('is for operator admins only', async () => {
    for (const userId of [
      a.users['owner-admin'].userId,
      operator.users['operator-agent'].userId,
      operator.users.auditor.userId,
    ]) {
      await assert.rejects(
        run({ metric: 'messages_sent', owner: a.organisation.code, text: 'year,jan\n2010,1' }, await as(userId)),
        (e: unknown) => e instanceof AppError && e.code === 'forbidden',
      );
    }
    assert.deepEqual(await stored({ months: ['2010-01'] }), []);
  });

  it('refuses files and options it cannot use, naming them', async () => {
    await rejects(
      importUsageAggregates(admin, { fileName: 'notes.pdf', content: csv('year,jan') }),
      'validation',
      'file',
      /^notes\.pdf: neither a CSV nor an XLSX file/,
    );
    await rejects(
      importUsageAggregates(admin, { fileName: 'data.csv', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) }),
      'validation',
      'file',
      /not a CSV file \(binary content/,
    );
    await rejects(
      importUsageAggregates(admin, { fileName: 'data.xlsx', content: csv('year,jan\n2024,1') }),
      'validation',
      'file',
      /not an XLSX file/,
    );
    await rejects(run({ metric: 'hugs', text: 'year,jan\n2024,1' }), 'validation', 'metric', /unknown metric hugs/);
    await rejects(
      run({ metric: 'messages_sent', owner: 'nobody', text: 'year,jan\n2024,1' }),
      'validation',
      'owner',
      /unknown organisation nobody/,
    );
    const empty = await run({ text: '\n\n' });
    assert.deepEqual(lines(empty), ['row 1: the file is empty']);
    assert.equal(empty.imported, 0);
  });
});
