import { Tag } from '@digdir/designsystemet-react';
import type { ClockState } from '../../../platform/domain/sla/clocks.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { intlLocale, type Locale } from '../../../platform/i18n/messages.ts';
import type { LiveClock } from '../services/live-clocks.ts';
import { formatDeadline } from '../../../platform/web/format.ts';
import type { TimeLeft } from '../../../platform/domain/sla/time-left.ts';

// Colour and text say the same thing, so the state never rests on colour alone (WCAG 1.4.1).
const clockColour: Record<ClockState, 'info' | 'warning' | 'success' | 'danger' | 'neutral'> = {
  running: 'info',
  'at-risk': 'warning',
  met: 'success',
  breached: 'danger',
  'not-applicable': 'neutral',
};

/** A duty owed after resolution is at risk without a deadline: it is named for what is owed, not for a time. */
export function ClockTag({ state, kind, t }: { state: ClockState; kind: 'clock' | 'follow-up'; t: Translate }) {
  const text =
    kind === 'follow-up' && state === 'at-risk' ? t('case.clock.owed') : t(`case.clock.${state}` as MessageKey);
  return (
    <Tag data-color={clockColour[state]} data-size="sm" data-clock-state={state}>
      {text}
    </Tag>
  );
}

export function PausedTag({ t }: { t: Translate }) {
  return (
    <Tag data-color="neutral" data-size="sm">
      {t('case.paused')}
    </Tag>
  );
}

function hoursAndMinutes(hours: number, minutes: number, t: Translate): string {
  if (hours === 0 && minutes === 0) return t('case.duration.lessThanMinute');
  if (hours === 0) return t('case.duration.minutes', { minutes });
  if (minutes === 0) return t('case.duration.wholeHours', { hours });
  return t('case.duration.hours', { hours, minutes });
}

/**
 * Time left in the clock's own calendar with its unit named: "42 min", "1 døgn 3 t" around the clock; "3 t 0 min
 * arbeidstid", "2 virkedager 4 t arbeidstid" in opening hours; "16 t 4 min virkedagstid", "2 virkedager 4 t" in
 * whole business days. Days past 24 hours.
 */
export function formatTimeLeft(left: TimeLeft, t: Translate): string {
  const { days, hours, minutes } = left;
  const plural = days === 1 ? 'one' : 'other';
  if (left.count === 'around-the-clock')
    return days > 0 ? t(`case.left.days.${plural}`, { days, hours }) : hoursAndMinutes(hours, minutes, t);
  const time = days > 0 ? t(`case.left.businessDays.${plural}`, { days, hours }) : hoursAndMinutes(hours, minutes, t);
  if (left.count === 'opening-hours') return t('case.left.workingTime', { time });
  return days > 0 ? time : t('case.left.businessTime', { time });
}

/** Wall time, told around the clock (how long ago a deadline passed). */
export function formatWallTime(ms: number, t: Translate): string {
  const totalMinutes = Math.floor(ms / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  if (days > 0) return t(`case.left.days.${days === 1 ? 'one' : 'other'}`, { days, hours });
  return hoursAndMinutes(hours, totalMinutes % 60, t);
}

/** What a clock's deadline column says: the deadline, or for a duty the moment it is owed by. */
export function clockDue(c: LiveClock, t: Translate, locale: Locale, now: number): string | null {
  if (c.kind === 'follow-up') {
    if (c.state === 'at-risk') return t('case.clock.owedUntil');
    if (c.state === 'running') return t('case.clock.waitsForResolution');
    return null;
  }
  return c.dueAt !== null ? formatDeadline(c.dueAt, locale, t, now) : null;
}

/** What a clock's time-left column says: the open time left, or how long ago the deadline passed. */
export function clockLeft(c: LiveClock, t: Translate): string | null {
  if (c.overdueMs !== null && c.state === 'breached')
    return t('case.overdueBy', { time: formatWallTime(c.overdueMs, t) });
  if (c.timeLeft !== null && c.state !== 'met' && c.state !== 'breached')
    return t('case.left.value', { time: formatTimeLeft(c.timeLeft, t) });
  return null;
}

export function formatBytes(bytes: number, locale: Locale): string {
  const number = (value: number) =>
    new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KiB`;
  return `${number(bytes / 1048576)} MiB`;
}

/** A text by a key built from data; a value without a text of its own (a configured policy, say) is shown as it is. */
export function textOr(t: Translate, key: string, fallback: string): string {
  // Keys built from stored values may have no text; the catalogue then answers undefined.
  const text: string | undefined = t(key as MessageKey);
  return text ?? fallback;
}

export const policyLabel = (policyId: string, t: Translate): string => textOr(t, `case.policy.${policyId}`, policyId);
export const kindLabel = (kind: string, t: Translate): string => textOr(t, `case.kind.${kind}`, kind);
export const statusLabel = (status: string, t: Translate): string => textOr(t, `case.status.${status}`, status);
export const channelLabel = (channel: string, t: Translate): string => textOr(t, `case.channel.${channel}`, channel);
export const eventLabel = (type: string, t: Translate): string => textOr(t, `case.event.${type}`, type);

/** Each clock that applies: state tag and requirement, then its deadline and what is left of it. */
export function ClockList({
  clocks,
  t,
  locale,
  now,
}: {
  clocks: readonly LiveClock[];
  t: Translate;
  locale: Locale;
  now: number;
}) {
  // A clock of another category (an A clock on a B incident) says nothing about this case's deadlines.
  const relevant = clocks.filter((c) => c.state !== 'not-applicable');
  if (relevant.length === 0) return <span className="niva-subtle">{t('case.noClocks')}</span>;
  return (
    <ul className="niva-clocks">
      {relevant.map((c) => {
        const due = clockDue(c, t, locale, now);
        const meta = [due !== null && c.kind === 'clock' ? `${t('case.due')}: ${due}` : due, clockLeft(c, t)].filter(
          (part) => part !== null,
        );
        return (
          <li key={c.policyId} data-policy={c.policyId}>
            <span className="niva-clocks__head">
              <ClockTag state={c.state} kind={c.kind} t={t} /> {c.paused && <PausedTag t={t} />}{' '}
              <span>{`${c.clause} ${policyLabel(c.policyId, t)}`}</span>
            </span>
            {meta.length > 0 && <span className="niva-clocks__meta">{meta.join(' · ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
