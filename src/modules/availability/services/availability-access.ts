import type { Calendar } from '../../../platform/domain/calendar/calendar.ts';
import type { Component } from '../../../platform/db/schema.ts';
import type { CaseRow } from '../../cases/index.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';
import { multilineText } from '../../../platform/validation/text.ts';

type Reader = ServiceContext['db'] | Tx;

/** A calendar month in Europe/Oslo, `YYYY-MM`, as year and month. */
export function parseMonth(month: string): { year: number; month: number } {
  const [year = '', m = ''] = month.split('-');
  return { year: Number(year), month: Number(m) };
}

/** Free text shown on the public status page; bounded so one entry cannot swamp it. */
export const publicText = multilineText().trim().min(1, 'say what users notice').max(2000);

/**
 * Loads a component by id or code. A bad reference in an input names the field (`field`), a bad one in a path is
 * simply not found (`field` omitted).
 */
export async function findComponent(db: Reader, idOrCode: string, field?: string): Promise<Component> {
  const row = await db
    .selectFrom('components')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
  if (row) return row;
  throw field ? AppError.field(field, 'no such component') : new AppError('not-found', 'component not found');
}

/** The component's service window; a component names a calendar that configuration may later have removed. */
export function windowOf(ctx: Pick<ServiceContext, 'calendars'>, component: Component): Calendar {
  const window = ctx.calendars.get(component.calendar_id);
  if (!window)
    throw new AppError(
      'unavailable',
      `the service window ${component.calendar_id} of ${component.code} is not configured`,
    );
  return window;
}

/** The calendar lookup the notice policies need; every policy names a built-in calendar. */
export function calendarLookup(ctx: Pick<ServiceContext, 'calendars'>): (id: string) => Calendar {
  return (id) => {
    const calendar = ctx.calendars.get(id);
    if (!calendar) throw new Error(`no calendar ${id}`);
    return calendar;
  };
}

/** An incident case referenced from an outage or emergency work; `categories` limits which ones qualify. */
export async function findIncident(
  db: Reader,
  idOrReference: string,
  field: string,
  categories?: readonly string[],
): Promise<CaseRow> {
  const row = await db
    .selectFrom('cases')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrReference), eb('reference', '=', idOrReference.toUpperCase())]))
    .executeTakeFirst();
  if (!row || row.kind !== 'incident') throw AppError.field(field, 'no such incident case');
  if (categories && !categories.includes(row.category ?? ''))
    throw AppError.field(field, `must be a category ${categories.join(' or ')} incident`);
  return row;
}

/** Rejects an interval whose end is not after its start, naming `end`. */
export function assertOrdered(start: number, end: number | null): void {
  if (end !== null && end <= start) throw AppError.field('end', 'must be after start');
}
