import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { scanCaseAlerts } from '../../../src/modules/cases/services/scan-case-alerts.ts';
import { type CliResult, jsonOutput, nivaEnv, runNiva } from '../../helpers/cli.ts';
import { createTenant, systemContext } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

const header =
  'external_id,type,category,owner,title,registered_at,work_started_at,workaround_at,resolved_at,feedback_at';

/** A failed command: the exit code, one line on stderr naming `mentions`, nothing on stdout, no stack trace. */
function assertUsageError(result: CliResult, mentions: string): void {
  assert.equal(result.status, 2, `exit status (stdout: ${result.stdout}, stderr: ${result.stderr})`);
  assert.equal(result.stdout, '');
  assert.doesNotMatch(result.stderr, /^ {4}at /m, 'no stack trace');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got: ${result.stderr}`);
  assert.ok(lines[0]?.includes(mentions), `stderr names ${mentions}: ${result.stderr}`);
}

interface Sla {
  policy: string;
  due: string | null;
  state: string;
}
interface Listed {
  externalId: string;
  reference: string;
  type: string;
  category: string | null;
  owner: string | null;
  status: string;
  sla: Sla[];
}

function listOutput(result: CliResult): Listed[] {
  assert.equal(result.status, 0, result.stderr);
  const value: unknown = JSON.parse(result.stdout);
  assert.ok(Array.isArray(value), result.stdout);
  return value as Listed[];
}

/** The clocks that apply, by policy; the not-applicable ones of other categories are left out. */
function applying(listed: Listed | undefined): Record<string, Omit<Sla, 'policy'>> {
  assert.ok(listed, 'case is listed');
  return Object.fromEntries(
    listed.sla.filter((s) => s.state !== 'not-applicable').map((s) => [s.policy, { due: s.due, state: s.state }]),
  );
}

describe('niva case import, list and recompute', () => {
  let store: TestStore;
  let dir: string;
  let a: string;
  let b: string;
  const niva = (args: string[]) => runNiva(args, nivaEnv(store));
  const csv = (name: string, text: string | Buffer): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const count = async (table: 'cases' | 'case_events' | 'audit_events' | 'jobs'): Promise<number> =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    store = await createTestStore();
    dir = mkdtempSync(path.join(tmpdir(), 'niva-case-cli-'));
    a = (await createTenant(store)).organisation.code;
    b = (await createTenant(store)).organisation.code;
  });
  after(async () => {
    await store.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  test('import registers incidents A/B/C and a support request with their history, and no notices', async () => {
    const file = csv(
      'cases.csv',
      [
        header,
        `T-A,incident,A,${a},Innsending feiler,2026-03-07T22:00:00+01:00,2026-03-07T22:40:00+01:00,,2026-03-08T09:00:00+01:00,2026-03-08T09:05:00+01:00`,
        `T-B,incident,B,${b},Treg innlogging,2026-03-27T15:30:00+01:00,2026-03-30T09:30:00+02:00,,2026-03-30T14:00:00+02:00,2026-03-30T14:00:00+02:00`,
        `T-C,incident,C,${a},Feil i kvittering,2026-05-13T11:20:00+02:00,2026-05-15T09:00:00+02:00,,2026-05-19T14:30:00+02:00,`,
        `T-S,support-request,,${b},Tilgang for regnskapsfører,2026-04-03T09:00:00+02:00,,,,`,
        '',
      ].join('\n'),
    );
    const jobs = await count('jobs');
    const result = await niva(['case', 'import', file, '--json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(jsonOutput(result), { imported: 4, unchanged: 0, failed: 0, errors: [] });
    assert.equal(await count('jobs'), jobs, 'imported history queues no notices');
    // Deadlines passed before the import are old news, also for the support request that has no events of its own.
    assert.deepEqual(await scanCaseAlerts(systemContext(store, fixedClock(Date.now()))), { atRisk: 0, breached: 0 });
    assert.equal(await count('jobs'), jobs, 'and no alerts either');

    const c = await store.db.selectFrom('cases').selectAll().where('external_id', '=', 'T-C').executeTakeFirstOrThrow();
    assert.equal(c.channel, 'import');
    const events = await store.db
      .selectFrom('case_events')
      .select(['type', 'at'])
      .where('case_id', '=', c.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      ['registered', 'work-started', 'resolved'],
    );
  });

  test('list --json --at shows every imported case with its clocks evaluated then', async () => {
    const listed = listOutput(await niva(['case', 'list', '--json', '--at', '2026-06-01T12:00:00+02:00']));
    const by = new Map(listed.map((l) => [l.externalId, l]));
    assert.deepEqual([...by.keys()].sort(), ['T-A', 'T-B', 'T-C', 'T-S']);
    const ta = by.get('T-A');
    assert.deepEqual(
      { type: ta?.type, category: ta?.category, owner: ta?.owner, status: ta?.status },
      { type: 'incident', category: 'A', owner: a, status: 'resolved' },
    );
    assert.match(ta?.reference ?? '', /^NIVA-\d+$/);
    assert.deepEqual(ta?.sla.map((s) => s.policy).sort(), [
      'incident-a-start',
      'incident-b-start',
      'incident-c-resolve',
      'incident-feedback',
    ]);
    // A: one hour around the clock. B: Friday 15:30 uses the last 15 minutes before the 15:45 closing, then 45
    // minutes from Monday's 08:00 opening (after the DST change, so +02:00); work started 09:30 is late.
    assert.deepEqual(applying(ta), {
      'incident-a-start': { due: '2026-03-07T23:00:00+01:00', state: 'met' },
      'incident-feedback': { due: null, state: 'met' },
    });
    assert.deepEqual(applying(by.get('T-B')), {
      'incident-b-start': { due: '2026-03-30T08:45:00+02:00', state: 'breached' },
      'incident-feedback': { due: null, state: 'met' },
    });
    // C on Wednesday 13 May: Thursday 14 May is Ascension Day, so Fri 15, Mon 18, Tue 19 May, closing at 15:00 in
    // summer hours. Resolved 14:30 that day is in time; the reporter was never told, so feedback is at risk.
    assert.deepEqual(applying(by.get('T-C')), {
      'incident-c-resolve': { due: '2026-05-19T15:00:00+02:00', state: 'met' },
      'incident-feedback': { due: null, state: 'at-risk' },
    });
    // Support request on Good Friday: Easter Monday is closed too, so Tue 7, Wed 8, Thu 9 April at 15:45; never answered.
    const ts = by.get('T-S');
    assert.deepEqual(
      { type: ts?.type, category: ts?.category, owner: ts?.owner, status: ts?.status },
      { type: 'support-request', category: null, owner: b, status: 'registered' },
    );
    assert.deepEqual(ts?.sla, [
      { policy: 'support-portal-reply', due: '2026-04-09T15:45:00+02:00', state: 'breached' },
    ]);
  });

  test('list filters by owner and state, evaluates at an earlier --at, pages through everything, and prints a table', async () => {
    const [open, closed, ofA, early, limited, table] = await Promise.all([
      niva(['case', 'list', '--json', '--state', 'open']),
      niva(['case', 'list', '--json', '--state', 'closed']),
      niva(['case', 'list', '--json', '--owner', a]),
      niva(['case', 'list', '--json', '--owner', b, '--state', 'open', '--at', '2026-04-08T12:00:00+02:00']),
      niva(['case', 'list', '--json', '--limit', '3']),
      niva(['case', 'list', '--owner', b, '--at', '2026-06-01T12:00:00+02:00']),
    ]);
    // T-C is resolved, but its reporter has not been told: the duty keeps it among the open cases.
    assert.deepEqual(
      listOutput(open).map((l) => l.externalId),
      ['T-C', 'T-S'],
    );
    assert.deepEqual(
      listOutput(closed)
        .map((l) => l.externalId)
        .sort(),
      ['T-A', 'T-B'],
    );
    assert.deepEqual(
      listOutput(ofA)
        .map((l) => l.externalId)
        .sort(),
      ['T-A', 'T-C'],
    );
    assert.deepEqual(listOutput(early)[0]?.sla, [
      { policy: 'support-portal-reply', due: '2026-04-09T15:45:00+02:00', state: 'running' },
    ]);
    assert.equal(listOutput(limited).length, 3);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^REFERENCE\s+EXTERNAL ID\s+TYPE/);
    assert.match(
      table.stdout,
      /T-S\s+support-request\s+-\s+\S+\s+registered\s+support-portal-reply breached \(due 2026-04-09T15:45:00\+02:00\)/,
    );
    assert.match(table.stdout, /T-B\s+incident\s+B/);

    const [unknown, badState, badAt] = await Promise.all([
      niva(['case', 'list', '--json', '--owner', 'nosuch']),
      niva(['case', 'list', '--state', 'pending']),
      niva(['case', 'list', '--at', 'yesterday']),
    ]);
    assertUsageError(unknown, '--owner: unknown organisation nosuch');
    assertUsageError(badState, '--state');
    assertUsageError(badAt, '--at');
  });

  test('importing the same file again leaves every case unchanged', async () => {
    const before = await count('cases');
    const result = await niva(['case', 'import', path.join(dir, 'cases.csv')]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'imported 0, unchanged 4, failed 0\n');
    assert.equal(await count('cases'), before);
  });

  const badRows = () => [
    header,
    `BAD-1,incident,B,nosuch,Ukjent eier,2026-03-02T10:00:00+01:00,,,,`,
    `BAD-2,incident,,${a},Mangler kategori,2026-03-02T10:00:00+01:00,,,,`,
    `BAD-3,support-request,C,${a},Kategori på brukerstøtte,2026-03-02T10:00:00+01:00,,,,`,
    `BAD-4,incident,C,${a},Løst før registrert,2026-03-02T10:00:00+01:00,,,2026-03-01T10:00:00+01:00,`,
    `BAD-5,incident,A,${a},"Dårlig tidspunkt, og en beskrivelse`,
    `over to linjer",2026-03-02 kl 10,,,,`,
    `BAD-6,incident-report,,${a},Ukjent type,2026-03-02T10:00:00+01:00,,,,`,
    `BAD-7,support-request,,${b},To feil,2026-03-02T10:00:00+01:00,,2026-03-03T10:00:00+01:00,,3. mars`,
    `OK-1,incident,C,${a},Gyldig rad,2026-03-02T10:00:00+01:00,,,2026-03-03T10:00:00+01:00,2026-03-03T10:00:00+01:00`,
  ];
  const expectedProblems = [
    'row 2, column owner: unknown organisation nosuch',
    'row 3, column category: is empty; an incident needs category A, B or C',
    'row 4, column category: a support-request has no category; leave it empty',
    'row 5, column resolved_at: is before registered_at',
    // A title is one line; the quoted line break is refused beside the bad instant.
    'row 6, column title: contains a control character',
    'row 6, column registered_at: not an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00): 2026-03-02 kl 10',
    'row 8, column type: unknown type incident-report; one of incident, support-request, change-request, deletion-request, deactivation-order',
    'row 9, column workaround_at: a support-request has no workaround event; leave it empty',
    'row 9, column feedback_at: not an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00): 3. mars',
  ];

  test('--dry-run reports every problem as row/column lines, exits 1, and writes nothing', async () => {
    const file = csv('bad.csv', badRows().join('\r\n'));
    const counts = await Promise.all([count('cases'), count('case_events'), count('audit_events'), count('jobs')]);
    const [human, json] = await Promise.all([
      niva(['case', 'import', file, '--dry-run']),
      niva(['case', 'import', file, '--dry-run', '--json']),
    ]);
    assert.equal(human.status, 1, human.stderr);
    assert.equal(human.stderr, '');
    assert.deepEqual(human.stdout.trimEnd().split('\n'), [
      ...expectedProblems,
      'imported 1, unchanged 0, failed 7 (dry run: nothing was written)',
    ]);
    assert.equal(json.status, 1);
    const report = jsonOutput(json);
    assert.deepEqual({ ...report, errors: undefined }, { imported: 1, unchanged: 0, failed: 7, errors: undefined });
    assert.deepEqual(
      (report.errors as { row: number; column: string; problem: string }[]).map(
        (e) => `row ${e.row}, column ${e.column}: ${e.problem}`,
      ),
      expectedProblems,
    );
    assert.deepEqual(
      await Promise.all([count('cases'), count('case_events'), count('audit_events'), count('jobs')]),
      counts,
    );
  });

  test('a real run imports the valid rows, reports and skips the others exactly as the dry run did, and exits 1', async () => {
    const file = path.join(dir, 'bad.csv');
    const [dry, real] = [
      await niva(['case', 'import', file, '--dry-run', '--json']),
      await niva(['case', 'import', file, '--json']),
    ];
    assert.equal(real.status, 1, real.stderr);
    assert.deepEqual(jsonOutput(real), jsonOutput(dry));
    const imported = await store.db
      .selectFrom('cases')
      .select('external_id')
      .where((eb) => eb.or([eb('external_id', 'like', 'BAD-%'), eb('external_id', '=', 'OK-1')]))
      .execute();
    assert.deepEqual(
      imported.map((r) => r.external_id),
      ['OK-1'],
    );
    const again = await niva(['case', 'import', file]);
    assert.equal(again.status, 1);
    assert.equal(
      again.stdout.trimEnd().split('\n').at(-1),
      'imported 0, unchanged 1, failed 7 (failed rows were skipped)',
    );
  });

  test('--map reads other header names, semicolon-separated, and reports problems under them', async () => {
    const file = csv(
      'hpsm.csv',
      [
        'Ticket ID;Kind;Prio;Org;Summary;Opened;Started;Workaround;Solved;Feedback',
        `HP-1;incident;A;${a};Fra HPSM;2026-02-10 22:00:00;2026-02-10 22:15:00;;2026-02-11 08:00:00;2026-02-11 08:00:00`,
        `HP-2;incident;B;${a};Feil dato;10.02.2026;;;;`,
      ].join('\n'),
    );
    const map =
      'external_id=Ticket ID,type=Kind,category=Prio,owner=Org,title=Summary,registered_at=Opened,work_started_at=Started,workaround_at=Workaround,resolved_at=Solved,feedback_at=Feedback';
    const result = await niva(['case', 'import', file, '--map', map]);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(result.stdout.trimEnd().split('\n'), [
      'row 3, column Opened: not an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00): 10.02.2026',
      'imported 1, unchanged 0, failed 1 (failed rows were skipped)',
    ]);
    const listed = listOutput(
      await niva(['case', 'list', '--json', '--owner', a, '--at', '2026-03-01T00:00:00+01:00']),
    ).find((l) => l.externalId === 'HP-1');
    assert.deepEqual(applying(listed), {
      'incident-a-start': { due: '2026-02-10T23:00:00+01:00', state: 'met' },
      'incident-feedback': { due: null, state: 'met' },
    });

    const missing = await niva(['case', 'import', file, '--map', map.replace('Solved', 'Løst')]);
    assertUsageError(missing, `${file}: not a CSV file of cases (missing column Løst (resolved_at))`);
    assertUsageError(await niva(['case', 'import', file, '--map', 'ticket=Ticket ID']), '--map: unknown column ticket');
  });

  test('a binary file, a file without the columns, and bad options exit 2 with one line and write nothing', async () => {
    const casesBefore = await count('cases');
    const binary = csv(
      'cases.xlsx',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]),
    );
    const people = csv('people.csv', 'name,email\nKari,kari@example.no\n');
    const [bin, cols, kind, absent] = await Promise.all([
      niva(['case', 'import', binary]),
      niva(['case', 'import', people, '--dry-run']),
      niva(['case', 'import', people, '--kind-default', 'ticket']),
      niva(['case', 'import', path.join(dir, 'absent.csv')]),
    ]);
    assertUsageError(bin, `${binary}: not a CSV file`);
    assertUsageError(
      cols,
      `${people}: not a CSV file of cases (missing columns external_id, type, category, owner, title, registered_at, work_started_at, workaround_at, resolved_at, feedback_at)`,
    );
    assertUsageError(kind, '--kind-default');
    assertUsageError(absent, 'absent.csv: no such file');
    assert.equal(await count('cases'), casesBefore);
  });

  test('recompute replays every log and repairs a clock that disagrees with it', async () => {
    const total = await count('cases');
    const clean = await niva(['case', 'recompute', '--json']);
    assert.equal(clean.status, 0, clean.stderr);
    assert.deepEqual(jsonOutput(clean), { checked: total, repaired: 0 });

    const tb = await store.db
      .selectFrom('cases')
      .select('id')
      .where('external_id', '=', 'T-B')
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('case_clocks')
      .set({ state: 'met', due_at: 0 })
      .where('case_id', '=', tb.id)
      .where('policy_id', '=', 'incident-b-start')
      .execute();
    const repaired = await niva(['case', 'recompute']);
    assert.equal(repaired.status, 0, repaired.stderr);
    assert.equal(repaired.stdout, `checked ${total} cases, repaired 1\n`);
    const listed = listOutput(await niva(['case', 'list', '--json', '--owner', b, '--state', 'closed'])).find(
      (l) => l.externalId === 'T-B',
    );
    assert.deepEqual(applying(listed)['incident-b-start'], { due: '2026-03-30T08:45:00+02:00', state: 'breached' });
  });
});
