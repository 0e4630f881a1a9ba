import { Calendar } from './calendar.ts';
import type { CalendarDefinitionInput } from './calendar-definition.ts';
import { builtInCalendarDefinitions } from './built-in-calendars.ts';

/** Calendars by id: the built-in ones of the agreement plus any declared in configuration (which may not redefine them). */
export class CalendarRegistry {
  private readonly calendars = new Map<string, Calendar>();

  constructor(extra: readonly CalendarDefinitionInput[] = []) {
    for (const definition of [...builtInCalendarDefinitions, ...extra]) {
      if (this.calendars.has(definition.id)) throw new Error(`calendar ${definition.id} is defined twice`);
      this.calendars.set(definition.id, new Calendar(definition));
    }
  }

  get(id: string): Calendar | undefined {
    return this.calendars.get(id);
  }

  ids(): string[] {
    return [...this.calendars.keys()];
  }
}

let builtIn: CalendarRegistry | null = null;

/** The shared registry of built-in calendars; laid-out ranges are cached inside each calendar. */
export function builtInCalendars(): CalendarRegistry {
  builtIn ??= new CalendarRegistry();
  return builtIn;
}
