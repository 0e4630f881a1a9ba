import { createPriceList } from '../../../src/modules/billing/services/create-price-list.ts';
import { runBilling } from '../../../src/modules/billing/services/run-billing.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { systemContext, unique } from '../../helpers/factories.ts';
import type { Caller, Fixtures, RouteCase } from '../../app/route-matrix-routes.ts';
import { createBillingYear } from '../billing-factories.ts';

// The billing routes of the route matrix. Every signed-in operator and owner role reads statements and their documents
// (an owner its own: another owner's statement is not found); planning (summary, budgets, scenarios and their exports)
// is the operator's admin, agent and auditor; managing (products, budgets, price lists, runs) the operator's admin.
// The fixture tokens hold no billing scope, and a party takes no part in billing. Spelled out, not derived from
// `callers`: the matrix imports this file, so a value from it is not ready here yet.
const readers: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'owner-admin',
  'owner-member',
  'owner-auditor',
];
const planners: Caller[] = ['operator-admin', 'operator-agent', 'operator-auditor'];
const managers: Caller[] = ['operator-admin'];

const year = 2024;

let billed: Promise<{ a: string; b: string }> | null = null;

/** 2024 billed for owners A and B (created once per matrix run): the number of each one's statement. */
function statementsOf(fx: Fixtures): Promise<{ a: string; b: string }> {
  billed ??= (async () => {
    await createBillingYear(fx.store, {
      year,
      costs: { 'data-exchange': { maintenance: 1_000_000 } },
      usage: [{ messages_sent: { 1: 300 } }, { messages_sent: { 2: 100 } }],
      owners: [fx.a, fx.b],
    });
    const { statements } = await runBilling(systemContext(fx.store), { year });
    const numberOf = (code: string) => statements.find((s) => s.owner === code)?.number ?? '';
    return { a: numberOf(fx.a.organisation.code), b: numberOf(fx.b.organisation.code) };
  })();
  return billed;
}

/** A usage metric that no product counts yet, for a product the operator admin adds. */
async function freeMetric(fx: Fixtures): Promise<string> {
  await statementsOf(fx);
  const taken = new Set(
    (await fx.store.db.selectFrom('billing_product_metrics').select('metric').execute()).map((m) => m.metric),
  );
  return builtInCatalogue.metrics.find((m) => !taken.has(m.id))?.id ?? 'no_free_metric';
}

// Each price list the operator admin stores is valid for a year of its own, so that none overlaps another.
let priceListYear = 2040;
let endedList: Promise<string> | null = null;

/** A price list of 2090–2091, far from the others, made once per database. */
function listToEnd(fx: Fixtures): Promise<string> {
  endedList ??= createPriceList(systemContext(fx.store), {
    name: 'Matrise 2090–2091',
    validFrom: '2090-01-01',
    validTo: '2091-12-31',
  }).then((list) => list.id);
  return endedList;
}

const statementRoute = (suffix: string): RouteCase => ({
  allow: readers,
  own: async (fx) => ({ path: `/billing/statements/${(await statementsOf(fx)).a}${suffix}` }),
  other: async (fx) => ({ path: `/billing/statements/${(await statementsOf(fx)).b}${suffix}` }),
});

export const billingCases: Record<string, RouteCase> = {
  'GET /billing/products': { allow: readers, own: () => ({ path: '/billing/products' }) },
  'POST /billing/products': {
    allow: managers,
    own: async (fx) => ({
      path: '/billing/products',
      body: {
        id: unique('matrise-'),
        names: { nb: 'Matriseprodukt', nn: 'Matriseprodukt', en: 'Matrix product' },
        metrics: [await freeMetric(fx)],
      },
    }),
  },
  'GET /billing/budgets/{year}': {
    allow: planners,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: `/billing/budgets/${year}` };
    },
  },
  'PUT /billing/budgets/{year}': {
    allow: managers,
    own: () => ({
      path: '/billing/budgets/2031',
      body: { alternative: 1, centralAppropriationOre: 1_000_000, ownerFundingTodayOre: 0, costs: [] },
    }),
  },
  'GET /billing/price-lists': { allow: readers, own: () => ({ path: '/billing/price-lists' }) },
  'POST /billing/price-lists': {
    allow: managers,
    own: async (fx) => {
      await statementsOf(fx);
      const valid = priceListYear++;
      return {
        path: '/billing/price-lists',
        body: { name: `Matrise ${valid}`, validFrom: `${valid}-01-01`, validTo: `${valid}-12-31` },
      };
    },
  },
  // One list for every caller: the first allowed call shortens it, the later ones end it where it already ends.
  'POST /billing/price-lists/{id}/end': {
    allow: managers,
    own: async (fx) => ({ path: `/billing/price-lists/${await listToEnd(fx)}/end`, body: { validTo: '2090-12-31' } }),
  },
  // A dry run: allowed callers rate the year, and nothing is issued whoever calls.
  'POST /billing/runs': {
    allow: managers,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: '/billing/runs', body: { year, dryRun: true } };
    },
  },
  'GET /billing/summary': {
    allow: planners,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: `/billing/summary?year=${year}` };
    },
  },
  'GET /billing/summary/export': {
    allow: planners,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: `/billing/summary/export?year=${year}&format=csv` };
    },
  },
  'GET /billing/scenarios': {
    allow: planners,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: `/billing/scenarios?year=${year}` };
    },
  },
  'GET /billing/scenarios/export': {
    allow: planners,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: `/billing/scenarios/export?year=${year}&format=csv` };
    },
  },
  'GET /billing/statements': {
    allow: readers,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: `/billing/statements?year=${year}` };
    },
  },
  'GET /billing/statements/{number}': statementRoute(''),
  'GET /billing/statements/{number}/verification': statementRoute('/verification'),
  'GET /billing/statements/{number}/document': statementRoute('/document?format=csv'),
  'GET /billing/owners/{code}/overview': {
    allow: readers,
    own: async (fx) => {
      await statementsOf(fx);
      return { path: `/billing/owners/${fx.a.organisation.code}/overview?year=${year}` };
    },
    other: (fx) => ({ path: `/billing/owners/${fx.b.organisation.code}/overview?year=${year}` }),
  },
};
