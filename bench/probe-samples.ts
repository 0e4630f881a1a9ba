import { monthBounds } from '../src/platform/domain/calendar/month-bounds.ts';
import { mulberry32 } from '../src/app/demo/seeded-random.ts';

export const minuteMs = 60_000;

/**
 * One byte per scheduled probe minute. The instant is implicit (start + slot × one minute), which keeps 24 months of
 * 30 components in about 30 MB instead of the 250 MB that a float per sample would take.
 */
export const sampleFailed = 0;
export const sampleOk = 1;
export const sampleMissing = 2;

export interface SampleMonth {
  year: number;
  month: number;
  start: number;
  end: number;
  /** Slots [firstSlot, endSlot) of the samples array fall in this month. */
  firstSlot: number;
  endSlot: number;
}

export interface ComponentSamples {
  calendarId: 'always' | 'studio-hours';
  status: Uint8Array;
  /** Share of the scheduled minutes drawn as outage time, for the summary. */
  downShare: number;
}

export interface SampleSet {
  start: number;
  end: number;
  months: SampleMonth[];
  components: ComponentSamples[];
  /** Present samples (ok or failed) over all components. */
  samples: number;
}

/** The `count` calendar months (Europe/Oslo) that end with `lastYear`-`lastMonth`, oldest first. */
export function monthsEnding(lastYear: number, lastMonth: number, count: number): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = lastYear * 12 + (lastMonth - 1) - i;
    months.push({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  }
  return months;
}

/**
 * Deterministic one-minute probe results for `componentCount` components over `monthCount` months ending 2026-02.
 * Each component is drawn from its own seed, so adding components leaves the others unchanged. Per component:
 * - outages: runs of failures from 2 minutes to 4 hours (log-uniform, so most are short), until 0.02–0.27 % of
 *   the minutes are down, which puts the components around the 99.9 % of the agreement, some above, some below;
 * - blips: a single failed probe every three days or so, which a real monitor sees from network noise and which
 *   must not count as an outage (it takes two failures in a row);
 * - lost probes: about one a day, which the fold tolerates (a gap of one missing probe is still contiguous);
 * - monitoring gaps: two to four per component, 10 minutes to 6 hours without any result (unknown time).
 * A third of the components (every third) has the `studio-hours` window, the rest `always`.
 */
export function generateSamples(componentCount: number, monthCount: number, seed: number): SampleSet {
  const calendarMonths = monthsEnding(2026, 2, monthCount);
  const first = calendarMonths[0];
  const last = calendarMonths.at(-1);
  if (!first || !last) throw new Error('no months');
  const start = monthBounds(first.year, first.month).start;
  const end = monthBounds(last.year, last.month).end;
  // Oslo is a whole number of hours from UTC, so every month starts on a whole minute of the range.
  const slots = (end - start) / minuteMs;
  const months: SampleMonth[] = calendarMonths.map(({ year, month }) => {
    const b = monthBounds(year, month);
    return {
      year,
      month,
      start: b.start,
      end: b.end,
      firstSlot: (b.start - start) / minuteMs,
      endSlot: (b.end - start) / minuteMs,
    };
  });
  const components: ComponentSamples[] = [];
  let samples = 0;
  for (let c = 0; c < componentCount; c++) {
    const random = mulberry32((seed * 7_919 + c * 104_729) >>> 0);
    const status = new Uint8Array(slots).fill(sampleOk);
    const downShare = 0.0002 + random() * 0.0025;
    const slot = () => Math.floor(random() * slots);
    for (let down = 0; down < downShare * slots;) {
      const length = Math.round(Math.exp(Math.log(2) + random() * (Math.log(240) - Math.log(2))));
      const at = slot();
      status.fill(sampleFailed, at, Math.min(slots, at + length));
      down += length;
    }
    for (let i = 0, n = Math.round(slots / (3 * 1_440)); i < n; i++) status[slot()] = sampleFailed;
    for (let i = 0, n = Math.round(slots / 1_440); i < n; i++) status[slot()] = sampleMissing;
    for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) {
      const at = slot();
      status.fill(sampleMissing, at, Math.min(slots, at + 10 + Math.floor(random() * 350)));
    }
    for (const s of status) if (s !== sampleMissing) samples += 1;
    components.push({ calendarId: c % 3 === 2 ? 'studio-hours' : 'always', status, downShare });
  }
  return { start, end, months, components, samples };
}
