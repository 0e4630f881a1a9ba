import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { type CliResult, jsonOutput, nivaEnv, runNiva } from '../../helpers/cli.ts';
import { createTenant, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, dialectUnderTest, type TestStore } from '../../helpers/test-store.ts';

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

/** The digest API token secrets are stored as, computed here independently of the code under test. */
function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function pgDumpOnPath(): boolean {
  return !spawnSync('pg_dump', ['--version'], { stdio: 'ignore' }).error;
}

/** A database of the test's own, dropped when the test ends: migrated unless told otherwise. */
async function storeFor(t: TestContext, options: { migrate?: boolean } = {}): Promise<TestStore> {
  const store = await createTestStore(options);
  t.after(() => store.destroy());
  return store;
}

/** A migrated database of the test's own holding one service owner (with its users and a token), to run commands on. */
async function tenantStore(t: TestContext): Promise<{ store: TestStore; tenant: TestTenant }> {
  const store = await storeFor(t);
  return { store, tenant: await createTenant(store) };
}

const niva = (store: TestStore, args: string[], extra: Record<string, string> = {}) =>
  runNiva(args, nivaEnv(store, extra));

// Every test makes the database it needs, so each passes alone and in any order.
describe('niva CLI', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'niva-cli-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('migrate --json applies the migrations once, then reports nothing applied', async (t) => {
    const store = await storeFor(t, { migrate: false });
    const first = assertSucceeds(await niva(store, ['migrate', '--json']));
    assert.ok(Array.isArray(first.applied) && first.applied.length > 0, JSON.stringify(first));
    const again = assertSucceeds(await niva(store, ['migrate', '--json']));
    assert.deepEqual(again, { applied: [] });
  });

  test('seed --demo --json fills an empty database, and only once', async (t) => {
    const store = await storeFor(t);
    const first = assertSucceeds(await niva(store, ['seed', '--demo', '--json']));
    assert.equal(first.seeded, true);
    assert.ok(Array.isArray(first.logins) && first.logins.includes('admin@skd.demo.niva.no'));
    const skd = await store.db
      .selectFrom('organisations')
      .select(['id', 'kind'])
      .where('code', '=', 'skd')
      .executeTakeFirstOrThrow();
    assert.equal(skd.kind, 'owner');
    const organisations = await store.db.selectFrom('organisations').select('id').execute();
    const again = assertSucceeds(await niva(store, ['seed', '--demo', '--json']));
    assert.equal(again.seeded, false);
    assert.equal((await store.db.selectFrom('organisations').select('id').execute()).length, organisations.length);
  });

  test('user add creates a member, and rejects a bad role, a bad e-mail and an unknown organisation in one line', async (t) => {
    const { store, tenant } = await tenantStore(t);
    const org = tenant.organisation.code;
    const added = assertSucceeds(
      await niva(store, [
        'user',
        'add',
        '--email',
        'x@y.no',
        '--name',
        'Ny Person',
        '--org',
        org,
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
    assert.deepEqual(membership, [{ userId: added.userId, name: 'Ny Person', role: 'owner-member', code: org }]);

    const base = ['user', 'add', '--name', 'Ny Person', '--json'];
    const [wizard, badEmail, noOrg] = await Promise.all([
      niva(store, [...base, '--email', 'w@y.no', '--org', org, '--role', 'wizard']),
      niva(store, [...base, '--email', 'not-an-email', '--org', org, '--role', 'owner-member']),
      niva(store, [...base, '--email', 'z@y.no', '--org', 'nosuch', '--role', 'owner-member']),
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

  test('token create prints the secret once; an unknown scope exits 2 naming --scopes', async (t) => {
    const { store, tenant } = await tenantStore(t);
    const org = tenant.organisation.code;
    const created = assertSucceeds(
      await niva(store, ['token', 'create', '--org', org, '--name', 'ci', '--scopes', 'services:read', '--json']),
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
    const secret = String(created.secret);
    assert.equal(row.secret_hash, sha256(secret), 'only the digest of the secret is stored');
    assert.notEqual(row.secret_hash, sha256(`${secret}x`), 'which is not the digest of another secret');

    const bad = await niva(store, [
      'token',
      'create',
      '--org',
      org,
      '--name',
      'ci',
      '--scopes',
      'services:read,services:destroy',
      '--json',
    ]);
    assertFails(bad, 2, '--scopes');
    assert.ok(bad.stderr.includes('services:destroy'));
  });

  test('audit verify --json: intact, then a tampered summary is found at its seq', async (t) => {
    const { store } = await tenantStore(t);
    const intact = assertSucceeds(await niva(store, ['audit', 'verify', '--json']));
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
    const tampered = await niva(store, ['audit', 'verify', '--json']);
    assert.equal(tampered.status, 1, tampered.stderr);
    const report = jsonOutput(tampered);
    assert.equal(report.ok, false);
    assert.deepEqual(report.fault, { kind: 'tampered', seq });
    assert.equal(report.checked, seq - 1);

    await store.db.updateTable('audit_events').set({ summary: original.summary }).where('seq', '=', seq).execute();
    assert.equal(assertSucceeds(await niva(store, ['audit', 'verify', '--json'])).ok, true);
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

  test(`backup FILE --json (${dialectUnderTest})`, async (t) => {
    const { store, tenant } = await tenantStore(t);
    const file = path.join(dir, dialectUnderTest === 'sqlite' ? 'backup.db' : 'backup.dump');
    if (dialectUnderTest === 'sqlite') {
      const written = assertSucceeds(await niva(store, ['backup', file, '--json']));
      assert.equal(written.ran, true);
      assert.equal(written.dialect, 'sqlite');
      const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
      try {
        const codes = copy.prepare('SELECT code FROM organisations ORDER BY code').pluck().all();
        const expected = (await store.db.selectFrom('organisations').select('code').orderBy('code').execute()).map(
          (r) => r.code,
        );
        assert.deepEqual(codes, expected);
        assert.ok(codes.includes(tenant.organisation.code));
      } finally {
        copy.close();
      }
    } else if (pgDumpOnPath()) {
      const written = assertSucceeds(await niva(store, ['backup', file, '--json']));
      assert.deepEqual(written, { ran: true, file, dialect: 'postgres' });
      assert.ok(statSync(file).size > 0);
    } else {
      const notRun = await niva(store, ['backup', file, '--json']);
      assert.equal(notRun.status, 1, notRun.stderr);
      const report = jsonOutput(notRun);
      assert.equal(report.ran, false);
      assert.match(String(report.command), /^pg_dump /);
      assert.equal(existsSync(file), false);
    }
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    assertFails(await niva(store, ['backup', file, '--json']), 2, '--force');
    assert.equal(statSync(file).size, size, 'the existing file is left alone');
    assert.equal(assertSucceeds(await niva(store, ['backup', file, '--force', '--json'])).ran, true);
  });

  test(
    'backup on PostgreSQL without pg_dump prints the command to run and exits 1',
    { skip: dialectUnderTest !== 'postgres' && 'PostgreSQL only' },
    async (t) => {
      const store = await storeFor(t);
      const file = path.join(dir, 'elsewhere.dump');
      const result = await niva(store, ['backup', file, '--json'], { PATH: path.join(dir, 'no-such-bin') });
      assert.equal(result.status, 1, result.stderr);
      const report = jsonOutput(result);
      assert.equal(report.ran, false);
      assert.ok(String(report.command).includes('pg_dump'), String(report.command));
      assert.ok(String(report.command).includes(file));
      assert.ok(!String(report.command).includes(store.url), 'the command does not leak the connection string');
      assert.equal(existsSync(file), false);
    },
  );

  test('bad configuration exits 2 with one line naming the variable', async (t) => {
    const store = await storeFor(t, { migrate: false });
    const [port, url] = await Promise.all([
      niva(store, ['migrate'], { PORT: 'notaport' }),
      niva(store, ['migrate'], { DATABASE_URL: 'mysql://x' }),
    ]);
    assertFails(port, 2, /^niva: PORT\b/);
    assertFails(url, 2, /^niva: DATABASE_URL\b/);
    assert.equal(port.stdout, '');
    assert.equal(url.stdout, '');
  });

  test('--help works for every operator-facing command', async (t) => {
    const store = await storeFor(t, { migrate: false });
    const commands = [['serve'], ['user', 'add'], ['token', 'create'], ['audit', 'verify'], ['backup']];
    const results = await Promise.all(commands.map((command) => niva(store, [...command, '--help'])));
    results.forEach((result, i) => {
      const name = (commands[i] ?? []).join(' ');
      assert.equal(result.status, 0, `${name}: ${result.stderr}`);
      assert.ok(result.stdout.includes('Usage'), `${name}: ${result.stdout}`);
      assert.ok(result.stdout.includes(`niva ${name}`), `${name}: ${result.stdout}`);
      assert.doesNotMatch(result.stderr, /^ {4}at /m);
    });
  });
});
