import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTenant, type TestTenant } from '../../helpers/factories.ts';
import { jsonOutput, nivaEnv, runNiva } from '../../helpers/cli.ts';
import { pdfText } from '../../helpers/pdf-text.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

let store: TestStore;
let a: TestTenant;
let b: TestTenant;
let dir: string;

before(async () => {
  store = await createTestStore();
  a = await createTenant(store);
  b = await createTenant(store);
  dir = mkdtempSync(path.join(tmpdir(), 'niva-report-cli-'));
  await insertUsageRows(store, {
    imports: [
      { metric: 'consents', month: '2026-01', ownerId: a.organisation.id, count: 123_456 },
      { metric: 'consents', month: '2026-01', ownerId: b.organisation.id, count: 654_321 },
    ],
  });
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await store.destroy();
});

const env = () => nivaEnv(store);
const out = (name: string) => path.join(dir, name);

describe('niva report', () => {
  it('writes the platform report as a PDF whose text carries the figures', async () => {
    const result = await runNiva(
      ['report', '--month', '2026-01', '--format', 'pdf', '--out', out('platform.pdf'), '--json'],
      env(),
    );
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(jsonOutput(result), {
      month: '2026-01',
      owner: null,
      format: 'pdf',
      out: out('platform.pdf'),
      bytes: readFileSync(out('platform.pdf')).length,
      version: null,
    });
    const text = await pdfText(readFileSync(out('platform.pdf')));
    assert.match(text, /Servicerapport januar 2026/);
    assert.match(text, /777 777/, 'the platform total of both owners');
  });

  it("writes an owner's report with only its own figures and its share", async () => {
    const result = await runNiva(
      [
        'report',
        '--month',
        '2026-01',
        '--owner',
        a.organisation.code,
        '--format',
        'html',
        '--lang',
        'en',
        '--out',
        out('owner.html'),
      ],
      env(),
    );
    assert.equal(result.status, 0, result.stderr);
    const html = readFileSync(out('owner.html'), 'utf8');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /123,456/);
    assert.doesNotMatch(html, /654,321|777,777/, "another owner's and the platform's figures stay out");
    assert.match(html, /Share of the platform’s figure for January 2026: 15\.9 %/);
  });

  it('writes every table into one workbook, and one table as CSV', async () => {
    assert.equal(
      (await runNiva(['report', '--month', '2026-01', '--format', 'xlsx', '--out', out('r.xlsx')], env())).status,
      0,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out('r.xlsx'));
    assert.ok(workbook.worksheets.length > 10);
    const csv = await runNiva(
      ['report', '--month', '2026-01', '--format', 'csv', '--table', 'statistics-consents', '--out', out('c.csv')],
      env(),
    );
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(readFileSync(out('c.csv'), 'utf8'), /2026,777777,/);
  });

  it('archives a new version with --archive, numbered after the last', async () => {
    const first = jsonOutput(
      await runNiva(['report', '--month', '2026-01', '--archive', '--out', out('v1.pdf'), '--json'], env()),
    );
    const second = jsonOutput(
      await runNiva(['report', '--month', '2026-01', '--archive', '--out', out('v2.pdf'), '--json'], env()),
    );
    assert.equal((second.version as number) - (first.version as number), 1);
  });

  // A bad format and a month not yet begun are checked by the same code through the API (reports-api.test.ts).
  it('rejects bad input with one line naming the option and exit code 2', async () => {
    for (const [args, expected] of [
      [['--month', '2026-13'], /^niva: --month: expected YYYY-MM: 2026-13\n$/],
      [['--month', '2026-01', '--owner', 'nobody'], /^niva: --owner: no such owner\n$/],
      [['--month', '2026-01', '--format', 'csv'], /^niva: --table: required for CSV: one of /],
    ] as const) {
      const result = await runNiva(['report', ...args, '--out', out('bad.pdf')], env());
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, expected);
    }
  });
});
