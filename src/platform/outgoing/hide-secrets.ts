// What the outgoing-message log may show of a message. Operators read the log, but not everything a message carries is
// theirs to use: a link that works without logging in (an invitation, a subscription's confirmation or unsubscribe
// link) would let the reader act as its recipient, and a signature or key would let them forge or replay a call.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path segment that looks generated to be secret (e.g. a 43-character base64url invitation token). Record ids
 * (UUIDs) and readable words stay: they identify, they do not grant.
 */
function looksGenerated(segment: string): boolean {
  return /^[A-Za-z0-9_-]{24,}$/.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment) && !uuid.test(segment);
}

/**
 * A URL with its credentials, query values, fragment and generated path segments replaced by "…". The text is
 * rewritten as it stands rather than parsed and printed again, so what remains reads exactly as sent.
 */
export function hideUrlSecrets(url: string): string {
  const hashAt = url.indexOf('#');
  const withoutFragment = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = withoutFragment.indexOf('?');
  const base = queryAt === -1 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const query = queryAt === -1 ? null : withoutFragment.slice(queryAt + 1);
  const shownBase = base
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1')
    .split('/')
    // Segments 0–2 are the scheme, the empty one after it and the host.
    .map((segment, index) => (index > 2 && looksGenerated(segment) ? '…' : segment))
    .join('/');
  const shownQuery =
    query === null
      ? ''
      : `?${query
          .split('&')
          .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=…` : pair))
          .join('&')}`;
  return `${shownBase}${shownQuery}${hashAt === -1 ? '' : '#…'}`;
}

const urlInText = /https?:\/\/[^\s<>"'`]+/gi;

/** Text (an e-mail's body, a request body) with the secrets of every URL in it hidden. */
export function hideLinkSecrets(text: string): string {
  return text.replace(urlInText, (url) => hideUrlSecrets(url));
}

/** A header field's value as the log shows it: signatures without their MAC, credentials not at all. */
export function hideHeaderSecrets(name: string, value: string): string {
  // The timestamp of a `t=…,v1=…` signature helps to read a delivery; the MAC would let the reader replay it.
  if (/signature/i.test(name)) return value.replace(/(v\d+=)[^,]*/g, '$1…');
  if (/authorization|cookie|token|secret|key/i.test(name)) return '…';
  return hideLinkSecrets(value);
}

/** Text cut to `limit` characters, marked with "…" when cut, so one large message cannot fill the log. */
export function bounded(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}\n…`;
}
