import { Tag } from '@digdir/designsystemet-react';
import type { ClockState } from '../../../platform/domain/sla/clocks.ts';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { intlLocale, type Locale } from '../../../platform/i18n/messages.ts';
import type { LiveClock } from '../services/live-clocks.ts';
import { formatInstant } from '../../../platform/web/format.ts';

// Colour and text say the same thing, so the state never rests on colour alone (WCAG 1.4.1).
const clockColour: Record<ClockState, 'info' | 'warning' | 'success' | 'danger' | 'neutral'> = {
  running: 'info',
  'at-risk': 'warning',
  met: 'success',
  breached: 'danger',
  'not-applicable': 'neutral',
};

export function ClockTag({ state, t }: { state: ClockState; t: Translate }) {
  return (
    <Tag data-color={clockColour[state]} data-size="sm" data-clock-state={state}>
      {t(`case.clock.${state}` as MessageKey)}
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

/** Open time left, as a service desk says it: "42 min", "2 t 5 min"; whole hours beyond a day. */
export function formatRemaining(ms: number, t: Translate): string {
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 1) return t('case.duration.lessThanMinute');
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return t('case.duration.minutes', { minutes });
  return t('case.duration.hours', { hours, minutes });
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
export function ClockList({ clocks, t, locale }: { clocks: readonly LiveClock[]; t: Translate; locale: Locale }) {
  // A clock of another category (an A clock on a B incident) says nothing about this case's deadlines.
  const relevant = clocks.filter((c) => c.state !== 'not-applicable');
  if (relevant.length === 0) return <span className="niva-subtle">{t('case.noClocks')}</span>;
  return (
    <ul className="niva-clocks">
      {relevant.map((c) => {
        const meta = [
          c.dueAt !== null ? `${t('case.due')}: ${formatInstant(c.dueAt, locale)}` : null,
          c.remainingMs !== null && c.state !== 'met' && c.state !== 'breached'
            ? t('case.remainingValue', { time: formatRemaining(c.remainingMs, t) })
            : null,
        ].filter((part) => part !== null);
        return (
          <li key={c.policyId} data-policy={c.policyId}>
            <span className="niva-clocks__head">
              <ClockTag state={c.state} t={t} /> {c.paused && <PausedTag t={t} />}{' '}
              <span>{`${c.clause} ${policyLabel(c.policyId, t)}`}</span>
            </span>
            {meta.length > 0 && <span className="niva-clocks__meta">{meta.join(' · ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
