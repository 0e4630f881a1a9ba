import { parseInstant } from '../../../platform/domain/calendar/iso-instant.ts';
import { checkEvent, checkRegistration, deriveCase, type LifecycleEvent } from '../domain/case-lifecycle.ts';
import {
  caseKinds,
  type CaseEventType,
  type CaseKind,
  caseTypes,
  isCaseKind,
  isIncidentCategory,
} from '../domain/case-types.ts';
import type { FieldProblem } from '../../../platform/services/app-error.ts';
import { type RegisterCaseInput, registerCaseInput } from './case-schemas.ts';

/** The import file's contract: these columns must be in the header (a cell may be empty). */
export const requiredImportColumns = [
  'external_id',
  'type',
  'category',
  'owner',
  'title',
  'registered_at',
  'work_started_at',
  'workaround_at',
  'resolved_at',
  'feedback_at',
] as const;
/** Read when present. `service` (id or resource id) is what a deactivation order needs. */
export const optionalImportColumns = ['description', 'closed_at', 'qualified_at', 'service'] as const;
export const importColumns = [...requiredImportColumns, ...optionalImportColumns] as const;
export type ImportColumn = (typeof importColumns)[number];

export function isImportColumn(value: string): value is ImportColumn {
  return (importColumns as readonly string[]).includes(value);
}

/** One data row, keyed by contract column; absent optional columns are missing or empty. */
export type RowValues = Partial<Record<ImportColumn, string>>;

export interface ColumnProblem {
  /** Null when the problem is the row as a whole. */
  column: ImportColumn | null;
  problem: string;
}

/** A row ready for `registerCase`; `ownerCode` is null for a platform-wide incident. */
export interface ImportedCase {
  externalId: string;
  ownerCode: string | null;
  serviceRef: string | null;
  input: RegisterCaseInput;
  history: LifecycleEvent[];
}

export type RowMapping = { ok: true; value: ImportedCase } | { ok: false; problems: ColumnProblem[] };

/**
 * The history columns in their natural order: events at the same instant are recorded in this order, which is the
 * order the lifecycle expects (a workaround before the resolution it led to, feedback before closing).
 */
export const historyColumns: readonly { column: ImportColumn; type: CaseEventType }[] = [
  { column: 'work_started_at', type: 'work-started' },
  { column: 'workaround_at', type: 'workaround' },
  { column: 'qualified_at', type: 'qualified' },
  { column: 'resolved_at', type: 'resolved' },
  { column: 'feedback_at', type: 'feedback-given' },
  { column: 'closed_at', type: 'closed' },
];

const columnOfEvent = new Map<CaseEventType, ImportColumn>(historyColumns.map((h) => [h.type, h.column]));

/** The lifecycle demands a reason for closing an unresolved case; for an import the reason is where it was closed. */
export const closedUnresolvedReason = 'closed unresolved in the source system (imported)';

const instantExample = '2026-03-02T10:00:00+01:00';

function cell(values: RowValues, column: ImportColumn): string {
  return (values[column] ?? '').trim();
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

const fieldColumns: Record<string, ImportColumn> = {
  organisationId: 'owner',
  kind: 'type',
  category: 'category',
  title: 'title',
  description: 'description',
  registeredAt: 'registered_at',
  externalId: 'external_id',
  serviceId: 'service',
};

/** The import column an operation's field problem is about (`history.2.at` → the column of the third history event). */
export function columnOfField(field: string, history: readonly LifecycleEvent[]): ImportColumn | null {
  const event = /^history\.(\d+)\./.exec(field);
  if (event) {
    const type = history[Number(event[1])]?.type;
    return type ? (columnOfEvent.get(type) ?? null) : null;
  }
  return fieldColumns[field.split('.')[0] ?? ''] ?? null;
}

/** Field problems of an operation as column problems; a field with no column keeps its name in the text. */
export function columnProblems(fields: readonly FieldProblem[], history: readonly LifecycleEvent[]): ColumnProblem[] {
  return fields.map((f) => {
    const column = columnOfField(f.field, history);
    return { column, problem: column ? f.message : `${f.field}: ${f.message}` };
  });
}

function instantOf(values: RowValues, column: ImportColumn, problems: ColumnProblem[]): number | null {
  const text = cell(values, column);
  if (text === '') return null;
  // Exports (and RFC 3339) often separate date and time with a space instead of the T.
  const at = parseInstant(text.replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d{2}:)/, '$1T'));
  if (at === null) problems.push({ column, problem: `not an ISO 8601 instant (e.g. ${instantExample}): ${text}` });
  return at;
}

function kindOf(values: RowValues, kindDefault: CaseKind | undefined, problems: ColumnProblem[]): CaseKind | null {
  const text = cell(values, 'type').toLowerCase();
  if (text === '' && kindDefault) return kindDefault;
  if (isCaseKind(text)) return text;
  problems.push({
    column: 'type',
    problem: `${text === '' ? 'is empty' : `unknown type ${text}`}; one of ${caseKinds.join(', ')}`,
  });
  return null;
}

/** Category rules of the lifecycle, told in terms of the file. */
function categoryOf(values: RowValues, kind: CaseKind | null, problems: ColumnProblem[]): 'A' | 'B' | 'C' | null {
  const text = cell(values, 'category').toUpperCase();
  if (text === '') {
    if (kind !== null && caseTypes[kind].categorised)
      problems.push({ column: 'category', problem: 'is empty; an incident needs category A, B or C' });
    return null;
  }
  if (!isIncidentCategory(text)) {
    problems.push({ column: 'category', problem: `not A, B or C: ${cell(values, 'category')}` });
    return null;
  }
  if (kind !== null && !caseTypes[kind].categorised)
    problems.push({ column: 'category', problem: `${article(kind)} has no category; leave it empty` });
  return text;
}

/** The past events of a row in time order; events at the same instant keep the natural order of `historyColumns`. */
function historyOf(values: RowValues, problems: ColumnProblem[]): LifecycleEvent[] {
  const found: LifecycleEvent[] = [];
  for (const { column, type } of historyColumns) {
    const at = instantOf(values, column, problems);
    if (at !== null) found.push({ type, at });
  }
  // Array.prototype.sort is stable, so ties stay in the natural order.
  found.sort((a, b) => a.at - b.at);
  const closed = found.find((e) => e.type === 'closed');
  const resolved = found.find((e) => e.type === 'resolved');
  if (closed && (!resolved || found.indexOf(resolved) > found.indexOf(closed))) closed.body = closedUnresolvedReason;
  return found;
}

/** Walks the history through the lifecycle, as `registerCase` will, and reports each refusal on its column. */
function checkHistory(
  kind: CaseKind,
  registered: LifecycleEvent,
  history: LifecycleEvent[],
  now: number,
  problems: ColumnProblem[],
): void {
  const accepted: LifecycleEvent[] = [registered];
  for (const event of history) {
    const column = columnOfEvent.get(event.type) ?? null;
    if (!caseTypes[kind].events.includes(event.type)) {
      problems.push({ column, problem: `${article(kind)} has no ${event.type} event; leave it empty` });
      continue;
    }
    if (event.at < registered.at) {
      problems.push({ column, problem: 'is before registered_at' });
      continue;
    }
    const view = deriveCase(accepted);
    const wrong = checkEvent(kind, view, event, now);
    if (wrong) {
      const after =
        wrong.code !== 'conflict'
          ? null
          : view.closedAt !== null
            ? 'closed_at'
            : view.resolvedAt !== null
              ? 'resolved_at'
              : null;
      problems.push({ column, problem: after ? `is after ${after}: ${wrong.message}` : wrong.message });
      continue;
    }
    accepted.push(event);
  }
}

/**
 * One CSV row as a case registration with its history, or every problem found in it. Pure: what needs the database
 * (does the owner exist, is the external id known) is checked by the import operation.
 */
export function caseFromRow(values: RowValues, options: { now: number; kindDefault?: CaseKind }): RowMapping {
  const problems: ColumnProblem[] = [];
  const externalId = cell(values, 'external_id');
  if (externalId === '')
    problems.push({ column: 'external_id', problem: 'is empty; every row needs the id it has in the source system' });
  const kind = kindOf(values, options.kindDefault, problems);
  const category = categoryOf(values, kind, problems);
  const ownerCode = cell(values, 'owner') || null;
  if (ownerCode === null && kind !== null && kind !== 'incident')
    problems.push({ column: 'owner', problem: `is empty; ${article(kind)} belongs to a service owner` });
  const serviceRef = cell(values, 'service') || null;
  if (kind !== null && caseTypes[kind].requiresService && serviceRef === null)
    problems.push({ column: 'service', problem: `${article(kind)} names the service it concerns` });
  const registeredAt = instantOf(values, 'registered_at', problems);
  if (registeredAt === null && cell(values, 'registered_at') === '')
    problems.push({ column: 'registered_at', problem: 'is empty' });
  const history = historyOf(values, problems);

  const input: RegisterCaseInput = {
    organisationId: ownerCode,
    kind: kind ?? 'incident',
    category,
    title: cell(values, 'title'),
    description: cell(values, 'description'),
    channel: 'import',
    ...(serviceRef ? { serviceId: serviceRef } : {}),
    ...(registeredAt !== null ? { registeredAt } : {}),
    ...(externalId ? { externalId } : {}),
  };
  const parsed = registerCaseInput.safeParse(input);
  if (!parsed.success) {
    const reported = new Set(problems.map((p) => p.column));
    // Problems already told in the file's terms (an empty id, a bad instant) are not repeated in the schema's words.
    for (const issue of parsed.error.issues) {
      const column = columnOfField(issue.path.map(String).join('.'), history);
      if (!reported.has(column)) problems.push({ column, problem: issue.message });
    }
  }
  if (kind !== null && registeredAt !== null) {
    // The category was judged above in the file's terms; ask the lifecycle only about the date.
    const fitting = caseTypes[kind].categorised ? (category ?? 'A') : null;
    const registration = checkRegistration(kind, { at: registeredAt, category: fitting }, options.now);
    if (registration) problems.push({ column: 'registered_at', problem: registration.message });
    checkHistory(kind, { type: 'registered', at: registeredAt, category }, history, options.now, problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { externalId, ownerCode, serviceRef, input, history } };
}
