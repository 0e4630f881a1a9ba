import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { jsonOutput, nivaEnv, runNiva } from '../../helpers/cli.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let env: NodeJS.ProcessEnv;
const dir = mkdtempSync(path.join(os.tmpdir(), 'niva-support-'));

before(async () => {
  store = await createTestStore();
  env = nivaEnv(store);
});
after(async () => {
  await store.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const calls = file(
  'calls.csv',
  [
    'line,external_id,queued_at,answered_at,abandoned,callback',
    'brukerservice,c1,2026-01-05T09:00:00+01:00,2026-01-05T09:01:00+01:00,0,0',
    'brukerservice,c2,2026-01-05T09:05:00+01:00,2026-01-05T09:07:00+01:00,0,0',
    'brukerservice,c3,2026-01-05T09:10:00+01:00,,1,0',
    'brukerservice,c4,2026-01-05T09:20:00+01:00,2026-01-05T10:00:00+01:00,0,1',
  ].join('\n'),
);
// Semicolons, as a spreadsheet in a Norwegian locale writes them; optional columns left out.
const emails = file(
  'emails.csv',
  'line;external_id;received_at;first_answer_at\nbrukerservice;e1;2026-01-05T09:00:00+01:00;2026-01-05T12:00:00+01:00\nbrukerservice;e2;2026-01-06T09:00:00+01:00;\n',
);

const count = async (table: 'support_calls' | 'support_emails') =>
  (await store.db.selectFrom(table).select('id').execute()).length;

describe('niva support', () => {
  it('imports calls: a dry run first, then for real, then again without duplicates', async () => {
    const dry = await runNiva(['support', 'import-calls', calls, '--dry-run', '--json'], env);
    assert.equal(dry.status, 0, dry.stderr);
    assert.deepEqual(jsonOutput(dry), { dryRun: true, records: 4, inserted: 4, skipped: 0 });
    assert.equal(await count('support_calls'), 0);
    const real = await runNiva(['support', 'import-calls', calls], env);
    assert.equal(real.status, 0, real.stderr);
    assert.match(real.stdout, /imported 4 calls; 0 already imported/);
    const again = await runNiva(['support', 'import-calls', calls, '--json'], env);
    assert.deepEqual(jsonOutput(again), { dryRun: false, records: 4, inserted: 0, skipped: 4 });
    const emailed = await runNiva(['support', 'import-emails', emails, '--json'], env);
    assert.deepEqual(jsonOutput(emailed), { dryRun: false, records: 2, inserted: 2, skipped: 0 });
  });

  it('prints a month’s KPIs', async () => {
    const result = await runNiva(['support', 'kpis', '--month', '2026-01', '--json'], env);
    assert.equal(result.status, 0, result.stderr);
    const items = jsonOutput(result).items as {
      period: string;
      kpis: { id: string; shown: number | null; met: boolean | null }[];
    }[];
    assert.deepEqual(
      items.map((p) => p.period),
      ['2026-01'],
    );
    // Waits of 60 s and 120 s: 90 s; 2 of 4 answered directly.
    assert.deepEqual(items[0]?.kpis.map((k) => [k.id, k.shown, k.met]).slice(0, 4), [
      ['phone-wait', 90, false],
      ['phone-answer-rate', 50, false],
      ['phone-callbacks', 1, null],
      ['emails', 2, null],
    ]);
    const weeks = await runNiva(['support', 'kpis', '--month', '2026-01', '--weeks'], env);
    assert.equal(weeks.status, 0, weeks.stderr);
    assert.match(weeks.stdout, /^2026-W02 brukerservice: phone-wait 90 s \(not met\)/m);
  });

  const bad: [string, string[], RegExp][] = [
    [
      'an answer before the queue',
      [
        'import-calls',
        file(
          'backwards.csv',
          'line,external_id,queued_at,answered_at\nbrukerservice,x1,2026-01-05T09:00:00+01:00,2026-01-05T09:01:00+01:00\nbrukerservice,x2,2026-01-05T09:00:00+01:00,2026-01-05T08:00:00+01:00\n',
        ),
      ],
      /^niva: row 3, column answered_at: is before queued_at\n$/,
    ],
    [
      'a bad flag',
      [
        'import-calls',
        file('flag.csv', 'line,external_id,queued_at,abandoned\nbrukerservice,x3,2026-01-05T09:00:00+01:00,kanskje\n'),
      ],
      /^niva: row 2, column abandoned: expected 0 or 1/,
    ],
    [
      'a bad instant',
      ['import-emails', file('instant.csv', 'line,external_id,received_at\nbrukerservice,x4,igår\n')],
      /^niva: row 2, column received_at: not an ISO 8601 instant/,
    ],
    [
      'a missing column',
      ['import-calls', file('missing.csv', 'line,external_id\nbrukerservice,x5\n')],
      /missing\.csv: missing column queued_at/,
    ],
    [
      'an unknown column',
      ['import-emails', file('unknown.csv', 'line,external_id,received_at,subject\n')],
      /unknown\.csv: unknown column subject/,
    ],
    ['no such file', ['import-calls', path.join(dir, 'nope.csv')], /nope\.csv: no such file/],
    ['a bad month', ['kpis', '--month', '2026-13'], /^niva: --month: expected YYYY-MM/],
    [
      'a bad line',
      ['kpis', '--month', '2026-01', '--line', 'sentralbord'],
      /^niva: --line: expected one of brukerservice, servicedesk/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with one line and exit code 2, writing nothing`, async () => {
      const before = await count('support_calls');
      const result = await runNiva(['support', ...args], env);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
      assert.equal(await count('support_calls'), before);
    });
  }
});
