import { newId, type ServiceContext } from '../../../platform/services/context.ts';
import {
  importSupportLog,
  type SupportImportOptions,
  type SupportImportReport,
  type SupportLogKind,
} from './import-support-log.ts';
import { emailRecord } from './support-records.ts';

const emails: SupportLogKind<typeof emailRecord> = {
  table: 'support_emails',
  schema: emailRecord,
  action: 'support.import-emails',
  instantOf: (r) => r.receivedAt,
  row: (r, importedAt) => ({
    id: newId(),
    line: r.line,
    external_id: r.externalId,
    received_at: r.receivedAt,
    first_answer_at: r.firstAnswerAt ?? null,
    imported_at: importedAt,
  }),
};

/** Imports e-mail log records of the support lines (operator only); records already imported are left as they are. */
export function importSupportEmails(
  ctx: ServiceContext,
  records: readonly unknown[],
  options: SupportImportOptions = {},
): Promise<SupportImportReport> {
  return importSupportLog(ctx, emails, records, options);
}
