import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareFinancingScenarios } from '../../../src/modules/billing/services/financing-scenarios.ts';
import { systemContext } from '../../helpers/factories.ts';
import { nivaEnv, runNiva, type CliResult } from '../../helpers/cli.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { billingRowCounts, createBillingYear, type BillingYear, type BillingYearSpec } from '../billing-factories.ts';

// The JSON contracts of `niva billing run` and `niva billing scenario` (the last line of stdout), and bad input:
// exit code 2 and one readable line on stderr.

let store: TestStore;
let planned: BillingYear;

const spec = (year: number, closeThrough = 12): BillingYearSpec => ({
  year,
  alternative: 2,
  centralAppropriationOre: 1_000_000,
  ownerFundingTodayOre: 1_000_000,
  costs: {
    'digital-post': { development: 333_333, maintenance: 1_000_001, 'variable-operations': 777_777 },
    'data-exchange': { 'fixed-operations': 500_000, 'variable-operations': 1_234_567 },
    'trust-services': { maintenance: 99_999 },
  },
  usage: [
    { messages_sent: { 1: 700, 8: 300 }, email_notifications: { 2: 333 } },
    { messages_sent: { 3: 41 }, sms_notifications: { 5: 1234 }, consents: { 6: 7 } },
    { email_notifications: { 12: 3 } },
  ],
  closeThrough,
});

before(async () => {
  store = await createTestStore();
  planned = await createBillingYear(store, spec(2019));
});
after(() => store.destroy());

const niva = (...args: string[]) => runNiva(['billing', ...args], nivaEnv(store));
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The last line of stdout, which must be a JSON object. */
function lastJson(result: CliResult): Record<string, unknown> {
  assert.equal(result.status, 0, result.stderr);
  const last = result.stdout.trimEnd().split('\n').at(-1) ?? '';
  const value: unknown = JSON.parse(last);
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), last);
  return value as Record<string, unknown>;
}

/** Exit code 2, nothing on stdout, and one line on stderr that names the option. */
function badInput(result: CliResult, option: RegExp): void {
  assert.equal(result.status, 2, `${result.stdout}${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? '', option);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

interface RunContract {
  year: number;
  quarter: number | null;
  dryRun: boolean;
  totalOre: number;
  statements: {
    owner: string;
    number: string | null;
    totalOre: number;
    lines: { product: string; metric: string; weightedTransactions: number; ore: number }[];
  }[];
}

function assertRunContract(value: Record<string, unknown>): RunContract {
  assert.deepEqual(Object.keys(value).sort(), ['dryRun', 'quarter', 'statements', 'totalOre', 'year']);
  const run = value as unknown as RunContract;
  for (const s of run.statements) {
    for (const key of ['owner', 'number', 'totalOre', 'lines']) assert.ok(key in s, `statement.${key}`);
    for (const l of s.lines)
      assert.deepEqual(Object.keys(l).sort(), ['metric', 'ore', 'product', 'weightedTransactions']);
    assert.equal(sum(s.lines.map((l) => l.ore)), s.totalOre, s.owner);
  }
  assert.equal(sum(run.statements.map((s) => s.totalOre)), run.totalOre);
  return run;
}

describe('niva billing scenario', () => {
  it('prints the contract for each alternative: owners add up to their share, central and owners to the total', async () => {
    const expected = await compareFinancingScenarios(systemContext(store), { year: 2019 });
    for (const alternative of [0, 1, 2, 3, 4, 5]) {
      const value = lastJson(await niva('scenario', '--alternative', String(alternative), '--year', '2019', '--json'));
      assert.deepEqual(Object.keys(value), ['alternative', 'year', 'totalOre', 'centralOre', 'ownersOre', 'owners']);
      const contract = value as {
        alternative: number;
        year: number;
        totalOre: number;
        centralOre: number;
        ownersOre: number;
        owners: { owner: string; ore: number }[];
      };
      assert.deepEqual([contract.alternative, contract.year], [alternative, 2019]);
      for (const o of contract.owners) assert.deepEqual(Object.keys(o), ['owner', 'ore']);
      assert.equal(sum(contract.owners.map((o) => o.ore)), contract.ownersOre, `alternative ${alternative}`);
      assert.equal(contract.centralOre + contract.ownersOre, contract.totalOre, `alternative ${alternative}`);
      const service = expected.alternatives.find((a) => a.alternative === alternative);
      assert.deepEqual(contract, {
        alternative,
        year: 2019,
        totalOre: service?.totalOre,
        centralOre: service?.centralOre,
        ownersOre: service?.ownersOre,
        owners: service?.owners.map((o) => ({ owner: o.owner, ore: o.ore })),
      });
    }
  });

  it('prints a readable line for people without --json', async () => {
    const result = await niva('scenario', '--alternative', '1', '--year', '2019');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Alternative 1 \(.+\), 2019: total NOK \S+, central NOK \S+, owners NOK 0\.00\n$/);
  });

  it('exits 2 with one line for an unknown alternative or a bad --growth', async () => {
    badInput(await niva('scenario', '--alternative', '9', '--year', '2019', '--json'), /^niva: --alternative: /);
    badInput(await niva('scenario', '--alternative', 'two', '--year', '2019'), /^niva: --alternative: /);
    badInput(
      await niva('scenario', '--alternative', '2', '--year', '2019', '--growth', 'data-exchange:5'),
      /^niva: --growth: .*data-exchange:5/,
    );
    badInput(
      await niva('scenario', '--alternative', '2', '--year', '2019', '--growth', 'no-such-product=5', '--json'),
      /^niva: --growth: no such product/,
    );
    badInput(await niva('scenario', '--year', '1999'), /^niva: --year: /);
  });
});

describe('niva billing run', () => {
  it('prints the contract of a dry run and writes nothing, then issues what the dry run showed', async () => {
    const before = await billingRowCounts(store);
    const dry = assertRunContract(lastJson(await niva('run', '--year', '2019', '--dry-run', '--json')));
    assert.deepEqual([dry.year, dry.quarter, dry.dryRun], [2019, null, true]);
    assert.deepEqual(
      dry.statements.map((s) => s.number),
      [null, null, null],
    );
    assert.deepEqual(await billingRowCounts(store), before);

    const real = assertRunContract(lastJson(await niva('run', '--year', '2019', '--json')));
    assert.deepEqual([real.year, real.quarter, real.dryRun], [2019, null, false]);
    assert.deepEqual(
      real.statements.map((s) => s.owner),
      [...planned.codes].sort(),
    );
    assert.ok(real.statements.every((s) => /^2019-\d{5}$/.test(s.number ?? '')));
    assert.deepEqual(
      real.statements.map((s) => ({ ...s, number: null })),
      dry.statements.map((s) => ({ ...s, number: null })),
    );
    for (const s of real.statements) {
      const verify = await niva('verify', '--number', s.number ?? '', '--json');
      assert.equal(lastJson(verify).matches, true);
    }
    const again = assertRunContract(lastJson(await niva('run', '--year', '2019', '--json')));
    assert.deepEqual([again.statements, again.totalOre], [[], 0]);
  });

  it('prints the contract of a provisional quarter', async () => {
    const { codes } = await createBillingYear(store, spec(2020));
    const q2 = assertRunContract(lastJson(await niva('run', '--year', '2020', '--quarter', '2', '--json')));
    assert.deepEqual([q2.year, q2.quarter, q2.dryRun], [2020, 2, false]);
    // The third owner's only figure is in December.
    assert.deepEqual(
      q2.statements.map((s) => s.owner),
      codes.slice(0, 2).sort(),
    );
    badInput(
      await niva('run', '--year', '2020', '--quarter', '1'),
      /^niva: --quarter: 2020 is billed through quarter 2/,
    );
  });

  it('verifies a statement, and exits 1 saying so when its stored lines were changed', async () => {
    await createBillingYear(store, spec(2022));
    const [first] = assertRunContract(lastJson(await niva('run', '--year', '2022', '--json'))).statements;
    const number = first?.number ?? '';
    const matching = await niva('verify', '--number', number);
    assert.equal(matching.status, 0, matching.stderr);
    assert.match(matching.stdout, new RegExp(`^${number}: rated again from its snapshot, it matches to the øre`));
    const { id } = await store.db
      .selectFrom('billing_statements')
      .select('id')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    await store.db.updateTable('billing_statement_lines').set({ ore: 1 }).where('statement_id', '=', id).execute();
    const changed = await niva('verify', '--number', number, '--json');
    assert.equal(changed.status, 1);
    const verdict = JSON.parse(changed.stdout) as { matches: boolean; linesMatch: boolean };
    assert.deepEqual([verdict.matches, verdict.linesMatch], [false, false]);
  });

  it('exits 2 with one line for an unclosed usage month or a bad option', async () => {
    await createBillingYear(store, spec(2021, 5));
    const before = await billingRowCounts(store);
    badInput(await niva('run', '--year', '2021', '--json'), /^niva: --year: usage month 2021-06, .* is not closed/);
    badInput(
      await niva('run', '--year', '2021', '--quarter', '2'),
      /^niva: --quarter: usage month 2021-06 is not closed/,
    );
    badInput(await niva('run', '--year', '2021', '--quarter', '5'), /^niva: --quarter: /);
    badInput(await niva('run', '--year', 'next'), /^niva: --year: /);
    assert.deepEqual(await billingRowCounts(store), before);
  });
});
