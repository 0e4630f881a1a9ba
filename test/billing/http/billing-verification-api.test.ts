import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { digestOf } from '../../../src/modules/billing/domain/rating-snapshot.ts';
import { runBilling } from '../../../src/modules/billing/services/run-billing.ts';
import { updateOrganisation } from '../../../src/modules/access/services/update-organisation.ts';
import { createOperator, systemContext, unique, type TestOperator } from '../../helpers/factories.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { adjustFigure, createBillingYear, type BillingYear } from '../billing-factories.ts';
import { caller, signedIn } from './billing-api.ts';

// A statement is rated again from its run's stored snapshot. Tampering with what is stored (raw SQL here: that is
// the attack) must make the verification say that it no longer matches.

interface Verification {
  number: string;
  snapshotIntact: boolean;
  priceListIntact: boolean;
  linesMatch: boolean;
  recordedInAudit: boolean;
  matches: boolean;
  expectedTotalOre: number;
  totalOre: number;
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let admin: ReturnType<typeof caller>;
let nextYear = 2010;

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  admin = caller(app, await signedIn(app, operator.users['operator-admin'].email));
});
after(() => store.destroy());

let setup: BillingYear;
let numbers: string[];

/** A fresh billed year per test (two owners, size categories), so that each test tampers with its own rows. */
beforeEach(async () => {
  const year = nextYear++;
  setup = await createBillingYear(store, {
    year,
    alternative: 0,
    centralAppropriationOre: 0,
    ownerFundingTodayOre: 1_000_000,
    costs: { 'data-exchange': { development: 1_000_000 } },
    priceList: {
      sizeCategories: {
        from: { storst: 5000, svaertStor: 2000, stor: 1000, medium: 500, liten: 100 },
        feeOre: { medium: 300_000, liten: 100_000, andre: 50_000 },
      },
    },
    usage: [{ messages_sent: { 1: 6000 } }, { messages_sent: { 2: 3000 }, email_notifications: { 3: 1000 } }],
  });
  const result = await runBilling(systemContext(store), { year });
  numbers = result.statements.map((s) => s.number ?? '');
  assert.equal(numbers.length, 2);
});

const verify = async (number: string) => {
  const { status, body } = await admin<Verification>('GET', `/billing/statements/${number}/verification`);
  assert.equal(status, 200, JSON.stringify(body));
  return body;
};

async function runOf(number: string) {
  return store.db
    .selectFrom('billing_runs')
    .innerJoin('billing_statements', 'billing_statements.run_id', 'billing_runs.id')
    .select(['billing_runs.id', 'billing_runs.snapshot', 'billing_statements.id as statementId'])
    .where('billing_statements.number', '=', number)
    .executeTakeFirstOrThrow();
}

/** The snapshot with the first owner's count of messages doubled. */
function inflated(snapshot: string, owner: string): { usage: { owner: string; count: number }[] } {
  const parsed = JSON.parse(snapshot) as { usage: { owner: string; count: number }[] };
  const figure = parsed.usage.find((u) => u.owner === owner);
  assert.ok(figure);
  figure.count *= 2;
  return parsed;
}

describe('GET /api/v1/billing/statements/{number}/verification', () => {
  it('says that a statement matches when rated again, corrections included', async () => {
    for (const number of numbers) {
      const body = await verify(number);
      assert.deepEqual(
        [body.number, body.snapshotIntact, body.priceListIntact, body.linesMatch, body.matches],
        [number, true, true, true, true],
      );
      assert.equal(body.expectedTotalOre, body.totalOre);
    }
    await adjustFigure(store, {
      metric: 'messages_sent',
      year: setup.year,
      month: 2,
      owner: setup.owners[1]!,
      delta: 3000,
    });
    const corrections = await runBilling(systemContext(store), { year: setup.year });
    assert.equal(corrections.statements.length, 2);
    for (const s of corrections.statements) assert.equal((await verify(s.number ?? '')).matches, true, s.owner);
    for (const number of numbers) assert.equal((await verify(number)).matches, true, 'the originals still do');
  });

  it('still matches after the operator changed the code of the owner', async () => {
    await updateOrganisation(systemContext(store), { id: setup.owners[0]!.organisation.id, code: unique('renamed') });
    for (const number of numbers) assert.equal((await verify(number)).matches, true, number);
  });

  it('says that it does not match when the stored snapshot was changed', async () => {
    const [number] = numbers as [string];
    const run = await runOf(number);
    await store.db
      .updateTable('billing_runs')
      .set({ snapshot: JSON.stringify(inflated(run.snapshot, setup.codes[0]!)) })
      .where('id', '=', run.id)
      .execute();
    const body = await verify(number);
    assert.deepEqual([body.snapshotIntact, body.matches], [false, false]);
  });

  it('says that it does not match when the snapshot was changed and its digest written to fit', async () => {
    const number = numbers[0]!;
    const run = await runOf(number);
    const forged = inflated(run.snapshot, setup.codes[0]!);
    await store.db
      .updateTable('billing_runs')
      .set({ snapshot: JSON.stringify(forged), snapshot_digest: digestOf(forged) })
      .where('id', '=', run.id)
      .execute();
    const body = await verify(number);
    assert.equal(body.snapshotIntact, true, 'the forged digest fits the forged snapshot');
    assert.deepEqual([body.linesMatch, body.matches], [false, false]);
  });

  it("says that it does not match when a statement's lines were changed", async () => {
    for (const number of numbers) {
      const { statementId } = await runOf(number);
      await store.db
        .updateTable('billing_statement_lines')
        .set((eb) => ({ ore: eb('ore', '+', 100) }))
        .where('statement_id', '=', statementId)
        .where('position', '=', 0)
        .execute();
      await store.db
        .updateTable('billing_statements')
        .set((eb) => ({ total_ore: eb('total_ore', '+', 100) }))
        .where('id', '=', statementId)
        .execute();
      const body = await verify(number);
      assert.deepEqual([body.snapshotIntact, body.linesMatch, body.matches], [true, false, false]);
      assert.equal(body.totalOre, body.expectedTotalOre + 100);
    }
  });

  it('says that it does not match when the price list it names was changed', async () => {
    const number = numbers[0]!;
    const stored = await store.db
      .selectFrom('billing_price_lists')
      .select('terms')
      .where('id', '=', setup.priceList.id)
      .executeTakeFirstOrThrow();
    const terms = JSON.parse(stored.terms) as { weightsPermille: Record<string, number> };
    terms.weightsPermille.messages_sent = 2000;
    await store.db
      .updateTable('billing_price_lists')
      .set({ terms: JSON.stringify(terms) })
      .where('id', '=', setup.priceList.id)
      .execute();
    const body = await verify(number);
    assert.deepEqual([body.priceListIntact, body.matches], [false, false]);
  });

  it("says that it does not match when the run's audit event no longer vouches for the statement", async () => {
    const number = numbers[numbers.length - 1]!;
    const run = await runOf(number);
    await store.db
      .updateTable('audit_events')
      .set({ summary: JSON.stringify({ snapshot: 'sha256:0', statements: [] }) })
      .where('action', '=', 'billing.run')
      .where('subject_id', '=', run.id)
      .execute();
    const body = await verify(number);
    assert.deepEqual([body.recordedInAudit, body.matches], [false, false]);
  });
});
