import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTenant, type TestTenant } from '../../helpers/factories.ts';
import { jsonOutput, nivaEnv, runNiva } from '../../helpers/cli.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { insertUsageRows } from '../../helpers/usage-figures.ts';

let store: TestStore;
let a: TestTenant;
let b: TestTenant;

before(async () => {
  store = await createTestStore();
  a = await createTenant(store);
  b = await createTenant(store);
  await insertUsageRows(store, {
    daily: [
      { metric: 'consents', day: '2025-01-05', ownerId: a.organisation.id, count: 10 },
      { metric: 'consents', day: '2025-01-06', ownerId: b.organisation.id, count: 5 },
      { metric: 'consents', day: '2025-06-30', count: 1_000_000 },
    ],
    imports: [{ metric: 'consents', month: '2025-03', ownerId: a.organisation.id, count: 0 }],
    adjustments: [{ metric: 'consents', month: '2025-01', ownerId: a.organisation.id, delta: 2 }],
  });
});
after(() => store.destroy());

const env = () => nivaEnv(store);

describe('niva stats (the scripts contract)', () => {
  it('prints exactly {metric, year, months, total} for the platform', async () => {
    const result = await runNiva(['stats', '--metric', 'consents', '--year', '2025', '--json'], env());
    assert.equal(result.status, 0, result.stderr);
    const out = jsonOutput(result);
    assert.deepEqual(Object.keys(out), ['metric', 'year', 'months', 'total']);
    assert.deepEqual(out, {
      metric: 'consents',
      year: 2025,
      months: [17, null, 0, null, null, 1_000_000, null, null, null, null, null, null],
      total: 1_000_017,
    });
  });

  it("prints one owner's figures with --owner, and 0 as the total of a year without figures", async () => {
    const own = jsonOutput(
      await runNiva(
        ['stats', '--metric', 'consents', '--year', '2025', '--owner', a.organisation.code, '--json'],
        env(),
      ),
    );
    assert.deepEqual(own, {
      metric: 'consents',
      year: 2025,
      months: [12, null, 0, null, null, null, null, null, null, null, null, null],
      total: 12,
    });
    const empty = jsonOutput(await runNiva(['stats', '--metric', 'consents', '--year', '2024', '--json'], env()));
    assert.deepEqual(empty, {
      metric: 'consents',
      year: 2024,
      months: Array.from({ length: 12 }, () => null),
      total: 0,
    });
  });

  it('prints a readable table without --json', async () => {
    const result = await runNiva(['stats', '--metric', 'consents', '--year', '2025'], env());
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Consents \(consents\), 2025, whole platform$/m);
    assert.match(result.stdout, /^Jan +17$/m);
    assert.match(result.stdout, /^Feb +–$/m);
    assert.match(result.stdout, /^Jun +1 000 000$/m);
    assert.match(result.stdout, /^Total +1 000 017$/m);
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown metric', ['--metric', 'pizzas', '--year', '2025'], /^niva: --metric: unknown metric pizzas/],
    ['a bad year', ['--metric', 'consents', '--year', '25'], /^niva: --year: expected a year as YYYY: 25/],
    [
      'an unknown owner',
      ['--metric', 'consents', '--year', '2025', '--owner', 'nobody'],
      /^niva: --owner: no such owner: nobody/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with one line and exit 2`, async () => {
      const result = await runNiva(['stats', ...args, '--json'], env());
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assert.equal(result.stdout, '');
    });
  }
});
