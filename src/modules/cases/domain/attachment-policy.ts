/** What a case accepts as a file: the types a service desk can open safely, at most 10 MiB each. */
export const maxAttachmentBytes = 10 * 1024 * 1024;

export const binaryAttachmentTypes: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

export const textAttachmentTypes: ReadonlySet<string> = new Set([
  'text/plain',
  'text/csv',
  'text/markdown',
  'application/json',
  'application/xml',
  'text/xml',
  'message/rfc822',
]);

export interface AttachmentFacts {
  fileName: string;
  /** The type the sender claims (header or form field), without parameters. */
  declaredType: string;
  size: number;
  /** The type recognised from the content's signature; undefined when it has none (text). */
  detectedType: string | undefined;
  /** Content without a signature that is valid UTF-8 with no NUL bytes. */
  isText: boolean;
}

export type AttachmentVerdict =
  { ok: true; contentType: string } | { ok: false; reason: 'too-large' | 'empty' | 'type' | 'name'; message: string };

/** Decides whether a file may be attached and under which type it is stored (the detected one wins over the claim). */
export function checkAttachment(facts: AttachmentFacts): AttachmentVerdict {
  if (!facts.fileName.trim() || facts.fileName.length > 255 || /[\\/\u0000-\u001f]/.test(facts.fileName))
    return { ok: false, reason: 'name', message: 'a file name of at most 255 characters without path separators' };
  if (facts.size === 0) return { ok: false, reason: 'empty', message: `${facts.fileName} is empty` };
  if (facts.size > maxAttachmentBytes)
    return {
      ok: false,
      reason: 'too-large',
      message: `${facts.fileName} is ${(facts.size / 1048576).toFixed(1)} MiB; at most ${maxAttachmentBytes / 1048576} MiB per file`,
    };
  if (facts.detectedType !== undefined) {
    if (binaryAttachmentTypes.has(facts.detectedType)) return { ok: true, contentType: facts.detectedType };
    return {
      ok: false,
      reason: 'type',
      message: `${facts.fileName}: files of type ${facts.detectedType} are not accepted`,
    };
  }
  const declared = facts.declaredType.toLowerCase();
  if (facts.isText && textAttachmentTypes.has(declared)) return { ok: true, contentType: declared };
  if (facts.isText && (declared === '' || declared === 'application/octet-stream'))
    return { ok: true, contentType: 'text/plain' };
  if (binaryAttachmentTypes.has(declared))
    return { ok: false, reason: 'type', message: `${facts.fileName}: the content is not ${declared}` };
  return {
    ok: false,
    reason: 'type',
    message: `${facts.fileName}: files of type ${declared || 'unknown'} are not accepted (PDF, images, office documents, text)`,
  };
}
