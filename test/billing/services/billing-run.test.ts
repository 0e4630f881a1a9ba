import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../../src/platform/services/app-error.ts';
import type { RatedLine } from '../../../src/modules/billing/domain/rate-period.ts';
import { runBilling, type BillingRunResult } from '../../../src/modules/billing/services/run-billing.ts';
import { getStatement, listStatements } from '../../../src/modules/billing/services/billing-statements.ts';
import { systemContext } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { adjustFigure, billingRowCounts, createBillingYear, type PriceListTermsInput } from '../billing-factories.ts';

let store: TestStore;

before(async () => {
  store = await createTestStore();
});
after(() => store.destroy());

const run = (input: { year: number; quarter?: number; dryRun?: boolean }) =>
  runBilling(systemContext(store), { ...input, quarter: input.quarter ?? null });

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Small size categories, so that a handful of transactions places an owner in each. */
const sizeCategoryTerms: PriceListTermsInput = {
  sizeCategories: {
    from: { storst: 5000, svaertStor: 2000, stor: 1000, medium: 500, liten: 100 },
    feeOre: { medium: 300_000, liten: 100_000, andre: 50_000 },
  },
};

/** Today's model: the owners pay 2 000 000 øre, under the size categories above. */
const todayLevel = {
  alternative: 0,
  centralAppropriationOre: 3_000_000,
  ownerFundingTodayOre: 2_000_000,
  costs: { 'data-exchange': { 'fixed-operations': 5_000_000 } },
  priceList: sizeCategoryTerms,
};

const line = (product: string, metric: string, weightedTransactions: number, ore: number): RatedLine => ({
  product,
  metric,
  weightedTransactions,
  ore,
});

function statementOf(result: BillingRunResult, owner: string) {
  const found = result.statements.find((s) => s.owner === owner);
  assert.ok(found, `a statement for ${owner}`);
  return found;
}

/** Every line of every statement of an owner's year, summed per product and metric. */
async function billedLines(year: number, owner: string): Promise<RatedLine[]> {
  const ctx = systemContext(store);
  const sums = new Map<string, RatedLine>();
  for (const summary of await listStatements(ctx, { year, owner })) {
    for (const l of (await getStatement(ctx, summary.number)).lines) {
      const key = `${l.product}/${l.metric}`;
      const total = sums.get(key) ?? line(l.product, l.metric, 0, 0);
      total.weightedTransactions += l.weightedTransactions;
      total.ore += l.ore;
      sums.set(key, total);
    }
  }
  return [...sums.values()].filter((l) => l.ore !== 0 || l.weightedTransactions !== 0);
}

async function rejects(work: Promise<unknown>, code: AppError['code'], field: string): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    assert.deepEqual(
      error.fields.map((f) => f.field),
      [field],
    );
    return true;
  });
}

describe('billing runs', () => {
  it('issues a year statement per owner whose lines add up to it, and statements that add up to the run', async () => {
    const setup = await createBillingYear(store, {
      year: 2019,
      ...todayLevel,
      usage: [
        { messages_sent: { 1: 3000, 7: 3000 } },
        { messages_sent: { 3: 1000 }, email_notifications: { 5: 500 } },
        { forms_archived: { 2: 700 } },
        { consents: { 12: 50 } },
      ],
    });
    const [largest, large, medium, other] = setup.codes as [string, string, string, string];
    const result = await run({ year: 2019 });
    assert.equal(result.statements.length, 4);
    // The fixed fees (medium 300 000, andre 50 000) first; the large owners share the rest 6000 : 1500.
    assert.deepEqual(statementOf(result, largest).lines, [line('data-exchange', 'messages_sent', 6000, 1_320_000)]);
    assert.deepEqual(statementOf(result, large).lines, [
      line('digital-post', 'email_notifications', 500, 110_000),
      line('data-exchange', 'messages_sent', 1000, 220_000),
    ]);
    assert.deepEqual(statementOf(result, medium).lines, [line('service-development', 'forms_archived', 700, 300_000)]);
    assert.deepEqual(statementOf(result, other).lines, [line('trust-services', 'consents', 50, 50_000)]);
    for (const s of result.statements) {
      assert.equal(sum(s.lines.map((l) => l.ore)), s.totalOre, s.owner);
      assert.deepEqual([s.kind, s.purpose], ['invoice', 'original']);
      assert.match(s.number ?? '', /^2019-\d{5}$/);
    }
    assert.equal(sum(result.statements.map((s) => s.totalOre)), result.totalOre);
    assert.equal(result.totalOre, 2_000_000, "the owners' part of the year, to the øre");

    // What is stored is what the run answered.
    const ctx = systemContext(store);
    const stored = await listStatements(ctx, { year: 2019 });
    assert.deepEqual(stored.map((s) => s.number).sort(), result.statements.map((s) => s.number).sort());
    for (const s of stored) {
      const view = await getStatement(ctx, s.number);
      assert.equal(sum(view.lines.map((l) => l.ore)), view.totalOre);
      assert.deepEqual(view.lines, statementOf(result, view.owner.code).lines);
      assert.equal(view.quarter, null);
    }
  });

  it('issues nothing when the year is run again and nothing changed', async () => {
    await createBillingYear(store, {
      year: 2018,
      ...todayLevel,
      usage: [{ messages_sent: { 4: 6000 } }, { messages_sent: { 4: 2000 } }],
    });
    const first = await run({ year: 2018 });
    assert.equal(first.statements.length, 2);
    const counts = await billingRowCounts(store);
    const again = await run({ year: 2018 });
    assert.deepEqual([again.statements, again.totalOre], [[], 0]);
    assert.deepEqual(await billingRowCounts(store), counts);
  });

  it('corrects the year after an audited adjustment: a credit and a debit note for the difference only', async () => {
    const setup = await createBillingYear(store, {
      year: 2020,
      ...todayLevel,
      usage: [{ messages_sent: { 1: 6000 } }, { messages_sent: { 3: 1500 } }, { forms_archived: { 6: 700 } }],
    });
    const [a, b, c] = setup.codes as [string, string, string];
    const original = await run({ year: 2020 });
    // 2 000 000 less the medium fee, shared 6000 : 1500.
    assert.deepEqual(
      [a, b, c].map((code) => statementOf(original, code).totalOre),
      [1_360_000, 340_000, 300_000],
    );
    const adjustment = await adjustFigure(store, {
      metric: 'messages_sent',
      year: 2020,
      month: 3,
      owner: setup.owners[1]!,
      delta: 1500,
    });
    assert.deepEqual([adjustment.figureBefore, adjustment.figureAfter], [1500, 3000]);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', adjustment.id)
      .execute();
    assert.deepEqual(
      audit.map((e) => e.action),
      ['usage.adjust'],
    );

    const correction = await run({ year: 2020 });
    // Now 6000 : 3000 of 1 700 000: 1 133 333⅓ and 566 666⅔, the odd øre to the larger remainder.
    assert.deepEqual(
      correction.statements.map((s) => [s.owner, s.kind, s.purpose, s.totalOre]),
      [
        [a, 'credit-note', 'correction', -226_667],
        [b, 'invoice', 'correction', 226_667],
      ].sort(([x], [y]) => (String(x) < String(y) ? -1 : 1)),
    );
    assert.deepEqual(statementOf(correction, a).lines, [line('data-exchange', 'messages_sent', 0, -226_667)]);
    assert.deepEqual(statementOf(correction, b).lines, [line('data-exchange', 'messages_sent', 1500, 226_667)]);

    const ctx = systemContext(store);
    for (const code of [a, b]) {
      const [latest, first] = await listStatements(ctx, { year: 2020, owner: code });
      assert.equal(latest?.purpose, 'correction');
      assert.equal(latest?.correctsNumber, first?.number, 'the correction refers to the original');
      assert.equal(first?.correctsNumber, null);
    }
    assert.deepEqual(await billedLines(2020, a), [line('data-exchange', 'messages_sent', 6000, 1_133_333)]);
    assert.deepEqual(await billedLines(2020, b), [line('data-exchange', 'messages_sent', 3000, 566_667)]);
    assert.equal((await run({ year: 2020 })).statements.length, 0, 'corrected once');
  });

  it('bills Q1, Q2 and then the year so that each owner pays exactly the full-year rating under tiers', async () => {
    const setup = await createBillingYear(store, {
      year: 2021,
      alternative: 5,
      costs: {
        'digital-post': { 'variable-operations': 7_600_000 },
        'data-exchange': { 'variable-operations': 3_500_000 },
        'service-development': { maintenance: 1_000_000 },
      },
      priceList: {
        weights: { sms_notifications: 0.5 },
        products: {
          'data-exchange': {
            tierModel: 'graduated',
            tiers: [
              { from: 0, rate: 1 },
              { from: 1000, rate: 0.5 },
            ],
          },
          'digital-post': {
            tierModel: 'volume',
            tiers: [
              { from: 0, rate: 1 },
              { from: 500, rate: 0.8 },
            ],
          },
        },
      },
      usage: [
        {
          messages_sent: { 1: 400, 4: 400, 7: 700 },
          email_notifications: { 3: 300, 8: 300 },
          sms_notifications: { 6: 200 },
        },
        { messages_sent: { 2: 250, 5: 250 }, email_notifications: { 1: 200 }, forms_archived: { 1: 100 } },
      ],
    });
    const [a, b] = setup.codes as [string, string];
    const q1 = await run({ year: 2021, quarter: 1 });
    const q2 = await run({ year: 2021, quarter: 2 });
    await rejects(run({ year: 2021, quarter: 1 }), 'conflict', 'quarter');
    const year = await run({ year: 2021 });
    await rejects(run({ year: 2021, quarter: 2 }), 'conflict', 'quarter');
    for (const result of [q1, q2, year]) {
      assert.deepEqual(result.statements.map((s) => s.owner).sort(), [a, b].sort(), `period ${result.quarter}`);
      assert.ok(result.statements.every((s) => s.purpose === 'original'));
    }
    const stored = await listStatements(systemContext(store), { year: 2021 });
    assert.deepEqual(
      stored.map((s) => s.quarter),
      [null, null, 2, 2, 1, 1],
    );
    // Q1 bills the year to date against a quarter of each cost: data exchange 875 000 øre shared 400 : 250 (the odd
    // øre to A), digital post 1 900 000 shared 300 : 200 (no band reached yet), service development 250 000 to B.
    assert.deepEqual(
      [statementOf(q1, a).totalOre, statementOf(q1, b).totalOre],
      [538_462 + 1_140_000, 336_538 + 760_000 + 250_000],
    );
    // The year: data exchange graduated (A 1000 + 500 × 0.5 = 1250 units, B 500), digital post by volume (A's 700
    // weighted transactions all at 0.8 = 560, B 200), service development flat (B only).
    assert.deepEqual(await billedLines(2021, a), [
      line('digital-post', 'email_notifications', 600, 4_800_000),
      line('digital-post', 'sms_notifications', 100, 800_000),
      line('data-exchange', 'messages_sent', 1500, 2_500_000),
    ]);
    assert.deepEqual(await billedLines(2021, b), [
      line('digital-post', 'email_notifications', 200, 2_000_000),
      line('data-exchange', 'messages_sent', 500, 1_000_000),
      line('service-development', 'forms_archived', 100, 1_000_000),
    ]);
    const billed = sum([q1, q2, year].map((r) => r.totalOre));
    assert.equal(billed, 12_100_000, "the year's costs, all billed to the owners");
  });

  it('rates a dry run like the real one and writes nothing', async () => {
    await createBillingYear(store, {
      year: 2022,
      ...todayLevel,
      usage: [{ messages_sent: { 2: 5000 } }, { messages_sent: { 9: 2500 } }, { consents: { 1: 20 } }],
    });
    const before = await billingRowCounts(store);
    const dry = await run({ year: 2022, dryRun: true });
    assert.deepEqual(await billingRowCounts(store), before);
    assert.equal(dry.dryRun, true);
    assert.equal(dry.statements.length, 3);
    assert.ok(dry.statements.every((s) => s.number === null));
    assert.equal(dry.totalOre, 2_000_000);

    const real = await run({ year: 2022 });
    const strip = (r: BillingRunResult) => r.statements.map((s) => ({ ...s, number: null }));
    assert.deepEqual(strip(real), strip(dry));
    assert.equal(real.totalOre, dry.totalOre);
    const afterRun = await billingRowCounts(store);
    assert.equal(afterRun.billing_statements, (before.billing_statements ?? 0) + 3);
    assert.equal(afterRun.billing_runs, (before.billing_runs ?? 0) + 1);

    const dryAgain = await run({ year: 2022, dryRun: true });
    assert.deepEqual(dryAgain.statements, []);
    assert.deepEqual(await billingRowCounts(store), afterRun);
  });

  it('refuses a period with an unclosed usage month, naming the year or the quarter, and writes nothing', async () => {
    await createBillingYear(store, {
      year: 2017,
      ...todayLevel,
      usage: [{ messages_sent: { 1: 6000 } }],
      closeThrough: 4,
    });
    const before = await billingRowCounts(store);
    await rejects(run({ year: 2017 }), 'validation', 'year');
    await rejects(run({ year: 2017, quarter: 2, dryRun: true }), 'validation', 'quarter');
    assert.deepEqual(await billingRowCounts(store), before);
    assert.equal((await run({ year: 2017, quarter: 1 })).statements.length, 1, 'Q1 is closed');
  });
});
