import { authorize } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { ratePeriod } from '../domain/rate-period.ts';
import { canonicalJson, digestOf } from '../domain/rating-snapshot.ts';
import { statementLines } from '../domain/statement-delta.ts';
import { findPriceList } from './billing-catalogue.ts';
import { getStatement, type StatementView } from './billing-statements.ts';
import type { RunSnapshot } from './period-rating.ts';
import { billedStatements } from './run-billing.ts';

export interface StatementVerification {
  number: string;
  /** The run's stored snapshot still has the digest the statement names. */
  snapshotIntact: boolean;
  /** The price list the run names still has the digest the statement names. */
  priceListIntact: boolean;
  /**
   * The run's audit event (hash-chained: `niva audit verify` checks the chain) names the same snapshot digest and this
   * statement's number and total.
   */
  recordedInAudit: boolean;
  /** Rating the snapshot again and taking off what was billed before gives exactly the statement's lines. */
  linesMatch: boolean;
  matches: boolean;
  expectedTotalOre: number;
  totalOre: number;
}

/**
 * Rates a statement again from what it names: the run's stored snapshot (checked against its digest) and the
 * statements issued before it for the same owner and year. An owner may verify its own statements.
 */
export async function verifyStatement(ctx: ServiceContext, number: string): Promise<StatementVerification> {
  authorize(ctx.actor, 'billing.read');
  const view = await getStatement(ctx, number);
  const run = await ctx.db.selectFrom('billing_runs').selectAll().where('id', '=', view.runId).executeTakeFirst();
  if (!run) throw new AppError('not-found', 'no such statement');
  const snapshot = JSON.parse(run.snapshot) as RunSnapshot;
  const snapshotIntact = digestOf(snapshot) === view.provenance.snapshotDigest;
  const priceList = await findPriceList(ctx.db, run.price_list_id);
  const priceListIntact =
    priceList !== null &&
    priceList.digest === view.provenance.priceListDigest &&
    canonicalJson(priceList.terms) === canonicalJson(snapshot.terms);
  const owner = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', view.owner.code)
    .executeTakeFirstOrThrow();
  const before = (await billedStatements(ctx.db, view.year)).filter(
    (s) => s.organisationId === owner.id && s.number < view.number,
  );
  // The snapshot names owners by their code at the time of the run, which the operator may have changed since.
  const ratedAs = Object.entries(snapshot.ownerIds ?? {}).find(([, id]) => id === owner.id)?.[0] ?? view.owner.code;
  const rated = ratePeriod(snapshot).owners.find((o) => o.owner === ratedAs);
  const expected = statementLines(
    rated?.lines ?? [],
    before.flatMap((s) => s.lines),
  );
  const linesMatch = canonicalJson(expected) === canonicalJson(view.lines);
  const recordedInAudit = await auditRecords(ctx, run.id, view);
  return {
    number: view.number,
    snapshotIntact,
    priceListIntact,
    linesMatch,
    recordedInAudit,
    matches: snapshotIntact && priceListIntact && linesMatch && recordedInAudit,
    expectedTotalOre: expected.reduce((a, l) => a + l.ore, 0),
    totalOre: view.totalOre,
  };
}

async function auditRecords(ctx: ServiceContext, runId: string, view: StatementView): Promise<boolean> {
  const event = await ctx.db
    .selectFrom('audit_events')
    .select('summary')
    .where('action', '=', 'billing.run')
    .where('subject_id', '=', runId)
    .executeTakeFirst();
  if (!event) return false;
  const summary = JSON.parse(event.summary) as { snapshot?: unknown; statements?: unknown };
  if (summary.snapshot !== view.provenance.snapshotDigest) return false;
  return (
    Array.isArray(summary.statements) &&
    summary.statements.some((entry) => Array.isArray(entry) && entry[0] === view.number && entry[1] === view.totalOre)
  );
}
