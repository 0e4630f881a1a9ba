import { textProblem } from '../../../platform/domain/text-rule.ts';

/**
 * What a case accepts as a file, at most 10 MiB each. A file is accepted for its name's extension and only when its
 * content is what that extension says; the type the sender declares plays no part. The type a download is served
 * with comes from the extension, so a file is never served as something a browser would run.
 */
export const maxAttachmentBytes = 10 * 1024 * 1024;

/** What the content of an extension must be: a signature `file-type` recognises, or UTF-8 text. */
type Expected = { kind: 'binary'; detected: readonly string[] } | { kind: 'text'; detected: readonly string[] };

export interface AttachmentKind {
  /** The Content-Type a download is served with. */
  contentType: string;
  expected: Expected;
}

const binary = (contentType: string, ...detected: string[]): AttachmentKind => ({
  contentType,
  expected: { kind: 'binary', detected: detected.length > 0 ? detected : [contentType] },
});
const textual = (contentType: string, ...detected: string[]): AttachmentKind => ({
  contentType,
  expected: { kind: 'text', detected },
});

const ooxml = 'application/vnd.openxmlformats-officedocument';
/** The allow-list: extension (lower case) → served type and expected content. */
export const attachmentKinds: ReadonlyMap<string, AttachmentKind> = new Map([
  ['pdf', binary('application/pdf')],
  ['png', binary('image/png')],
  ['jpg', binary('image/jpeg')],
  ['jpeg', binary('image/jpeg')],
  ['gif', binary('image/gif')],
  ['webp', binary('image/webp')],
  ['zip', binary('application/zip')],
  ['docx', binary(`${ooxml}.wordprocessingml.document`)],
  ['xlsx', binary(`${ooxml}.spreadsheetml.sheet`)],
  ['pptx', binary(`${ooxml}.presentationml.presentation`)],
  ['odt', binary('application/vnd.oasis.opendocument.text')],
  ['ods', binary('application/vnd.oasis.opendocument.spreadsheet')],
  // Outlook's .msg is a compound file; that container is all a signature can tell.
  ['msg', binary('application/vnd.ms-outlook', 'application/x-cfb')],
  ['txt', textual('text/plain; charset=utf-8')],
  ['log', textual('text/plain; charset=utf-8')],
  ['md', textual('text/markdown; charset=utf-8')],
  ['csv', textual('text/csv; charset=utf-8')],
  ['json', textual('application/json')],
  ['xml', textual('application/xml', 'application/xml')],
  ['eml', textual('message/rfc822')],
]);

export interface AttachmentFacts {
  fileName: string;
  size: number;
  /** The type recognised from the content's signature; undefined when it has none. */
  detectedType: string | undefined;
  /** Content that is valid UTF-8 with no NUL bytes. */
  isText: boolean;
  /** The first characters of text content (empty for binary), to recognise markup a browser would render. */
  textStart: string;
}

export type AttachmentVerdict =
  { ok: true; contentType: string } | { ok: false; reason: 'too-large' | 'empty' | 'type' | 'name'; message: string };

const allowedList = [...attachmentKinds.keys()].join(', ');
// Markup a browser renders or runs: refused in any text file, whatever its name says.
const activeMarkup = /^\s*(<!doctype\s+html|<html|<svg|<script|<hta:|<\?xml-stylesheet)/i;

/** The extension of a file name, lower-cased, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Why a file name may not be stored or offered for download, or null. */
export function fileNameProblem(fileName: string): string | null {
  if (!fileName.trim() || fileName.length > 255) return 'a file name of 1 to 255 characters';
  const text = textProblem(fileName, 'name');
  if (text !== null) return text;
  if (/[\\/]/.test(fileName)) return 'a file name without path separators';
  if (fileName.startsWith('.')) return 'a file name that does not start with a dot';
  return null;
}

/** The type a stored file is served with: the one of its extension, or bytes for a name outside the allow-list. */
export function servedContentType(fileName: string): string {
  return attachmentKinds.get(extensionOf(fileName))?.contentType ?? 'application/octet-stream';
}

/**
 * `Content-Disposition` for a download: always an attachment. Names stored before the current rule may still carry
 * what it refuses, so unsafe names fall back to `attachment.bin`, and the quoted fallback is plain ASCII.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileNameProblem(fileName) === null ? fileName : 'attachment.bin';
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Decides whether a file may be attached and under which type it is stored. */
export function checkAttachment(facts: AttachmentFacts): AttachmentVerdict {
  const nameProblem = fileNameProblem(facts.fileName);
  if (nameProblem !== null) return { ok: false, reason: 'name', message: `file name ${nameProblem}` };
  const extension = extensionOf(facts.fileName);
  const kind = attachmentKinds.get(extension);
  if (kind === undefined)
    return {
      ok: false,
      reason: 'type',
      message: `${facts.fileName}: ${extension ? `.${extension} files are` : 'a file without an extension is'} not accepted (accepted: ${allowedList})`,
    };
  if (facts.size === 0) return { ok: false, reason: 'empty', message: `${facts.fileName} is empty` };
  if (facts.size > maxAttachmentBytes)
    return {
      ok: false,
      reason: 'too-large',
      message: `${facts.fileName} is ${(facts.size / 1048576).toFixed(1)} MiB; at most ${maxAttachmentBytes / 1048576} MiB per file`,
    };
  const mismatch: AttachmentVerdict = {
    ok: false,
    reason: 'type',
    message: `${facts.fileName}: the content is not a .${extension} file`,
  };
  const { expected } = kind;
  if (expected.kind === 'binary')
    return facts.detectedType !== undefined && expected.detected.includes(facts.detectedType)
      ? { ok: true, contentType: kind.contentType }
      : mismatch;
  const detectedOk = facts.detectedType === undefined || expected.detected.includes(facts.detectedType);
  if (!detectedOk || !facts.isText || activeMarkup.test(facts.textStart)) return mismatch;
  return { ok: true, contentType: kind.contentType };
}
