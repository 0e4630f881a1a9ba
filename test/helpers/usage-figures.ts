import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/platform/db/database.ts';
import { testEpoch } from './factories.ts';

/** Rows straight into the three usage tables, so read-side tests do not depend on ingestion or imports. */
export interface UsageRows {
  daily?: { metric: string; day: string; ownerId?: string; serviceId?: string; count: number }[];
  imports?: { metric: string; month: string; ownerId?: string; serviceId?: string; count: number }[];
  adjustments?: { metric: string; month: string; ownerId?: string; serviceId?: string; delta: number }[];
}

export async function insertUsageRows(store: Store, rows: UsageRows): Promise<void> {
  if (rows.daily?.length) {
    await store.db
      .insertInto('usage_daily')
      .values(
        rows.daily.map((r) => ({
          metric: r.metric,
          day: r.day,
          owner_id: r.ownerId ?? '',
          service_id: r.serviceId ?? '',
          count: r.count,
        })),
      )
      .execute();
  }
  if (rows.imports?.length) {
    await store.db
      .insertInto('usage_monthly_imports')
      .values(
        rows.imports.map((r) => ({
          metric: r.metric,
          month: r.month,
          owner_id: r.ownerId ?? '',
          service_id: r.serviceId ?? '',
          count: r.count,
          source_name: 'test.csv',
          imported_at: testEpoch,
        })),
      )
      .execute();
  }
  if (rows.adjustments?.length) {
    await store.db
      .insertInto('usage_adjustments')
      .values(
        rows.adjustments.map((r) => ({
          id: randomUUID(),
          metric: r.metric,
          month: r.month,
          owner_id: r.ownerId ?? '',
          service_id: r.serviceId ?? '',
          delta: r.delta,
          reason: 'test',
          created_by: null,
          created_at: testEpoch,
        })),
      )
      .execute();
  }
}
