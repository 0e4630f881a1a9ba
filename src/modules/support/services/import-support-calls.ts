import { newId, type ServiceContext } from '../../../platform/services/context.ts';
import {
  importSupportLog,
  type SupportImportOptions,
  type SupportImportReport,
  type SupportLogKind,
} from './import-support-log.ts';
import { callRecord } from './support-records.ts';

const calls: SupportLogKind<typeof callRecord> = {
  table: 'support_calls',
  schema: callRecord,
  action: 'support.import-calls',
  instantOf: (r) => r.queuedAt,
  row: (r, importedAt) => ({
    id: newId(),
    line: r.line,
    external_id: r.externalId,
    queued_at: r.queuedAt,
    answered_at: r.answeredAt ?? null,
    abandoned: r.abandoned ? 1 : 0,
    callback: r.callback ? 1 : 0,
    imported_at: importedAt,
  }),
};

/** Imports call log records of the support lines (operator only); records already imported are left as they are. */
export function importSupportCalls(
  ctx: ServiceContext,
  records: readonly unknown[],
  options: SupportImportOptions = {},
): Promise<SupportImportReport> {
  return importSupportLog(ctx, calls, records, options);
}
