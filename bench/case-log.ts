// One generated case's event log for bench:cases, kept valid against the lifecycle, and the instants and durations in
// it.
import { checkEvent, deriveCase, type LifecycleEvent } from '../src/modules/cases/domain/case-lifecycle.ts';
import type { CaseKind } from '../src/modules/cases/domain/case-types.ts';

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

/**
 * Instants are whole seconds. With milliseconds, 75 % of a clock's target can fall between two milliseconds and the
 * at-risk instant derived from it is fractional, which a PostgreSQL bigint column refuses.
 */
export const wholeSecond = (at: number): number => Math.round(at / 1000) * 1000;

/** An exponentially distributed duration with the given mean, at least a minute. */
export function about(random: () => number, mean: number): number {
  return Math.max(minute, wholeSecond(-Math.log(1 - random()) * mean));
}

export interface DraftEvent extends LifecycleEvent {
  visibility: 'public' | 'internal';
  actor: { type: string; id: string | null; label: string };
  data: string | null;
}

/** One case's event log, kept valid against the lifecycle as it grows. */
export class Log {
  readonly events: DraftEvent[];

  constructor(
    private readonly kind: CaseKind,
    private readonly now: number,
    registered: DraftEvent,
  ) {
    this.events = [registered];
  }

  get last(): number {
    return (this.events[this.events.length - 1] as DraftEvent).at;
  }

  has(type: LifecycleEvent['type']): boolean {
    return this.events.some((e) => e.type === type);
  }

  /** Appends the event if it has happened by `now`; false when it lies in the future, so the case has not got there. */
  add(event: DraftEvent): boolean {
    if (event.at > this.now) return false;
    // A generator bug must stop the run rather than fill the tables with logs the service would refuse.
    const problem = checkEvent(this.kind, deriveCase(this.events), event, this.now);
    if (problem)
      throw new Error(
        `generated an impossible ${this.kind} log: ${event.type} at ${new Date(event.at).toISOString()}: ${problem.message}`,
      );
    this.events.push(event);
    return true;
  }
}
