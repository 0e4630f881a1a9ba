import type { Locale, Translate } from '../../../platform/i18n/messages.ts';
import type { StatusIncident, StatusMaintenance, StatusOutage, StatusSummary } from '../services/status-summary.ts';
import { formatInstant } from '../../../platform/web/format.ts';

/** The public summary in the machine formats other sites and calendars read: JSON, Atom 1.0 and iCalendar. */

const iso = (ms: number): string => new Date(ms).toISOString();
const severityState = { unavailable: 'major', partial: 'partial', degraded: 'degraded' } as const;

function componentRef(summary: StatusSummary, id: string) {
  const c = summary.components.find((x) => x.id === id);
  return { id, code: c?.code ?? '', name: c?.name ?? '' };
}

function maintenanceJson(summary: StatusSummary, w: StatusMaintenance) {
  return {
    id: w.id,
    component: componentRef(summary, w.componentId),
    kind: w.kind,
    title: w.title,
    text: w.text,
    start: iso(w.start),
    end: iso(w.end),
    announcedAt: iso(w.announcedAt),
    inProgress: w.inProgress,
  };
}

/** The embeddable JSON document; instants are ISO 8601 in UTC. */
export function statusJson(summary: StatusSummary, pageUrl: string) {
  return {
    page: pageUrl,
    generatedAt: iso(summary.generatedAt),
    components: summary.components.map((c) => ({ id: c.id, code: c.code, name: c.name, state: c.state, days: c.days })),
    activeIncidents: [
      ...summary.ongoingOutages.map((o) => ({
        type: 'outage' as const,
        id: o.id,
        component: componentRef(summary, o.componentId),
        severity: o.severity,
        state: severityState[o.severity],
        start: iso(o.start),
        text: o.text,
        updates: [],
      })),
      ...summary.incidents.map((i) => ({
        type: 'incident' as const,
        id: i.id,
        reference: i.reference,
        title: i.title,
        start: iso(i.registeredAt),
        updates: i.updates.map((u) => ({ at: iso(u.at), type: u.type, body: u.body })),
      })),
    ],
    upcomingMaintenance: summary.upcomingMaintenance.map((w) => maintenanceJson(summary, w)),
  };
}

// XML 1.0 forbids most control characters even when escaped; they cannot come from a form but may from the API.
const xmlForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(xmlForbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Entry {
  id: string;
  title: string;
  updated: number;
  published: number;
  content: string;
}

function outageEntry(o: StatusOutage, t: Translate, locale: Locale): Entry {
  const when =
    o.end === null
      ? t('status.incident.since', { time: formatInstant(o.start, locale) })
      : t('status.feed.when', { start: formatInstant(o.start, locale), end: formatInstant(o.end, locale) });
  const title =
    o.end === null
      ? t('status.feed.outage', {
          severity: t(`status.state.${severityState[o.severity]}`),
          component: o.componentName,
        })
      : t('status.feed.outageEnded', { component: o.componentName });
  return { id: `urn:uuid:${o.id}`, title, updated: o.updatedAt, published: o.start, content: `${when}\n\n${o.text}` };
}

function incidentEntry(i: StatusIncident, t: Translate, locale: Locale): Entry {
  const updates = i.updates.map(
    (u) => `${formatInstant(u.at, locale)} ${t(`status.update.${u.type}`)}${u.body ? `: ${u.body}` : ''}`,
  );
  return {
    id: `urn:uuid:${i.id}`,
    title: i.title,
    updated: i.lastEventAt,
    published: i.registeredAt,
    content: updates.join('\n\n') || i.title,
  };
}

function maintenanceEntry(w: StatusMaintenance, t: Translate, locale: Locale): Entry {
  const when = t('status.feed.when', { start: formatInstant(w.start, locale), end: formatInstant(w.end, locale) });
  return {
    id: `urn:uuid:${w.id}`,
    title: t('status.feed.maintenance', { component: w.componentName, title: w.title }),
    updated: w.announcedAt,
    published: w.announcedAt,
    content: `${when}\n\n${w.text}`,
  };
}

/** An Atom 1.0 feed (RFC 4287) of incidents, outages and announced maintenance, newest change first. */
export function atomFeed(summary: StatusSummary, t: Translate, locale: Locale, baseUrl: string): string {
  const entries = [
    ...summary.ongoingOutages.map((o) => outageEntry(o, t, locale)),
    ...summary.pastOutages.map((o) => outageEntry(o, t, locale)),
    ...summary.incidents.map((i) => incidentEntry(i, t, locale)),
    ...summary.upcomingMaintenance.map((w) => maintenanceEntry(w, t, locale)),
    ...summary.pastMaintenance.map((w) => maintenanceEntry(w, t, locale)),
  ].sort((a, b) => b.updated - a.updated || (a.id < b.id ? -1 : 1));
  // The feed changes when its newest entry does, not every time someone asks for it.
  const updated = entries[0]?.updated ?? summary.generatedAt;
  const page = `${baseUrl}/status`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${escapeXml(page)}</id>`,
    `  <title>${escapeXml(t('status.feed.title'))}</title>`,
    `  <updated>${iso(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${page}/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
    `  <author><name>${escapeXml(t('app.name'))}</name></author>`,
    ...entries.map((e) =>
      [
        '  <entry>',
        `    <id>${escapeXml(e.id)}</id>`,
        `    <title>${escapeXml(e.title)}</title>`,
        `    <updated>${iso(e.updated)}</updated>`,
        `    <published>${iso(e.published)}</published>`,
        `    <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
        `    <content type="text">${escapeXml(e.content)}</content>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/** RFC 5545 TEXT: backslash, semicolon and comma are escaped, line breaks become \n. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character; continuations start with a space. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsInstant(ms: number): string {
  return iso(ms)
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Published maintenance as an iCalendar feed a calendar can subscribe to; times are UTC. */
export function maintenanceCalendar(summary: StatusSummary, t: Translate, locale: Locale, baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  const work = [...summary.pastMaintenance].reverse().concat(summary.upcomingMaintenance);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Nivå//Driftsstatus//${locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(t('status.maintenance'))}`,
    ...work.flatMap((w) => [
      'BEGIN:VEVENT',
      `UID:${w.id}@${host}`,
      `DTSTAMP:${icsInstant(summary.generatedAt)}`,
      `DTSTART:${icsInstant(w.start)}`,
      `DTEND:${icsInstant(w.end)}`,
      `SUMMARY:${escapeIcsText(`${w.componentName}: ${w.title}`)}`,
      `DESCRIPTION:${escapeIcsText(w.text)}`,
      `URL:${baseUrl}/status`,
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
