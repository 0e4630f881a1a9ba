import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOperator, type TestOperator } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { billingRowCounts, createBillingYear, type BillingYearSpec } from '../billing-factories.ts';
import { caller, fieldsOf, signedIn, tokenHeaders } from './billing-api.ts';

interface RunBody {
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

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let admin: ReturnType<typeof caller>;
let agent: ReturnType<typeof caller>;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  admin = caller(app, await signedIn(app, operator.users['operator-admin'].email));
  agent = caller(app, await signedIn(app, operator.users['operator-agent'].email));
});
after(() => store.destroy());

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Two owners under alternative 5 (the owners pay the 1 000 000 øre of data exchange), months closed as told. */
function twoOwners(year: number, closeThrough = 12): BillingYearSpec {
  return {
    year,
    alternative: 5,
    costs: { 'data-exchange': { 'variable-operations': 1_000_000 } },
    usage: [{ messages_sent: { 1: 300, 5: 300, 9: 200 } }, { messages_sent: { 2: 100, 6: 100 } }],
    closeThrough,
  };
}

describe('POST /api/v1/billing/runs', () => {
  it('bills a year and answers what it issued, as the statements and the summary then show', async () => {
    const { codes } = await createBillingYear(store, twoOwners(2019));
    const { status, body } = await admin<RunBody>('POST', '/billing/runs', { year: 2019 });
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual([body.year, body.quarter, body.dryRun], [2019, null, false]);
    // 800 : 200 weighted transactions of 1 000 000 øre; statements come in the order of the owners' codes.
    const line = (weightedTransactions: number, ore: number) => ({
      product: 'data-exchange',
      metric: 'messages_sent',
      weightedTransactions,
      ore,
    });
    const expected = [
      { owner: codes[0], totalOre: 800_000, lines: [line(800, 800_000)] },
      { owner: codes[1], totalOre: 200_000, lines: [line(200, 200_000)] },
    ].sort((x, y) => ((x.owner ?? '') < (y.owner ?? '') ? -1 : 1));
    assert.deepEqual(
      body.statements.map((s) => ({ owner: s.owner, totalOre: s.totalOre, lines: s.lines })),
      expected,
    );
    assert.equal(body.totalOre, sum(body.statements.map((s) => s.totalOre)));

    const listed = await admin<{ items: { number: string; owner: { code: string } }[] }>(
      'GET',
      '/billing/statements?year=2019',
    );
    assert.deepEqual(listed.body.items.map((s) => s.number).sort(), body.statements.map((s) => s.number).sort());
    const summary = await agent<{
      billedOre: number;
      ownersOre: number;
      coverageBasisPoints: number;
      periods: unknown[];
    }>('GET', '/billing/summary?year=2019');
    assert.equal(summary.status, 200);
    assert.deepEqual(
      [summary.body.billedOre, summary.body.ownersOre, summary.body.coverageBasisPoints, summary.body.periods],
      [1_000_000, 1_000_000, 10_000, [{ quarter: null, statements: 2, corrections: 0, totalOre: 1_000_000 }]],
    );
  });

  it('refuses a quarter before the latest one billed with 409 naming the quarter, and writes nothing', async () => {
    await createBillingYear(store, twoOwners(2020));
    for (const quarter of [1, 2]) {
      const { status, body } = await admin<RunBody>('POST', '/billing/runs', { year: 2020, quarter });
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.statements.length, 2);
      assert.ok(body.statements.every((s) => s.number !== null));
    }
    const before = await billingRowCounts(store);
    const refused = await admin('POST', '/billing/runs', { year: 2020, quarter: 1 });
    assert.equal(refused.status, 409);
    assert.deepEqual(fieldsOf(refused.body), ['quarter']);
    const dry = await admin('POST', '/billing/runs', { year: 2020, quarter: 1, dryRun: true });
    assert.equal(dry.status, 409, 'a dry run of a passed quarter is refused as well');
    assert.deepEqual(await billingRowCounts(store), before);
  });

  it('rates a dry run without writing a row', async () => {
    await createBillingYear(store, twoOwners(2021));
    const before = await billingRowCounts(store);
    const { status, body } = await admin<RunBody>('POST', '/billing/runs', { year: 2021, dryRun: true });
    assert.equal(status, 200);
    assert.equal(body.dryRun, true);
    assert.equal(body.totalOre, 1_000_000);
    assert.deepEqual(
      body.statements.map((s) => s.number),
      [null, null],
    );
    assert.deepEqual(await billingRowCounts(store), before);
    const listed = await admin<{ items: unknown[] }>('GET', '/billing/statements?year=2021');
    assert.deepEqual(listed.body.items, []);
  });

  it('refuses a period with an unclosed usage month with 400 naming year or quarter', async () => {
    await createBillingYear(store, twoOwners(2022, 3));
    const before = await billingRowCounts(store);
    const year = await admin('POST', '/billing/runs', { year: 2022 });
    assert.equal(year.status, 400);
    assert.deepEqual(fieldsOf(year.body), ['year']);
    assert.match(JSON.stringify(year.body), /2022-04/);
    const quarter = await admin('POST', '/billing/runs', { year: 2022, quarter: 2 });
    assert.equal(quarter.status, 400);
    assert.deepEqual(fieldsOf(quarter.body), ['quarter']);
    assert.deepEqual(await billingRowCounts(store), before);
  });

  it('lets the operator admin and a billing:write token run, and no one else', async () => {
    await createBillingYear(store, twoOwners(2023));
    const token = caller(app, await tokenHeaders(store, operator.organisation.id, ['billing:write']));
    const reader = caller(app, await tokenHeaders(store, operator.organisation.id, ['billing:read']));
    const auditor = caller(app, await signedIn(app, operator.users.auditor.email));
    assert.equal((await agent('POST', '/billing/runs', { year: 2023, dryRun: true })).status, 403);
    assert.equal((await auditor('POST', '/billing/runs', { year: 2023, dryRun: true })).status, 403);
    assert.equal((await reader('POST', '/billing/runs', { year: 2023, dryRun: true })).status, 403);
    const run = await token<RunBody>('POST', '/billing/runs', { year: 2023 });
    assert.equal(run.status, 200);
    assert.equal(run.body.statements.length, 2);
  });
});
