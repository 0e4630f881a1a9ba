import { Tag } from '@digdir/designsystemet-react';
import { type Locale, type MessageKey, type Translate } from '../../../platform/i18n/messages.ts';
import { formatInstant } from '../../../platform/web/format.ts';
import type { ComponentAvailability } from '../services/availability-inputs.ts';

/** `99.89` as the reader writes it: `99,89 %` in Norwegian, `99.89 %` in English. The figure is already rounded down. */
export function percentText(rounded: string, locale: Locale): string {
  return `${locale === 'en' ? rounded : rounded.replace('.', ',')} %`;
}

/** The target in basis points as a percentage with two decimals, like the figures it is compared with. */
export function targetText(basisPoints: number, locale: Locale): string {
  return percentText((basisPoints / 100).toFixed(2), locale);
}

/** `2026-03` as `03.26`, short enough to stand under a bar. */
export function monthShort(month: string): string {
  const [year = '', m = ''] = month.split('-');
  return `${m}.${year.slice(2)}`;
}

/** A duration as whole minutes, hours beyond the first; downtime of a few seconds still shows as "0 min". */
export function durationText(ms: number, t: Translate): string {
  const totalMinutes = Math.round(ms / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return hours === 0 ? t('case.duration.minutes', { minutes }) : t('case.duration.hours', { hours, minutes });
}

/** The window's name, falling back to its calendar id for windows configured outside the built-in ones. */
export function windowLabel(calendarId: string, t: Translate): string {
  const key = `availability.window.${calendarId}`;
  return calendarId === 'always' || calendarId === 'studio-hours' ? t(key as MessageKey) : calendarId;
}

/**
 * Met or not, in words as well as colour (WCAG 1.4.1). A month in progress says "so far": its figure covers the month
 * up to now, and the rest of the month can still change it.
 */
export function TargetTag({ figure, t }: { figure: ComponentAvailability; t: Translate }) {
  if (figure.progress === 'not-started') return <>–</>;
  if (figure.availability === null) return <>{t('availability.noFigure')}</>;
  const soFar = figure.progress === 'to-date';
  return (
    <Tag
      data-color={figure.meetsTarget ? 'success' : 'danger'}
      data-size="sm"
      data-meets-target={figure.meetsTarget ? 'yes' : 'no'}
    >
      {figure.meetsTarget
        ? t(soFar ? 'availability.metSoFar' : 'availability.met')
        : t(soFar ? 'availability.notMetSoFar' : 'availability.notMet')}
    </Tag>
  );
}

export function figureText(figure: ComponentAvailability, locale: Locale, t: Translate): string {
  if (figure.progress === 'not-started') return t('availability.notStarted');
  return figure.rounded === null ? t('availability.noFigure') : percentText(figure.rounded, locale);
}

/** What kind of figure it is: frozen, provisional, the month so far up to an instant, or none yet. */
export function figureKindText(figure: ComponentAvailability, locale: Locale, t: Translate): string {
  if (figure.frozen) return t('availability.figure.frozen');
  if (figure.progress === 'to-date')
    return t('availability.figure.toDate', { instant: formatInstant(figure.throughMs, locale) });
  if (figure.progress === 'not-started') return t('availability.notStarted');
  return t('availability.figure.live');
}

/** The projection's percentage where it would read differently from the figure so far; otherwise it says nothing new. */
export function shownProjection(figure: ComponentAvailability): string | null {
  const projected = figure.projection?.rounded ?? null;
  return projected !== null && projected !== figure.rounded ? projected : null;
}

/** Under a month in progress: the whole month if the announced work happens, clearly apart from the figure itself. */
export function ProjectionLine({ figure, locale, t }: { figure: ComponentAvailability; locale: Locale; t: Translate }) {
  const projected = shownProjection(figure);
  if (projected === null) return null;
  return (
    <>
      <br />
      <span className="niva-muted" data-projection={projected}>
        {t('availability.projection', { value: percentText(projected, locale) })}
      </span>
    </>
  );
}
