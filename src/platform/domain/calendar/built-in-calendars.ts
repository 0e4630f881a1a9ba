import type { CalendarDefinitionInput } from './calendar-definition.ts';

type HoursInput = NonNullable<CalendarDefinitionInput['hours']>;

const weekdaysOnly = (from: string, to: string): HoursInput => ({
  mon: [[from, to]],
  tue: [[from, to]],
  wed: [[from, to]],
  thu: [[from, to]],
  fri: [[from, to]],
});
/** 15 May – 15 September, both included (contract 4.1 and 5.1). */
const summer = (to: string) => [{ from: '05-15', to: '09-15', hours: weekdaysOnly('08:00', to) }];

/** The calendars of the service agreement; their ids are fixed. */
export const builtInCalendarDefinitions: CalendarDefinitionInput[] = [
  { id: 'always', name: '24/7', timeZone: 'Europe/Oslo', alwaysOpen: true },
  {
    id: 'business-days',
    name: 'Virkedager',
    timeZone: 'Europe/Oslo',
    hours: weekdaysOnly('00:00', '24:00'),
    holidays: 'NO',
  },
  {
    id: 'servicedesk',
    name: 'Servicedesk (5.1)',
    timeZone: 'Europe/Oslo',
    hours: weekdaysOnly('08:00', '15:45'),
    seasons: summer('15:00'),
    holidays: 'NO',
  },
  {
    id: 'brukerservice',
    name: 'Brukerservice (4.1)',
    timeZone: 'Europe/Oslo',
    hours: weekdaysOnly('08:00', '15:30'),
    seasons: summer('15:00'),
    holidays: 'NO',
  },
  {
    id: 'studio-hours',
    name: 'Tjenesteutvikling (2.4.1)',
    timeZone: 'Europe/Oslo',
    hours: weekdaysOnly('07:00', '20:00'),
    holidays: null,
  },
];
