/**
 * The one rule for text entering the platform. Every string must be well-formed Unicode (a lone surrogate cannot be
 * encoded as UTF-8, so other readers of the database fail on the row) and free of control characters, which render
 * as nothing or corrupt logs, CSV and mail. Multi-line text keeps tab, line feed and carriage return. Names (file
 * names, titles, codes, organisation, service and component names, display names) must also be free of the
 * bidirectional controls that make `gpj.exe` read as `exe.jpg`.
 */
export type TextKind = 'line' | 'multiline' | 'name';

// Lone surrogates match \p{Cs} only under the u flag; C0, DEL and C1 are the control characters.
const lineForbidden = /[\p{Cs}\u0000-\u001f\u007f-\u009f]/u;
const multilineForbidden = /[\p{Cs}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const surrogate = /\p{Cs}/u;
/** LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM and the Arabic letter mark. */
const bidiControl = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

export const textMessages = {
  surrogate: 'is not well-formed Unicode (a lone surrogate)',
  control: 'contains a control character',
  bidi: 'contains a bidirectional control character',
} as const;

/** What is wrong with `value` as text of `kind`, or null when nothing is. */
export function textProblem(value: string, kind: TextKind): string | null {
  const forbidden = kind === 'multiline' ? multilineForbidden : lineForbidden;
  if (forbidden.test(value)) return surrogate.test(value) ? textMessages.surrogate : textMessages.control;
  if (kind === 'name' && bidiControl.test(value)) return textMessages.bidi;
  return null;
}

/**
 * Text from a source that cannot be asked again (inbound mail): made acceptable rather than refused. Lone
 * surrogates become U+FFFD, control characters are dropped (tab, line feed and carriage return stay when
 * `kind` is multi-line) and, for names, bidirectional controls are dropped.
 */
export function sanitizeText(value: string, kind: TextKind): string {
  if (textProblem(value, kind) === null) return value;
  const wellFormed = value.replace(/\p{Cs}/gu, '\ufffd');
  const controls =
    kind === 'multiline' ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g;
  const cleaned = wellFormed.replace(controls, kind === 'multiline' ? '' : ' ');
  return kind === 'name' ? cleaned.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '') : cleaned;
}
