import { sql } from 'kysely';
import { checkUsageEvent, type CheckedUsageEvent } from '../domain/usage-event.ts';
import { epochDayDate, epochDayMonth, osloEpochDay, usageEventKey } from '../domain/usage-day.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { inTransaction, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { resolveRegistry } from './usage-registry-cache.ts';
import { metricIds, type UsageSettings } from './usage-settings.ts';

export interface RejectedEvent {
  /** Position in the request (0-based; for NDJSON the line's position among non-empty lines). */
  index: number;
  /** The event's id when it had one, so a sender can find it without counting. */
  id: string | null;
  field: string;
  reason: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

/** An item of a request: a parsed event, or a line that was not JSON at all. */
export type IngestItem = { value: unknown } | { unparsable: string };

interface Countable {
  index: number;
  key: string;
  event: CheckedUsageEvent;
  epochDay: number;
  ownerId: string;
  serviceId: string;
  raw: unknown;
}

const dayMs = 86_400_000;
// A sender's clock may run a little ahead of ours; anything further ahead is a bug at the sender.
const futureToleranceMs = 5 * 60_000;
// SQLite binds at most 32 766 parameters a statement and PostgreSQL 65 535; 2–4 per row keeps well inside both.
const rowsPerStatement = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += rowsPerStatement) out.push(items.slice(i, i + rowsPerStatement));
  return out;
}

/**
 * Counts usage events exactly once. Every event is checked on its own; the valid ones are counted in one
 * transaction: their dedupe keys are inserted (a key that is already there marks a duplicate, acknowledged but not
 * counted) and the new ones are added to the day's aggregate. When this returns, the counts are committed.
 * Events older than the late-event horizon, too far in the future, or in a closed month are rejected; a closed
 * month changes only through an adjustment.
 */
export async function ingestUsageEvents(
  ctx: ServiceContext,
  input: { items: readonly IngestItem[]; settings: UsageSettings },
): Promise<IngestResult> {
  authorize(ctx.actor, 'usage.ingest');
  const { settings } = input;
  const rules = { eventTypes: settings.catalogue.eventTypes, metrics: metricIds(settings.catalogue) };
  const now = ctx.clock.now();
  // The late-event horizon is normally the tighter bound; the configured earliest date wins on a young installation.
  const earliest = Math.max(now - settings.lateHorizonDays * dayMs, ctx.limits.earliest);
  const latest = now + futureToleranceMs;
  const rejected: RejectedEvent[] = [];
  const checked: { index: number; event: CheckedUsageEvent; raw: unknown }[] = [];
  const reject = (index: number, raw: unknown, field: string, reason: string) => {
    const id =
      typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : null;
    rejected.push({ index, id, field, reason });
  };

  input.items.forEach((item, index) => {
    if ('unparsable' in item) return reject(index, null, '(event)', item.unparsable);
    const result = checkUsageEvent(item.value, rules);
    if (!result.ok) return reject(index, item.value, result.field, result.reason);
    checked.push({ index, event: result.event, raw: item.value });
  });

  const ownerCodes = new Set<string>();
  const resourceIds = new Set<string>();
  for (const { event } of checked) {
    if (event.ownerCode !== null) ownerCodes.add(event.ownerCode);
    if (event.resourceId !== null) resourceIds.add(event.resourceId);
  }
  const registry = await resolveRegistry(ctx.db, ownerCodes, resourceIds);

  const candidates: Countable[] = [];
  // Too old or in a closed month: rejected, unless it is a retry of an event already counted.
  const lateRetries: { index: number; key: string; raw: unknown; field: string; reason: string }[] = [];
  const seenInRequest = new Set<string>();
  let duplicates = 0;
  for (const { index, event, raw } of checked) {
    let ownerId: string;
    let serviceId = '';
    const service = event.resourceId === null ? undefined : registry.services.get(event.resourceId);
    if (event.ownerCode !== null) {
      const owner = registry.owners.get(event.ownerCode);
      if (owner === undefined) {
        reject(index, raw, 'data.owner', `no service owner has the code "${event.ownerCode.slice(0, 80)}"`);
        continue;
      }
      ownerId = owner;
      if (event.resourceId !== null) {
        if (service === undefined || service.ownerId !== owner) {
          reject(
            index,
            raw,
            'data.service',
            service === undefined
              ? `no registered service has the resource id "${event.resourceId.slice(0, 120)}"`
              : `the service does not belong to ${event.ownerCode}`,
          );
          continue;
        }
        serviceId = service.serviceId;
      }
    } else {
      if (service === undefined) {
        reject(
          index,
          raw,
          'resource',
          `no registered service has the resource id "${(event.resourceId ?? '').slice(0, 120)}"`,
        );
        continue;
      }
      ownerId = service.ownerId;
      serviceId = service.serviceId;
    }
    const key = usageEventKey(event.source, event.id);
    if (seenInRequest.has(key)) {
      duplicates++;
      continue;
    }
    seenInRequest.add(key);
    if (event.time > latest) {
      reject(index, raw, 'time', 'is in the future');
      continue;
    }
    const epochDay = osloEpochDay(event.time);
    if (event.time < earliest) {
      lateRetries.push({
        index,
        key,
        raw,
        field: 'time',
        reason:
          event.time < ctx.limits.earliest
            ? 'is before the earliest date accepted'
            : `is older than the late-event horizon of ${settings.lateHorizonDays} days`,
      });
      continue;
    }
    candidates.push({ index, key, event, epochDay, ownerId, serviceId, raw });
  }

  // Rows are written in key order, so concurrent requests that share keys or day aggregates take their row locks in
  // the same order and wait for each other instead of deadlocking (PostgreSQL).
  candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let countable: Countable[] = [];
  const counted = await inTransaction(ctx, async (trx) => {
    // Read inside the transaction, so a month closed by another node a moment ago is seen before anything is added.
    const closedMonths = await closedMonthsSince(trx, epochDayMonth(osloEpochDay(earliest)));
    countable = candidates.filter((c) => {
      const month = epochDayMonth(c.epochDay);
      if (!closedMonths.has(month)) return true;
      lateRetries.push({
        index: c.index,
        key: c.key,
        raw: c.raw,
        field: 'time',
        reason: `falls in ${month}, which is closed; closed months change only through an adjustment`,
      });
      return false;
    });
    const fresh = await insertKeys(trx, countable);
    await addToAggregates(
      trx,
      countable.filter((c) => fresh.has(c.key)),
    );
    if (settings.keepRaw)
      await keepRawEvents(
        trx,
        countable.filter((c) => fresh.has(c.key)),
        now,
      );
    const known = await existingKeys(
      trx,
      lateRetries.map((r) => r.key),
    );
    for (const retry of lateRetries) {
      if (known.has(retry.key)) duplicates++;
      else reject(retry.index, retry.raw, retry.field, retry.reason);
    }
    return fresh.size;
  });
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: counted, duplicates: duplicates + countable.length - counted, rejected };
}

async function closedMonthsSince(trx: Tx, fromMonth: string): Promise<ReadonlySet<string>> {
  const rows = await trx.selectFrom('usage_month_closures').select('month').where('month', '>=', fromMonth).execute();
  return new Set(rows.map((r) => r.month));
}

/** Inserts the keys that are not there yet and returns those it inserted. */
async function insertKeys(trx: Tx, rows: readonly Countable[]): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (const chunk of chunks(rows)) {
    const inserted = await trx
      .insertInto('usage_event_keys')
      .values(chunk.map((c) => ({ key: c.key, event_day: c.epochDay })))
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    for (const row of inserted) fresh.add(row.key);
  }
  return fresh;
}

async function existingKeys(trx: Tx, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(keys)) {
    const rows = await trx.selectFrom('usage_event_keys').select('key').where('key', 'in', chunk).execute();
    for (const row of rows) found.add(row.key);
  }
  return found;
}

async function addToAggregates(trx: Tx, rows: readonly Countable[]): Promise<void> {
  const sums = new Map<string, { metric: string; day: string; owner_id: string; service_id: string; count: number }>();
  for (const { event, epochDay, ownerId, serviceId } of rows) {
    const id = `${event.metric}\u0000${epochDay}\u0000${ownerId}\u0000${serviceId}`;
    const sum = sums.get(id);
    if (sum) sum.count += event.count;
    else
      sums.set(id, {
        metric: event.metric,
        day: epochDayDate(epochDay),
        owner_id: ownerId,
        service_id: serviceId,
        count: event.count,
      });
  }
  const ordered = [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  for (const chunk of chunks(ordered)) {
    await trx
      .insertInto('usage_daily')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['metric', 'day', 'owner_id', 'service_id'])
          .doUpdateSet({ count: sql<number>`usage_daily.count + excluded.count` }),
      )
      .execute();
  }
}

async function keepRawEvents(trx: Tx, rows: readonly Countable[], receivedAt: number): Promise<void> {
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('usage_raw_events')
      .values(
        chunk.map((c) => ({ key: c.key, event_day: c.epochDay, received_at: receivedAt, body: JSON.stringify(c.raw) })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}
