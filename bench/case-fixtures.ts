/**
 * Realistic case histories for bench:cases, written straight into `cases`, `case_events` and `case_clocks`.
 *
 * registerCase writes an audit row and queues notices per case, which makes 100 000 cases take far too long, so the
 * rows are inserted in large transactions here. What is derived from a log (the `cases` columns and the clock rows)
 * still comes from the application's own derivation (`derive` over `lifecycleEvents` of the stored event rows), and
 * every generated event is checked with the lifecycle's `checkEvent`, so the stored data is what the service would
 * have written: a recompute over it finds nothing to repair.
 */
import { randomUUID } from 'node:crypto';
import type { Calendar } from '../src/platform/domain/calendar/calendar.ts';
import type { CalendarRegistry } from '../src/platform/domain/calendar/calendar-registry.ts';
import type { LifecycleEvent } from '../src/modules/cases/domain/case-lifecycle.ts';
import type { CaseKind } from '../src/modules/cases/domain/case-types.ts';
import type { IncidentCategory } from '../src/platform/domain/sla/policies.ts';
import { caseReference } from '../src/modules/cases/services/case-access.ts';
import { derive, lifecycleEvents } from '../src/modules/cases/services/case-derivation.ts';
import type { CaseClockRow, CaseEventRow, CaseRow } from '../src/modules/cases/schema.ts';
import { about, day, type DraftEvent, hour, Log, minute, wholeSecond } from './case-log.ts';
import { categories, channels, comments, firstNames, kinds, lastNames, pick, titles, weighted } from './case-mix.ts';

export interface Owner {
  id: string;
  serviceIds: string[];
  tokenId: string;
  tokenLabel: string;
}

export interface Agent {
  id: string;
  name: string;
}

export interface World {
  owners: readonly Owner[];
  agents: readonly Agent[];
  calendars: CalendarRegistry;
  /** The moment the histories end: no event lies after it. */
  now: number;
  random: () => number;
}

export interface GeneratedCase {
  row: CaseRow;
  events: CaseEventRow[];
  clocks: CaseClockRow[];
}

/** Draws realistic case histories: a mix of kinds, owners and channels, registered over the last two years. */
export class CaseGenerator {
  private readonly desk: Calendar;
  private readonly always: Calendar;
  private readonly businessDays: Calendar;
  private externalIds = 0;

  constructor(private readonly world: World) {
    const get = (id: string): Calendar => {
      const calendar = world.calendars.get(id);
      if (!calendar) throw new Error(`no calendar ${id}`);
      return calendar;
    };
    this.desk = get('servicedesk');
    this.always = get('always');
    this.businessDays = get('business-days');
  }

  private get random(): () => number {
    return this.world.random;
  }

  /** When a case registered about `age` ago was reported: mostly in the service desk's opening hours. */
  private registeredAt(age: number, businessHours: boolean): number {
    const at = wholeSecond(this.world.now - age);
    if (!businessHours || this.desk.isOpen(at)) return at;
    // Counting from a closed instant starts at the next opening; up to 6.5 h into it stays on that day even in summer.
    const shifted = this.desk.addOpenTime(at, wholeSecond(this.random() * 6.5 * hour));
    return shifted < this.world.now - minute ? shifted : at;
  }

  private agentActor(): DraftEvent['actor'] {
    const agent = pick(this.random, this.world.agents);
    return { type: 'user', id: agent.id, label: agent.name };
  }

  private event(type: LifecycleEvent['type'], at: number, extra: Partial<DraftEvent> = {}): DraftEvent {
    return { type, at: wholeSecond(at), visibility: 'public', actor: this.agentActor(), data: null, ...extra };
  }

  private comment(at: number): DraftEvent {
    const internal = this.random() < 0.4;
    return this.event('commented', at, {
      body: pick(this.random, comments),
      visibility: internal ? 'internal' : 'public',
    });
  }

  /** Some comments, each after a while of the desk's open time; false once one would lie in the future. */
  private comments(log: Log, max: number, mean: number): boolean {
    const n = Math.floor(this.random() * (max + 1));
    for (let i = 0; i < n; i++)
      if (!log.add(this.comment(this.desk.addOpenTime(log.last, about(this.random, mean))))) return false;
    return true;
  }

  private pauseAndResume(log: Log, calendar: Calendar, pauseAfter: number, resumeAfter: number): boolean {
    if (
      !log.add(
        this.event('paused', calendar.addOpenTime(log.last, about(this.random, pauseAfter)), {
          body: 'Venter på svar fra tjenesteeier',
        }),
      )
    )
      return false;
    return log.add(this.event('resumed', calendar.addOpenTime(log.last, about(this.random, resumeAfter))));
  }

  /** The rest of a log after registration, as far as it has got by `now`. */
  private history(log: Log, kind: CaseKind, category: IncidentCategory | null): void {
    const r = this.random;
    const desk = this.desk;
    if (r() < 0.5) {
      const assignee = pick(r, this.world.agents).id;
      if (
        !log.add(
          this.event('assigned', desk.addOpenTime(log.last, about(r, 20 * minute)), {
            assigneeId: assignee,
            data: JSON.stringify({ assigneeId: assignee }),
          }),
        )
      )
        return;
    }
    switch (kind) {
      case 'support-request': {
        if (!log.add(this.event('work-started', desk.addOpenTime(log.last, about(r, 3 * hour))))) return;
        if (!this.comments(log, 2, 2 * hour)) return;
        if (r() < 0.12 && !this.pauseAndResume(log, desk, hour, 16 * hour)) return;
        if (r() < 0.03) {
          log.add(
            this.event('closed', desk.addOpenTime(log.last, about(r, 2 * hour)), { body: 'Duplikat av en annen sak' }),
          );
          return;
        }
        if (r() < 0.35 && !log.add(this.event('feedback-given', desk.addOpenTime(log.last, about(r, 4 * hour)))))
          return;
        if (!log.add(this.event('resolved', desk.addOpenTime(log.last, about(r, 6 * hour)), { body: 'Besvart' })))
          return;
        if (r() < 0.92) log.add(this.event('closed', desk.addOpenTime(log.last, about(r, 16 * hour))));
        return;
      }
      case 'incident': {
        const a = category === 'A';
        const clock = a ? this.always : desk;
        const startMean = a ? 15 * minute : category === 'B' ? 35 * minute : 4 * hour;
        if (!log.add(this.event('work-started', clock.addOpenTime(log.last, about(r, startMean))))) return;
        if (r() < 0.06) {
          const to: IncidentCategory = category === 'B' ? (r() < 0.2 ? 'A' : 'C') : 'B';
          if (
            !log.add(
              this.event('reclassified', desk.addOpenTime(log.last, about(r, hour)), {
                category: to,
                body: `Omklassifisert til ${to}`,
              }),
            )
          )
            return;
        }
        if (
          !a &&
          r() < 0.25 &&
          !log.add(
            this.event('workaround', desk.addOpenTime(log.last, about(r, 3 * hour)), {
              body: 'Midlertidig løsning beskrevet',
            }),
          )
        )
          return;
        if (!this.comments(log, 3, 90 * minute)) return;
        if (r() < 0.08 && !this.pauseAndResume(log, desk, hour, 8 * hour)) return;
        const resolveMean = a ? 3 * hour : category === 'B' ? 8 * hour : 12 * hour;
        if (
          !log.add(
            this.event('resolved', clock.addOpenTime(log.last, about(r, resolveMean)), { body: 'Feilen er rettet' }),
          )
        )
          return;
        if (r() < 0.9 && !log.add(this.event('feedback-given', desk.addOpenTime(log.last, about(r, 30 * minute)))))
          return;
        if (r() < 0.95) log.add(this.event('closed', desk.addOpenTime(log.last, about(r, 8 * hour))));
        return;
      }
      case 'change-request': {
        const days = this.businessDays;
        if (!log.add(this.event('work-started', days.addOpenTime(log.last, about(r, 2 * day))))) return;
        if (
          !log.add(
            this.event('feedback-given', days.addOpenTime(log.last, about(r, 5 * day)), {
              body: 'Status og plan sendt',
            }),
          )
        )
          return;
        if (r() < 0.1 && !this.pauseAndResume(log, days, day, 5 * day)) return;
        if (
          !log.add(
            this.event('qualified', days.addOpenTime(log.last, about(r, 10 * day)), { body: 'Vurdert og prioritert' }),
          )
        )
          return;
        if (!this.comments(log, 3, 3 * day)) return;
        if (!log.add(this.event('resolved', days.addOpenTime(log.last, about(r, 30 * day)), { body: 'Levert' })))
          return;
        if (r() < 0.9) log.add(this.event('closed', days.addOpenTime(log.last, about(r, 3 * day))));
        return;
      }
      case 'deletion-request':
      case 'deactivation-order': {
        if (!log.add(this.event('work-started', desk.addOpenTime(log.last, about(r, 8 * hour))))) return;
        if (!this.comments(log, 2, 4 * hour)) return;
        if (!log.add(this.event('resolved', desk.addOpenTime(log.last, about(r, 3 * day)), { body: 'Utført' }))) return;
        if (r() < 0.9) log.add(this.event('closed', desk.addOpenTime(log.last, about(r, day))));
        return;
      }
    }
  }

  /**
   * A log of 3–10 events. An open case is a prefix of a finished log that stops before its resolution; a finished
   * one that would run past `now` is drawn again further back.
   */
  private log(
    kind: CaseKind,
    category: IncidentCategory | null,
    open: boolean,
    registeredActor: DraftEvent['actor'],
  ): Log {
    const r = this.random;
    const businessHours = category !== 'A' || r() < 0.5;
    for (let attempt = 0; ; attempt++) {
      // Open cases are mostly recent (a backlog of older ones remains); finished ones are spread over two years.
      const age = open
        ? r() < 0.8
          ? about(r, 12 * day)
          : 30 * day + r() * 370 * day
        : 2 * day + r() * 728 * day + attempt * 60 * day;
      const at = this.registeredAt(Math.min(age, 730 * day), businessHours);
      const log = new Log(kind, this.world.now, {
        type: 'registered',
        at,
        category,
        visibility: 'public',
        actor: registeredActor,
        data: null,
      });
      this.history(log, kind, category);
      const end = log.events.findIndex((e) => e.type === 'resolved' || e.type === 'closed');
      if (!open && end < 0 && attempt < 5) continue;
      if (open && end >= 0) log.events.splice(1 + Math.floor(r() * end));
      this.fit(log);
      return log;
    }
  }

  /** Brings a log to 3–10 events: comments and assignments go first, as they do not move the clocks. */
  private fit(log: Log): void {
    for (const type of ['commented', 'assigned'] as const) {
      for (let i = log.events.length - 1; log.events.length > 10 && i > 0; i--)
        if (log.events[i]?.type === type) log.events.splice(i, 1);
    }
    while (log.events.length < 3) {
      const last = log.last;
      const at = last + Math.max(1000, this.random() * Math.min(this.world.now - last, 2 * day));
      if (!log.add(this.comment(Math.min(at, Math.floor(this.world.now / 1000) * 1000)))) break;
    }
  }

  next(number: number): GeneratedCase {
    const r = this.random;
    const { kind, open: openShare } = weighted(r, kinds);
    const category = kind === 'incident' ? weighted(r, categories).category : null;
    const owner = pick(r, this.world.owners);
    // A small share of the incidents concern the whole platform and belong to no owner.
    const organisation = kind === 'incident' && r() < 0.1 ? null : owner;
    const channel = organisation === null ? 'phone' : weighted(r, channels).channel;
    const reporter = `${pick(r, firstNames)} ${pick(r, lastNames)}`;
    const registeredActor: DraftEvent['actor'] =
      channel === 'api' && organisation
        ? { type: 'token', id: organisation.tokenId, label: organisation.tokenLabel }
        : channel === 'email'
          ? { type: 'system', id: null, label: 'e-postmottak' }
          : channel === 'phone'
            ? this.agentActor()
            : { type: 'user', id: null, label: reporter };
    const log = this.log(kind, category, r() < openShare, registeredActor);

    const id = randomUUID();
    const events: CaseEventRow[] = log.events.map((e, i) => ({
      id: randomUUID(),
      case_id: id,
      seq: i + 1,
      type: e.type,
      at: e.at,
      recorded_at: e.at + Math.round(r() * 30_000),
      actor_type: e.actor.type,
      actor_id: e.actor.id,
      actor_label: e.actor.label,
      category: e.category ?? null,
      visibility: e.visibility,
      body: e.body ?? null,
      data: e.data,
    }));
    // Derived from the rows as stored, the same way the recompute reads them back.
    const derived = derive(kind, lifecycleEvents(events), this.world.calendars);
    const registeredAt = (events[0] as CaseEventRow).at;
    const now = this.world.now;
    const row: CaseRow = {
      id,
      number,
      reference: caseReference(number),
      organisation_id: organisation?.id ?? null,
      kind,
      title: pick(r, titles[kind]),
      description: `${pick(r, titles[kind])}. ${pick(r, comments)} Meldt av ${reporter}.`,
      channel,
      service_id:
        organisation && (kind === 'deactivation-order' || r() < 0.3) ? pick(r, organisation.serviceIds) : null,
      component_id: null,
      reporter_user_id: null,
      reporter_name: reporter,
      reporter_email:
        channel === 'phone' ? null : `${reporter.toLowerCase().replace(/ /g, '.').replace(/ø/g, 'o')}@example.no`,
      external_id: channel === 'api' ? `ext-${++this.externalIds}` : null,
      registered_at: registeredAt,
      created_at: events[0]?.recorded_at ?? registeredAt,
      updated_at: (events[events.length - 1] as CaseEventRow).recorded_at,
      ...derived.columns,
    };
    // As writeClocks stores them; imported history is not news, so passed deadlines carry their alert markers.
    const clocks: CaseClockRow[] = derived.snapshots.map((s) => ({
      case_id: id,
      policy_id: s.policyId,
      state: s.state,
      due_at: s.dueAt,
      at_risk_at: s.atRiskAt,
      target_ms: s.targetMs,
      remaining_ms: s.remainingMs,
      stopped_at: s.stoppedAt,
      paused: s.paused ? 1 : 0,
      live: s.live ? 1 : 0,
      computed_at: now,
      at_risk_alerted_at: !s.live || (s.atRiskAt !== null && s.atRiskAt <= now) ? now : null,
      breach_alerted_at: !s.live || (s.dueAt !== null && s.dueAt < now) ? now : null,
    }));
    return { row, events, clocks };
  }
}
