import { z } from 'zod';
import { weekdays } from './weekdays.ts';

/** "HH:MM", 00:00–24:00; 24:00 is the end of the day. */
const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time HH:MM between 00:00 and 24:00');
const openRange = z
  .tuple([clockTime, clockTime])
  .refine(([from, to]) => from < to, 'a range must open before it closes');
const dayHours = z.array(openRange).default([]);

export { weekdays };
export type { Weekday } from './weekdays.ts';

export const weeklyHoursSchema = z
  .object({ mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours, sun: dayHours })
  .partial()
  .strict();

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date MM-DD');

export const calendarDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'a lower-case id such as servicedesk'),
    name: z.string().min(1).optional(),
    timeZone: z.string().refine(isKnownTimeZone, 'an IANA time zone such as Europe/Oslo').default('Europe/Oslo'),
    /** Open every instant of every day; holidays and hours do not apply. */
    alwaysOpen: z.boolean().default(false),
    hours: weeklyHoursSchema.default({}),
    /** Periods of the year with other hours, both dates included (e.g. summer hours 05-15 … 09-15). */
    seasons: z.array(z.object({ from: monthDay, to: monthDay, hours: weeklyHoursSchema }).strict()).default([]),
    /** Region whose public holidays close the calendar; null: holidays are ordinary days. */
    holidays: z.enum(['NO']).nullable().default(null),
    /** Extra closed local dates, e.g. 2026-12-24. */
    closedDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')).default([]),
  })
  .strict()
  .refine((c) => !(c.alwaysOpen && (Object.keys(c.hours).length > 0 || c.seasons.length > 0)), {
    message: 'a 24/7 calendar has no opening hours',
    path: ['alwaysOpen'],
  });

export type CalendarDefinition = z.output<typeof calendarDefinitionSchema>;
export type CalendarDefinitionInput = z.input<typeof calendarDefinitionSchema>;
export type WeeklyHours = z.output<typeof weeklyHoursSchema>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
