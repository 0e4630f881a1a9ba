// `niva case import|list|recompute`: loaded when one of them runs.
import { formatInstant } from '../../../platform/domain/calendar/iso-instant.ts';
import { caseKinds, isCaseKind } from '../domain/case-types.ts';
import type { ClockState } from '../../../platform/domain/sla/clocks.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { caseOwnerCodes } from '../services/case-owner-codes.ts';
import { countCases } from '../services/count-cases.ts';
import { importCases, type ImportReport } from '../services/import-cases.ts';
import { listCases } from '../services/list-cases.ts';
import { recomputeCaseClocks } from '../services/recompute-case-clocks.ts';
import { csvCases, parseColumnMap } from './case-import.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { withProgress } from '../../../platform/cli/progress.ts';
import { instantArg, numberOption } from '../../../platform/cli/args.ts';
import { readCsvText } from '../../../platform/cli/input-file.ts';

export interface ImportOptions {
  map?: string;
  dryRun?: boolean;
  json?: boolean;
  kindDefault?: string;
}

export async function caseImport(run: CliRun, file: string, opts: ImportOptions): Promise<void> {
  const json = !!opts.json;
  const kindDefault = opts.kindDefault;
  if (kindDefault !== undefined && !isCaseKind(kindDefault))
    throw new UsageError(`--kind-default: one of ${caseKinds.join(', ')}`);
  const map = parseColumnMap(opts.map);
  const { rows, headerOf } = csvCases(file, readCsvText(file), map, { typeOptional: kindDefault !== undefined });
  // A dry run does not even apply pending migrations: it promises to write nothing.
  const report: ImportReport = await run.withStore(
    async (store) =>
      withProgress(run, json, async (update) =>
        importCases(await run.context(store), rows, {
          dryRun: !!opts.dryRun,
          onProgress: update,
          ...(kindDefault !== undefined && isCaseKind(kindDefault) ? { kindDefault } : {}),
        }),
      ),
    { migrate: !opts.dryRun },
  );
  // Problems name the file's own header (a --map source), which is what the person will look for.
  const errors = report.errors.map((e) => ({
    row: e.row,
    column: e.column === null ? null : headerOf(e.column),
    problem: e.problem,
  }));
  const lines = errors.map((e) =>
    e.column === null ? `row ${e.row}: ${e.problem}` : `row ${e.row}, column ${e.column}: ${e.problem}`,
  );
  const note = opts.dryRun ? ' (dry run: nothing was written)' : report.failed > 0 ? ' (failed rows were skipped)' : '';
  const summary = `imported ${report.imported}, unchanged ${report.unchanged}, failed ${report.failed}${note}`;
  run.print(
    json,
    { imported: report.imported, unchanged: report.unchanged, failed: report.failed, errors },
    [...lines, summary].join('\n'),
  );
  if (report.failed > 0) run.exitCode = 1;
}

export interface ListOptions {
  json?: boolean;
  owner?: string;
  state?: string;
  at?: string;
  limit?: string;
}

interface ListedCase {
  externalId: string | null;
  reference: string;
  type: string;
  category: string | null;
  owner: string | null;
  status: string;
  paused: boolean;
  title: string;
  registeredAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  sla: { policy: string; due: string | null; state: ClockState }[];
}

const pageSize = 500;

/** Every page of the list, up to `limit` cases, each with its clocks evaluated at `at`. */
async function listAll(
  ctx: ServiceContext,
  filter: { state: 'open' | 'closed' | 'all'; owner?: string; at: number; limit: number },
): Promise<ListedCase[]> {
  const listed: ListedCase[] = [];
  const codes = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await listCases(ctx, {
      state: filter.state,
      sort: 'registered',
      at: filter.at,
      limit: Math.min(pageSize, filter.limit - listed.length),
      ...(filter.owner ? { organisationId: filter.owner } : {}),
      ...(cursor ? { cursor } : {}),
    }).catch((error: unknown) => {
      if (isAppError(error) && error.fields.some((f) => f.field === 'organisationId'))
        throw new UsageError(`--owner: unknown organisation ${filter.owner ?? ''}`);
      throw error;
    });
    const unknownOwners = [
      ...new Set(
        page.items.map((i) => i.row.organisation_id).filter((id): id is string => id !== null && !codes.has(id)),
      ),
    ];
    if (unknownOwners.length > 0)
      for (const [id, code] of await caseOwnerCodes(ctx, { organisationIds: unknownOwners })) codes.set(id, code);
    for (const { row, clocks } of page.items) {
      listed.push({
        externalId: row.external_id,
        reference: row.reference,
        type: row.kind,
        category: row.category,
        owner: row.organisation_id === null ? null : (codes.get(row.organisation_id) ?? row.organisation_id),
        status: row.status,
        paused: row.paused === 1,
        title: row.title,
        registeredAt: formatInstant(row.registered_at),
        resolvedAt: row.resolved_at === null ? null : formatInstant(row.resolved_at),
        closedAt: row.closed_at === null ? null : formatInstant(row.closed_at),
        sla: clocks.map((c) => ({
          policy: c.policyId,
          due: c.dueAt === null ? null : formatInstant(c.dueAt),
          state: c.state,
        })),
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && listed.length < filter.limit);
  return listed;
}

function table(cases: readonly ListedCase[]): string {
  if (cases.length === 0) return 'no cases';
  const head = ['REFERENCE', 'EXTERNAL ID', 'TYPE', 'CAT', 'OWNER', 'STATUS', 'SLA'];
  const body = cases.map((c) => [
    c.reference,
    c.externalId ?? '-',
    c.type,
    c.category ?? '-',
    c.owner ?? '(platform)',
    c.status + (c.paused ? ' (paused)' : ''),
    c.sla.map((s) => `${s.policy} ${s.state}${s.due ? ` (due ${s.due})` : ''}`).join('; ') || '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  // The last column is not padded, so lines carry no trailing blanks.
  return [head, ...body]
    .map((r) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n');
}

export async function caseList(run: CliRun, opts: ListOptions): Promise<void> {
  const state = opts.state ?? 'all';
  if (state !== 'open' && state !== 'closed' && state !== 'all')
    throw new UsageError(`--state: open, closed or all, not ${state}`);
  const at = opts.at === undefined ? undefined : instantArg('--at', opts.at);
  const limit =
    opts.limit === undefined
      ? Number.MAX_SAFE_INTEGER
      : numberOption('--limit', opts.limit, { min: 1 }, `a positive whole number, not ${opts.limit}`);
  const cases = await run.withStore(async (store) => {
    const ctx = await run.context(store);
    return listAll(ctx, { state, at: at ?? ctx.clock.now(), limit, ...(opts.owner ? { owner: opts.owner } : {}) });
  });
  run.io.stdout.write(opts.json ? `${JSON.stringify(cases)}\n` : `${table(cases)}\n`);
}

export async function caseRecompute(run: CliRun, opts: { json?: boolean }): Promise<void> {
  const json = !!opts.json;
  const report = await run.withStore(async (store) => {
    const ctx = await run.context(store);
    const total = json || !run.io.stderr.isTTY ? 0 : await countCases(ctx);
    return withProgress(run, json, (update) => recomputeCaseClocks(ctx, { onProgress: (done) => update(done, total) }));
  });
  run.print(
    json,
    { checked: report.cases, repaired: report.repaired },
    `checked ${report.cases} cases, repaired ${report.repaired}`,
  );
}
