import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../../src/modules/access/services/create-api-token.ts';
import { runBilling } from '../../../src/modules/billing/services/run-billing.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { createOperator, systemContext, type TestOperator } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { createBillingYear, type BillingYear } from '../billing-factories.ts';
import { caller, signedIn, tokenHeaders } from './billing-api.ts';

// An owner reads its own statements and overview and nothing of another owner's; planning (summary, budgets,
// scenarios) and managing (runs, price lists, products) are the operator's.

const year = 2024;
let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let setup: BillingYear;
let own: string;
let foreign: string;
const owners = new Map<string, ReturnType<typeof caller>>();

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  setup = await createBillingYear(store, {
    year,
    costs: { 'data-exchange': { maintenance: 900_000 } },
    usage: [{ messages_sent: { 1: 100 } }, { messages_sent: { 1: 200 } }],
  });
  const result = await runBilling(systemContext(store), { year });
  const numberOf = (code: string | undefined) => result.statements.find((s) => s.owner === code)?.number ?? '';
  own = numberOf(setup.codes[0]);
  foreign = numberOf(setup.codes[1]);
  const a = setup.owners[0]!;
  owners.set('owner-admin', caller(app, await signedIn(app, a.users['owner-admin'].email)));
  owners.set('owner-member', caller(app, await signedIn(app, a.users['owner-member'].email)));
  owners.set('owner-auditor', caller(app, await signedIn(app, a.users.auditor.email)));
  owners.set('owner-token', caller(app, await tokenHeaders(store, a.organisation.id, ['billing:read'])));
});
after(() => store.destroy());

interface Listed {
  items: { number: string; owner: { code: string } }[];
}

describe('billing tenancy', () => {
  it("lists an owner's own statements only", async () => {
    for (const [name, call] of owners) {
      const all = await call<Listed>('GET', '/billing/statements');
      assert.equal(all.status, 200, name);
      assert.deepEqual(
        all.body.items.map((s) => [s.number, s.owner.code]),
        [[own, setup.codes[0]]],
        name,
      );
      const asked = await call<Listed>('GET', `/billing/statements?owner=${setup.codes[1]}&year=${year}`);
      assert.deepEqual([asked.status, asked.body.items], [200, []], name);
    }
  });

  it("answers another owner's statement, its verification and overview as not found", async () => {
    for (const [name, call] of owners) {
      assert.equal((await call('GET', `/billing/statements/${own}`)).status, 200, name);
      assert.equal((await call('GET', `/billing/statements/${own}/verification`)).status, 200, name);
      assert.equal((await call('GET', `/billing/owners/${setup.codes[0]}/overview?year=${year}`)).status, 200, name);
      for (const path of [
        `/billing/statements/${foreign}`,
        `/billing/statements/${foreign}/verification`,
        `/billing/owners/${setup.codes[1]}/overview?year=${year}`,
      ]) {
        const { status, body } = await call('GET', path);
        assert.equal(status, 404, `${name} ${path}`);
        assert.doesNotMatch(JSON.stringify(body), new RegExp(setup.owners[1]!.organisation.name), 'no name leaks');
      }
    }
  });

  it('refuses owners the runs, scenarios, summary, budgets, price lists and products', async () => {
    const requests: [string, string, unknown?][] = [
      ['POST', '/billing/runs', { year, dryRun: true }],
      ['GET', `/billing/scenarios?year=${year}`],
      ['GET', `/billing/summary?year=${year}`],
      ['GET', `/billing/budgets/${year}`],
      [
        'PUT',
        `/billing/budgets/${year}`,
        { alternative: 1, centralAppropriationOre: 0, ownerFundingTodayOre: 0, costs: [] },
      ],
      ['POST', '/billing/price-lists', { name: 'Egen prisliste', validFrom: '2030-01-01', validTo: '2030-12-31' }],
      [
        'POST',
        '/billing/products',
        { id: 'egen', names: { nb: 'Egen', nn: 'Eigen', en: 'Own' }, metrics: ['consents'] },
      ],
    ];
    for (const [name, call] of owners)
      for (const [method, path, body] of requests)
        assert.equal((await call(method, path, body)).status, 403, `${name} ${method} ${path}`);
    const budget = await store.db
      .selectFrom('billing_budget_years')
      .select('alternative')
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    assert.equal(budget.alternative, 5, 'the budget is unchanged');
  });

  it('keeps the scenario figures on the operator side', async () => {
    const agent = caller(app, await signedIn(app, operator.users['operator-agent'].email));
    const auditor = caller(app, await signedIn(app, operator.users.auditor.email));
    for (const call of [agent, auditor]) {
      const { status, body } = await call<{ alternatives: { owners: { owner: string }[] }[] }>(
        'GET',
        `/billing/scenarios?year=${year}`,
      );
      assert.equal(status, 200);
      assert.deepEqual(body.alternatives[5]?.owners.map((o) => o.owner).sort(), [...setup.codes].sort());
    }
    // What an owner does read (its statement and its overview) carries no scenario figures and no other owner.
    for (const [name, call] of owners) {
      for (const path of [`/billing/statements/${own}`, `/billing/owners/${setup.codes[0]}/overview?year=${year}`]) {
        const text = JSON.stringify((await call('GET', path)).body);
        assert.doesNotMatch(text, /alternatives|centralOre|todayOre|changeOre|ownersOre/, `${name} ${path}`);
        assert.ok(!text.includes(setup.codes[1]!), `${name} ${path} names another owner`);
      }
    }
    // An owner's token cannot even hold the scope that plans.
    await assert.rejects(
      createApiToken(systemContext(store), {
        organisationId: setup.owners[0]!.organisation.id,
        name: 'planner',
        scopes: ['billing:write'],
      }),
      (error: unknown) => error instanceof AppError && error.fields[0]?.field === 'scopes',
    );
  });
});
