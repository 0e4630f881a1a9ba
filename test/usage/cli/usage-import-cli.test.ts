import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTenant, type TestTenant } from '../../helpers/factories.ts';
import { jsonOutput, nivaEnv, runNiva } from '../../helpers/cli.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let a: TestTenant;
const dir = mkdtempSync(path.join(tmpdir(), 'niva-usage-'));

before(async () => {
  store = await createTestStore();
  a = await createTenant(store);
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await store.destroy();
});

const env = () => nivaEnv(store);

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

async function counts(month: string): Promise<number[]> {
  const rows = await store.db.selectFrom('usage_monthly_imports').select('count').where('month', '=', month).execute();
  return rows.map((r) => Number(r.count));
}

describe('niva usage import', () => {
  it('imports a wide CSV for an owner and prints a summary', async () => {
    const result = await runNiva(
      [
        'usage',
        'import',
        file('wide.csv', 'year;jan;feb\n2011;6397 333;2\n'),
        '--metric',
        'messages_sent',
        '--owner',
        a.organisation.code,
      ],
      env(),
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      'wide.csv: 1 row, imported 2 figures (0 replacing earlier ones) for 2 months (2011-01 – 2011-02); metrics messages_sent\n',
    );
    assert.deepEqual(await counts('2011-01'), [6_397_333]);
  });

  it('prints the JSON summary, and writes nothing in a dry run', async () => {
    const result = await runNiva(
      ['usage', 'import', file('long.csv', 'metric,year,month,count\nconsents,2012,3,12\n'), '--dry-run', '--json'],
      env(),
    );
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(jsonOutput(result), {
      file: 'long.csv',
      shape: 'long',
      dryRun: true,
      rows: 1,
      imported: 1,
      replaced: 0,
      months: ['2012-03'],
      metrics: ['consents'],
      errors: [],
    });
    assert.deepEqual(await counts('2012-03'), []);
  });

  it('imports an XLSX workbook with a sheet per metric', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('sms_notifications').addRows([
      ['year', 'des'],
      [2013, 77],
    ]);
    const result = await runNiva(
      ['usage', 'import', file('rapport.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer())), '--json'],
      env(),
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(jsonOutput(result).imported, 1);
    assert.deepEqual(await counts('2013-12'), [77]);
  });

  it('exits 1 with one line per problem, at most 50 of them, and imports nothing', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `messages_sent,2014,${i % 2 === 0 ? 13 : 1},${i}`);
    const result = await runNiva(
      ['usage', 'import', file('bad.csv', `metric,year,month,count\n${rows.join('\n')}\n`)],
      env(),
    );
    assert.equal(result.status, 1, result.stderr);
    const out = result.stdout.trimEnd().split('\n');
    assert.equal(out[0], 'row 2, column month: 13 is outside 1–12');
    assert.equal(out[1], 'row 4, column month: 13 is outside 1–12');
    assert.equal(out.length, 52);
    assert.equal(out[50], '… and 9 more');
    assert.equal(out[51], 'bad.csv: 59 problems; nothing was imported');
    assert.deepEqual(await counts('2014-01'), []);

    const json = await runNiva(['usage', 'import', path.join(dir, 'bad.csv'), '--json'], env());
    assert.equal(json.status, 1);
    const errors = jsonOutput(json).errors as unknown[];
    assert.equal(errors.length, 59);
    assert.deepEqual(errors[0], { sheet: null, row: 2, column: 'month', problem: '13 is outside 1–12' });
  });

  it('exits 2 with one line for a file that is neither CSV nor XLSX, or a bad option', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['usage', 'import', file('notes.pdf', '%PDF-1.7')],
        /^niva: notes\.pdf: neither a CSV nor an XLSX file \(\.csv or \.xlsx\)\n$/,
      ],
      [
        ['usage', 'import', file('image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))],
        /^niva: image\.csv: not a CSV file \(binary content; save the sheet as CSV UTF-8 or \.xlsx\)\n$/,
      ],
      [
        ['usage', 'import', file('fake.xlsx', 'year,jan')],
        /^niva: fake\.xlsx: not an XLSX file \(save the workbook as \.xlsx\)\n$/,
      ],
      [['usage', 'import', path.join(dir, 'missing.csv')], /^niva: .*missing\.csv: no such file\n$/],
      [
        ['usage', 'import', file('ok.csv', 'year,jan\n2015,1'), '--metric', 'hugs'],
        /^niva: metric: unknown metric hugs/,
      ],
    ];
    for (const [args, stderr] of cases) {
      const result = await runNiva(args, env());
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, stderr);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
      assert.equal(result.stdout, '');
    }
  });
});
