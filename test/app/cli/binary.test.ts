// End-to-end: the compiled binary as a user runs it (the other CLI tests run the same program in-process).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jsonOutput, nivaEnv, runNivaBinary } from '../../helpers/cli.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

describe('the niva binary (compiled)', () => {
  let store: TestStore;
  before(async () => {
    store = await createTestStore({ migrate: false });
  });
  after(() => store.destroy());

  test('--help lists the commands and exits 0', async () => {
    const result = await runNivaBinary(['--help'], nivaEnv(store));
    assert.equal(result.status, 0, result.stderr);
    for (const command of ['serve', 'migrate', 'calendar', 'case', 'report', 'usage']) {
      assert.match(result.stdout, new RegExp(`^  ${command}\\b`, 'm'), `lists ${command}`);
    }
  });

  test('calendar due answers the scripts contract', async () => {
    const args = [
      'calendar',
      'due',
      '--calendar',
      'servicedesk',
      '--start',
      '2026-03-27T15:30:00+01:00',
      '--hours',
      '1',
    ];
    const result = await runNivaBinary(args, nivaEnv(store));
    assert.deepEqual(result, { status: 0, stdout: '2026-03-30T08:45:00+02:00\n', stderr: '' });
  });

  test('bad input exits 2 with one line naming the option, and no stack trace', async () => {
    const args = ['calendar', 'due', '--calendar', 'nowhere', '--start', '2026-03-02T10:00:00Z', '--hours', '1'];
    const result = await runNivaBinary(args, nivaEnv(store));
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^niva: --calendar: unknown calendar nowhere .*\n$/);
  });

  test('a bad setting exits 2 naming the variable', async () => {
    const result = await runNivaBinary(['migrate'], nivaEnv(store, { NIVA_JOB_POLL_MS: 'soon' }));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^niva: NIVA_JOB_POLL_MS: .*\n$/);
  });

  test('migrate --json migrates the database it is given', async () => {
    const result = await runNivaBinary(['migrate', '--json'], nivaEnv(store));
    assert.equal(result.status, 0, result.stderr);
    const applied = jsonOutput(result).applied;
    assert.ok(Array.isArray(applied) && applied.length > 0, JSON.stringify(applied));
  });
});
