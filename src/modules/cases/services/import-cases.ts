import type { CaseKind } from '../domain/case-types.ts';
import type { Organisation } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/services/actor.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import {
  caseFromRow,
  type ColumnProblem,
  columnProblems,
  type ImportColumn,
  importColumns,
  type ImportedCase,
  type RowValues,
} from './case-import-rows.ts';
import { registerCase } from './register-case.ts';

export interface ImportRow {
  /** Line of the source file the row starts on; problems are reported against it. */
  line: number;
  values: RowValues;
  /** A problem found while reading the row (e.g. more fields than the header), reported like the others. */
  malformed?: string;
}

export interface ImportProblem {
  row: number;
  column: ImportColumn | null;
  problem: string;
}

export interface ImportReport {
  imported: number;
  /** Rows whose external id is already registered (or repeated in the file): nothing written for them. */
  unchanged: number;
  failed: number;
  errors: ImportProblem[];
}

export interface ImportOptions {
  /** Check every row as the real run would, and write nothing. */
  dryRun?: boolean;
  /** The case type of rows whose `type` cell is empty. */
  kindDefault?: CaseKind;
  onProgress?: (done: number, total: number) => void;
}

const chunk = 500;

/** A case's external id as its owner's: the same id under two owners is two cases. */
function ownedKey(ownerCode: string | null, externalId: string): string {
  return `${ownerCode ?? ''}\u0000${externalId}`;
}

/** Which of these external ids are already registered, per owner, asked in chunks to stay under bind-parameter limits. */
async function knownExternalIds(ctx: ServiceContext, ids: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += chunk) {
    const rows = await ctx.db
      .selectFrom('cases')
      .leftJoin('organisations', 'organisations.id', 'cases.organisation_id')
      .select(['cases.external_id', 'organisations.code'])
      .where('cases.external_id', 'in', unique.slice(i, i + chunk))
      .execute();
    for (const r of rows) if (r.external_id !== null) known.add(ownedKey(r.code, r.external_id));
  }
  return known;
}

/** The database half of the checks `registerCase` makes: the owner exists and owns cases, the service is the owner's. */
class ReferenceChecks {
  private readonly owners = new Map<string, Organisation | null>();
  private readonly ctx: ServiceContext;

  constructor(ctx: ServiceContext) {
    this.ctx = ctx;
  }

  private async owner(code: string): Promise<Organisation | null> {
    if (!this.owners.has(code)) {
      const row = await this.ctx.db
        .selectFrom('organisations')
        .selectAll()
        .where((eb) => eb.or([eb('code', '=', code), eb('id', '=', code)]))
        .executeTakeFirst();
      this.owners.set(code, row ?? null);
    }
    return this.owners.get(code) ?? null;
  }

  async problems(mapped: Pick<ImportedCase, 'ownerCode' | 'serviceRef'>): Promise<ColumnProblem[]> {
    const problems: ColumnProblem[] = [];
    let owner: Organisation | null = null;
    if (mapped.ownerCode !== null) {
      owner = await this.owner(mapped.ownerCode);
      if (!owner) problems.push({ column: 'owner', problem: `unknown organisation ${mapped.ownerCode}` });
      else if (owner.kind !== 'owner')
        problems.push({ column: 'owner', problem: `${mapped.ownerCode} is not a service owner; cases belong to one` });
    }
    if (mapped.serviceRef !== null) {
      const ref = mapped.serviceRef;
      const service = await this.ctx.db
        .selectFrom('services')
        .select(['id', 'organisation_id'])
        .where((eb) => eb.or([eb('id', '=', ref), eb('resource_id', '=', ref)]))
        .executeTakeFirst();
      if (!service || (owner !== null && service.organisation_id !== owner.id))
        problems.push({ column: 'service', problem: `no service ${ref} of ${mapped.ownerCode ?? 'this owner'}` });
    }
    return problems;
  }
}

/**
 * Registers cases with their past events from rows of an export (one transaction per case, through `registerCase`).
 * Valid rows are imported and invalid ones reported and skipped; an external id seen before is left unchanged, so a
 * file can be imported again. A dry run makes the same checks, reads only, and writes nothing.
 */
export async function importCases(
  ctx: ServiceContext,
  rows: readonly ImportRow[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  // Backdated registrations with their history are the service desk's to make, never an owner's.
  authorize(ctx.actor, 'case.work');
  const now = ctx.clock.now();
  const report: ImportReport = { imported: 0, unchanged: 0, failed: 0, errors: [] };
  const references = new ReferenceChecks(ctx);
  const known = options.dryRun
    ? await knownExternalIds(ctx, rows.map((r) => (r.values.external_id ?? '').trim()).filter(Boolean))
    : new Set<string>();
  const fail = (row: ImportRow, problems: readonly ColumnProblem[]) => {
    report.failed += 1;
    // In the contract's column order, so a row's problems read left to right.
    const place = (p: ColumnProblem) => (p.column === null ? -1 : importColumns.indexOf(p.column));
    for (const p of [...problems].sort((a, b) => place(a) - place(b))) report.errors.push({ row: row.line, ...p });
  };

  for (const [index, row] of rows.entries()) {
    const mapped = caseFromRow(row.values, {
      now,
      ...(options.kindDefault ? { kindDefault: options.kindDefault } : {}),
    });
    const cell = (column: ImportColumn) => (row.values[column] ?? '').trim() || null;
    const problems = [
      ...(row.malformed ? [{ column: null, problem: row.malformed }] : []),
      ...(mapped.ok ? [] : mapped.problems),
      ...(await references.problems({ ownerCode: cell('owner'), serviceRef: cell('service') })),
    ];
    if (!mapped.ok || problems.length > 0) {
      fail(row, problems);
    } else if (options.dryRun) {
      // The real run registers the first row of an external id and leaves every later one unchanged.
      const key = ownedKey(mapped.value.ownerCode, mapped.value.externalId);
      if (known.has(key)) report.unchanged += 1;
      else report.imported += 1;
      known.add(key);
    } else {
      try {
        const { created } = await registerCase(ctx, mapped.value.input, { history: mapped.value.history });
        if (created) report.imported += 1;
        else report.unchanged += 1;
      } catch (error) {
        if (!isAppError(error)) throw error;
        fail(
          row,
          error.fields.length > 0
            ? columnProblems(error.fields, mapped.value.history)
            : [{ column: null, problem: error.message }],
        );
      }
    }
    options.onProgress?.(index + 1, rows.length);
  }
  return report;
}
