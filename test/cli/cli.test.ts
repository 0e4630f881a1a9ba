import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { type CliResult, jsonOutput, nivaEnv, runNiva } from '../support/cli.ts';
import { createTenant } from '../support/factories.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../support/test-store.ts';

/** A failed command: the expected exit code, exactly one line on stderr naming `mentions`, and never a stack trace. */
function assertFails(result: CliResult, code: number, mentions: string | RegExp): string {
  assert.equal(result.status, code, `exit status (stdout: ${result.stdout}, stderr: ${result.stderr})`);
  assert.doesNotMatch(result.stderr, /^ {4}at /m, 'no stack trace');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got: ${result.stderr}`);
  const line = lines[0] ?? '';
  if (typeof mentions === 'string') assert.ok(line.includes(mentions), `stderr names ${mentions}: ${line}`);
  else assert.match(line, mentions);
  return line;
}

function assertSucceeds(result: CliResult): Record<string, unknown> {
  assert.equal(result.status, 0, `exit status (stdout: ${result.stdout}, stderr: ${result.stderr})`);
  assert.equal(result.stderr, '');
  return jsonOutput(result);
}

function pgDumpOnPath(): boolean {
  return !spawnSync('pg_dump', ['--version'], { stdio: 'ignore' }).error;
}

describe('niva CLI', () => {
  let store: TestStore;
  let dir: string;
  const niva = (args: string[], extra: Record<string, string> = {}) => runNiva(args, nivaEnv(store, extra));

  before(async () => {
    store = await createTestStore({ migrate: false });
    dir = mkdtempSync(path.join(tmpdir(), 'niva-cli-'));
  });
  after(async () => {
    await store.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('migrate --json applies the migrations once, then reports nothing applied', async () => {
    const first = assertSucceeds(await niva(['migrate', '--json']));
    assert.ok(Array.isArray(first.applied) && first.applied.length > 0, JSON.stringify(first));
    const again = assertSucceeds(await niva(['migrate', '--json']));
    assert.deepEqual(again, { applied: [] });
  });

  test('seed --demo --json fills an empty database, and only once', async () => {
    const first = assertSucceeds(await niva(['seed', '--demo', '--json']));
    assert.equal(first.seeded, true);
    assert.ok(Array.isArray(first.logins) && first.logins.includes('admin@skd.demo.niva.no'));
    const skd = await store.db
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('code', '=', 'skd')
      .executeTakeFirstOrThrow();
    assert.equal(skd.kind, 'owner');
    const organisations = await store.db.selectFrom('organisations').select('id').execute();
    const again = assertSucceeds(await niva(['seed', '--demo', '--json']));
    assert.equal(again.seeded, false);
    assert.equal((await store.db.selectFrom('organisations').select('id').execute()).length, organisations.length);
  });

  test('user add creates a member, and rejects a bad role, a bad e-mail and an unknown organisation in one line', async () => {
    const added = assertSucceeds(
      await niva([
        'user',
        'add',
        '--email',
        'x@y.no',
        '--name',
        'Ny Person',
        '--org',
        'skd',
        '--role',
        'owner-member',
        '--json',
      ]),
    );
    assert.equal(added.created, true);
    assert.equal(typeof added.userId, 'string');
    const membership = await store.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select(['users.id as userId', 'users.name', 'memberships.role', 'organisations.code'])
      .where('users.email', '=', 'x@y.no')
      .execute();
    assert.deepEqual(membership, [{ userId: added.userId, name: 'Ny Person', role: 'owner-member', code: 'skd' }]);

    const base = ['user', 'add', '--name', 'Ny Person', '--json'];
    const [wizard, badEmail, noOrg] = await Promise.all([
      niva([...base, '--email', 'w@y.no', '--org', 'skd', '--role', 'wizard']),
      niva([...base, '--email', 'not-an-email', '--org', 'skd', '--role', 'owner-member']),
      niva([...base, '--email', 'z@y.no', '--org', 'nosuch', '--role', 'owner-member']),
    ]);
    assertFails(wizard, 2, '--role');
    assertFails(badEmail, 2, 'email');
    assertFails(noOrg, 2, /not found/);
    for (const failed of [wizard, badEmail, noOrg]) assert.equal(failed.stdout, '');
    const strays = await store.db
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['w@y.no', 'not-an-email', 'z@y.no'])
      .execute();
    assert.deepEqual(strays, []);
  });

  test('token create prints the secret once; an unknown scope exits 2 naming --scopes', async () => {
    const created = assertSucceeds(
      await niva(['token', 'create', '--org', 'skd', '--name', 'ci', '--scopes', 'services:read', '--json']),
    );
    assert.equal(typeof created.secret, 'string');
    assert.ok(String(created.secret).startsWith('niva_'), String(created.secret));
    assert.deepEqual(created.scopes, ['services:read']);
    const row = await store.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', String(created.id))
      .executeTakeFirstOrThrow();
    assert.equal(row.name, 'ci');
    assert.equal(row.scopes, 'services:read');
    assert.notEqual(row.secret_hash, created.secret, 'only a hash of the secret is stored');

    const bad = await niva([
      'token',
      'create',
      '--org',
      'skd',
      '--name',
      'ci',
      '--scopes',
      'services:read,services:destroy',
      '--json',
    ]);
    assertFails(bad, 2, '--scopes');
    assert.ok(bad.stderr.includes('services:destroy'));
  });

  test('audit verify --json: intact, then a tampered summary is found at its seq', async () => {
    const intact = assertSucceeds(await niva(['audit', 'verify', '--json']));
    assert.equal(intact.ok, true);
    assert.equal(intact.fault, null);
    const head = await store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    assert.equal(intact.checked, head.seq);

    const seq = Math.ceil(head.seq / 2);
    const original = await store.db
      .selectFrom('audit_events')
      .select('summary')
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('audit_events')
      .set({ summary: JSON.stringify({ note: 'nothing to see here' }) })
      .where('seq', '=', seq)
      .execute();
    const tampered = await niva(['audit', 'verify', '--json']);
    assert.equal(tampered.status, 1, tampered.stderr);
    const report = jsonOutput(tampered);
    assert.equal(report.ok, false);
    assert.deepEqual(report.fault, { kind: 'tampered', seq });
    assert.equal(report.checked, seq - 1);

    await store.db.updateTable('audit_events').set({ summary: original.summary }).where('seq', '=', seq).execute();
    assert.equal(assertSucceeds(await niva(['audit', 'verify', '--json'])).ok, true);
  });

  test('audit verify finds a deleted middle row (missing) and a deleted last row (truncated)', async () => {
    const [middle, last] = await Promise.all([createTestStore(), createTestStore()]);
    try {
      await Promise.all([createTenant(middle), createTenant(last)]);
      const middleHead = await middle.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
      const lastHead = await last.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
      assert.ok(middleHead.seq >= 3, 'a tenant leaves several audit events');
      const gap = Math.ceil(middleHead.seq / 2);
      await middle.db.deleteFrom('audit_events').where('seq', '=', gap).execute();
      await last.db.deleteFrom('audit_events').where('seq', '=', lastHead.seq).execute();

      const [missing, truncated] = await Promise.all([
        runNiva(['audit', 'verify', '--json'], nivaEnv(middle)),
        runNiva(['audit', 'verify', '--json'], nivaEnv(last)),
      ]);
      assert.equal(missing.status, 1, missing.stderr);
      assert.deepEqual(jsonOutput(missing).fault, { kind: 'missing', seq: gap });
      assert.equal(truncated.status, 1, truncated.stderr);
      assert.deepEqual(jsonOutput(truncated).fault, { kind: 'truncated', seq: lastHead.seq });

      const human = await runNiva(['audit', 'verify'], nivaEnv(last));
      assert.equal(human.status, 1);
      assert.match(human.stdout, new RegExp(`BROKEN at seq ${lastHead.seq}: truncated`));
      assert.doesNotMatch(human.stderr, /^ {4}at /m);
    } finally {
      await Promise.all([middle.destroy(), last.destroy()]);
    }
  });

  test(`backup FILE --json (${dialectUnderTest})`, async () => {
    const file = path.join(dir, dialectUnderTest === 'sqlite' ? 'backup.db' : 'backup.dump');
    if (dialectUnderTest === 'sqlite') {
      const written = assertSucceeds(await niva(['backup', file, '--json']));
      assert.equal(written.ran, true);
      assert.equal(written.dialect, 'sqlite');
      const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
      try {
        const codes = copy.prepare('SELECT code FROM organisations ORDER BY code').pluck().all();
        const expected = (await store.db.selectFrom('organisations').select('code').orderBy('code').execute()).map(
          (r) => r.code,
        );
        assert.deepEqual(codes, expected);
        assert.ok(codes.includes('skd'));
      } finally {
        copy.close();
      }
    } else if (pgDumpOnPath()) {
      const written = assertSucceeds(await niva(['backup', file, '--json']));
      assert.deepEqual(written, { ran: true, file, dialect: 'postgres' });
      assert.ok(statSync(file).size > 0);
    } else {
      const notRun = await niva(['backup', file, '--json']);
      assert.equal(notRun.status, 1, notRun.stderr);
      const report = jsonOutput(notRun);
      assert.equal(report.ran, false);
      assert.match(String(report.command), /^pg_dump /);
      assert.equal(existsSync(file), false);
    }
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    assertFails(await niva(['backup', file, '--json']), 2, '--force');
    assert.equal(statSync(file).size, size, 'the existing file is left alone');
    assert.equal(assertSucceeds(await niva(['backup', file, '--force', '--json'])).ran, true);
  });

  test(
    'backup on PostgreSQL without pg_dump prints the command to run and exits 1',
    { skip: dialectUnderTest !== 'postgres' && 'PostgreSQL only' },
    async () => {
      const file = path.join(dir, 'elsewhere.dump');
      const result = await niva(['backup', file, '--json'], { PATH: path.join(dir, 'no-such-bin') });
      assert.equal(result.status, 1, result.stderr);
      const report = jsonOutput(result);
      assert.equal(report.ran, false);
      assert.ok(String(report.command).includes('pg_dump'), String(report.command));
      assert.ok(String(report.command).includes(file));
      assert.ok(!String(report.command).includes(store.url), 'the command does not leak the connection string');
      assert.equal(existsSync(file), false);
    },
  );

  test('bad configuration exits 2 with one line naming the variable', async () => {
    const [port, url] = await Promise.all([
      niva(['migrate'], { PORT: 'notaport' }),
      niva(['migrate'], { DATABASE_URL: 'mysql://x' }),
    ]);
    assertFails(port, 2, /^niva: PORT\b/);
    assertFails(url, 2, /^niva: DATABASE_URL\b/);
    assert.equal(port.stdout, '');
    assert.equal(url.stdout, '');
  });

  test('--help works for every operator-facing command', async () => {
    const commands = [['serve'], ['user', 'add'], ['token', 'create'], ['audit', 'verify'], ['backup']];
    const results = await Promise.all(commands.map((command) => niva([...command, '--help'])));
    results.forEach((result, i) => {
      const name = (commands[i] ?? []).join(' ');
      assert.equal(result.status, 0, `${name}: ${result.stderr}`);
      assert.ok(result.stdout.includes('Usage'), `${name}: ${result.stdout}`);
      assert.ok(result.stdout.includes(`niva ${name}`), `${name}: ${result.stdout}`);
      assert.doesNotMatch(result.stderr, /^ {4}at /m);
    });
  });
});
