import { z } from 'zod';
import { caseKinds } from '../domain/case-types.ts';
import type { CaseRow } from '../schema.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { visibleCases } from './case-access.ts';
import { categorySchema } from './case-schemas.ts';
import { type LiveClock, liveClocksOf } from './live-clocks.ts';

export const listCasesInput = z.object({
  state: z.enum(['open', 'closed', 'all']).default('open'),
  kind: z.enum(caseKinds).optional(),
  category: categorySchema.optional(),
  /** Owner by id or code. */
  organisationId: z.string().min(1).optional(),
  /** `due`: earliest running deadline first (the work queue); `registered`: newest first. */
  sort: z.enum(['due', 'registered']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  /** Evaluate clocks at this instant (epoch ms) instead of now. */
  at: z.number().int().optional(),
});
export type ListCasesInput = z.input<typeof listCasesInput>;

export interface CaseListItem {
  row: CaseRow;
  clocks: LiveClock[];
}

export interface CasePage {
  items: CaseListItem[];
  nextCursor: string | null;
  /** The instant the clocks were read at. */
  at: number;
}

type Cursor = [number, string];

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string')
      return [value[0], value[1]];
  } catch {
    // falls through to the validation error below
  }
  throw AppError.field('cursor', 'not a cursor from a previous page');
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The rows of one page, without clock work: the plain list the SLA-aware page is measured against. */
export async function listCaseRows(
  ctx: ServiceContext,
  input: ListCasesInput = {},
): Promise<{ rows: CaseRow[]; nextCursor: string | null }> {
  const data = parseInput(listCasesInput, input, ctx);
  const sort = data.sort ?? (data.state === 'open' ? 'due' : 'registered');
  let query = visibleCases(ctx);
  // Open means in the work queue: not resolved, or resolved with a duty to the reporter still owed.
  if (data.state !== 'all') query = query.where('in_queue', '=', data.state === 'open' ? 1 : 0);
  if (data.kind) query = query.where('kind', '=', data.kind);
  if (data.category) query = query.where('category', '=', data.category);
  if (data.organisationId) {
    const wanted = data.organisationId;
    const organisation = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', wanted), eb('code', '=', wanted)]))
      .executeTakeFirst();
    if (!organisation) throw AppError.field('organisationId', `unknown organisation ${wanted}`);
    query = query.where('organisation_id', '=', organisation.id);
  }
  if (data.cursor) {
    const [value, id] = decodeCursor(data.cursor);
    query =
      sort === 'due'
        ? query.where((eb) =>
            eb.or([eb('due_order', '>', value), eb.and([eb('due_order', '=', value), eb('id', '>', id)])]),
          )
        : query.where((eb) =>
            eb.or([eb('registered_at', '<', value), eb.and([eb('registered_at', '=', value), eb('id', '<', id)])]),
          );
  }
  query =
    sort === 'due'
      ? query.orderBy('due_order').orderBy('id')
      : query.orderBy('registered_at', 'desc').orderBy('id', 'desc');
  const rows = await query.limit(data.limit + 1).execute();
  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > data.limit && last
      ? encodeCursor([sort === 'due' ? last.due_order : last.registered_at, last.id])
      : null;
  return { rows: page, nextCursor };
}

/** A page of visible cases with every clock's live state, remaining open time and deadline. */
export async function listCases(ctx: ServiceContext, input: ListCasesInput = {}): Promise<CasePage> {
  const { rows, nextCursor } = await listCaseRows(ctx, input);
  const at = input.at ?? ctx.clock.now();
  const clocks = await liveClocksOf(ctx, rows, at);
  return { items: rows.map((row) => ({ row, clocks: clocks.get(row.id) ?? [] })), nextCursor, at };
}
