// The sample side of bench:availability: the whole table computed from the raw one-minute samples, and its baseline,
// one counting pass over the same arrays.
import { type Interval, monthlyAvailability } from '../src/modules/availability/domain/monthly-availability.ts';
import { downIntervalsToOutages, unknownWithin } from '../src/modules/availability/domain/probe-intervals.ts';
import { calendar, foldComponent, keep, type Figures } from './availability-store.ts';
import { sampleOk, type SampleSet } from './probe-samples.ts';

/**
 * Sorted, non-overlapping intervals handed out month by month in order: each month gets those that overlap it,
 * without rescanning from the start, so the table stays linear in the number of intervals.
 */
function monthCursor(intervals: readonly Interval[]): (from: number, to: number) => Interval[] {
  let first = 0;
  return (from, to) => {
    while (first < intervals.length && (intervals[first]?.end ?? 0) <= from) first += 1;
    const within: Interval[] = [];
    for (let i = first; i < intervals.length; i++) {
      const interval = intervals[i];
      if (!interval || interval.start >= to) break;
      within.push(interval);
    }
    return within;
  };
}

/** (a) The whole table from the samples. */
export function tableFromSamples(set: SampleSet, figures: Figures): { runs: number; outages: number } {
  let runs = 0;
  let outages = 0;
  for (const [c, component] of set.components.entries()) {
    const folded = foldComponent(set, component);
    const down = downIntervalsToOutages(folded);
    const unknown = unknownWithin(folded, set.start, set.end);
    runs += folded.length;
    outages += down.length;
    const outagesIn = monthCursor(down);
    const unknownIn = monthCursor(unknown);
    const window = calendar(component.calendarId);
    for (const [m, month] of set.months.entries()) {
      const r = monthlyAvailability({
        window,
        calendars: calendar,
        year: month.year,
        month: month.month,
        // The samples cover months that are over: each is counted whole.
        now: month.end,
        outages: outagesIn(month.start, month.end),
        maintenance: [],
        unknown: unknownIn(month.start, month.end),
      });
      keep(figures, c * set.months.length + m, r);
    }
  }
  return { runs, outages };
}

/** Baseline of (a): one pass over the same arrays, counting the ok samples of each component-month. */
export function countOkPerMonth(set: SampleSet, counts: Float64Array): number {
  let total = 0;
  for (const [c, component] of set.components.entries()) {
    const { status } = component;
    for (const [m, month] of set.months.entries()) {
      let ok = 0;
      for (let i = month.firstSlot; i < month.endSlot; i++) if (status[i] === sampleOk) ok += 1;
      counts[c * set.months.length + m] = ok;
      total += ok;
    }
  }
  return total;
}
