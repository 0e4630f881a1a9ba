import type { ParsedMail } from 'mailparser';
import { sanitizeText } from '../../../platform/domain/text-rule.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { type AttachmentUpload, vetAttachment } from '../../cases/index.ts';

/** A received message reduced to what case intake uses. */
export interface CaseMail {
  messageId: string | null;
  /** Lower-cased; empty when neither the From header nor the envelope named a sender. */
  fromAddress: string;
  fromName: string | null;
  subject: string;
  /** Plain text; for HTML-only mail the parser's conversion of the HTML. */
  text: string;
  /** Set when the message says it was sent by a machine (out-of-office replies, bounces). */
  automatic: boolean;
  attachments: AttachmentUpload[];
}

export interface VettedFile {
  upload: AttachmentUpload;
  contentType: string;
}

export const noSubject = '(uten emne)';
const maxTitle = 200;
const maxText = 20_000;

// Signature parts are how the mail client proves who sent it, not files the sender chose to attach.
const signatureTypes: ReadonlySet<string> = new Set([
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
  'application/pgp-signature',
]);

function baseName(name: string): string {
  // Some clients send the sender's local path; only the last segment is the file's name.
  return name.split(/[\\/]/).pop()?.trim() ?? '';
}

function isAutomatic(parsed: ParsedMail): boolean {
  const auto = parsed.headers.get('auto-submitted');
  if (typeof auto === 'string' && auto.trim().toLowerCase() !== 'no') return true;
  const precedence = parsed.headers.get('precedence');
  if (typeof precedence === 'string' && /^(bulk|junk|auto_reply|list)$/i.test(precedence.trim())) return true;
  return parsed.headers.has('x-autoreply') || parsed.headers.has('x-autorespond');
}

/**
 * Parses a raw RFC 5322 message; the envelope sender stands in when the From header names no address. Mail cannot be
 * asked again, so its text is made to meet the text rule instead of being refused: lone surrogates become U+FFFD,
 * control characters (and, in the subject, sender name and file names, bidirectional controls) are dropped.
 */
export async function parseCaseMail(raw: Buffer, envelopeFrom: string | null = null): Promise<CaseMail> {
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true });
  const from = parsed.from?.value.find((a) => a.address);
  const fromAddress = sanitizeText(from?.address ?? envelopeFrom ?? '', 'name')
    .trim()
    .toLowerCase();
  const attachments = parsed.attachments
    .filter((a) => !signatureTypes.has(a.contentType.toLowerCase()))
    .map((a, i): AttachmentUpload => ({
      fileName: sanitizeText(baseName(a.filename ?? ''), 'name').trim() || `vedlegg-${i + 1}`,
      contentType: a.contentType,
      content: a.content,
    }));
  return {
    messageId: parsed.messageId === undefined ? null : sanitizeText(parsed.messageId, 'name'),
    fromAddress,
    fromName: sanitizeText(from?.name ?? '', 'name').trim() || null,
    subject: sanitizeText(parsed.subject ?? '', 'name').trim(),
    text: sanitizeText(parsed.text ?? '', 'multiline').trim(),
    automatic: isAutomatic(parsed),
    attachments,
  };
}

/**
 * Vets every file of a message before anything is written; the first one refused refuses the whole message, so a
 * case never arrives with some of its files silently missing. Size refusals are `payload-too-large` (SMTP 552).
 */
export async function vetMailAttachments(attachments: readonly AttachmentUpload[]): Promise<VettedFile[]> {
  const vetted: VettedFile[] = [];
  for (const upload of attachments) {
    const verdict = await vetAttachment(upload);
    if (!verdict.ok) {
      const message = verdict.message.includes(upload.fileName)
        ? verdict.message
        : `${upload.fileName}: ${verdict.message}`;
      throw new AppError(
        verdict.reason === 'too-large' ? 'payload-too-large' : 'validation',
        `attachment refused: ${message}`,
        { fields: [{ field: 'attachments', message }] },
      );
    }
    vetted.push({ upload, contentType: verdict.contentType });
  }
  return vetted;
}

/** The first case reference in a subject such as "SV: [NIVA-1042] Innlogging feiler", upper-cased. */
export function caseReferenceIn(subject: string): string | null {
  const match = /\bNIVA-(\d{1,12})\b/i.exec(subject);
  return match ? `NIVA-${match[1] ?? ''}` : null;
}

/** A case title from a subject: the fallback for none, padded up to the title's minimum, cut to its maximum. */
export function titleFrom(subject: string): string {
  const title = subject.replace(/\s+/g, ' ').trim();
  if (title.length === 0) return noSubject;
  if (title.length < 3) return `${title} ${noSubject}`;
  return title.length > maxTitle ? `${title.slice(0, maxTitle - 1)}…` : title;
}

/** Text cut to what a case description or comment holds, marked where it was cut. */
export function clipText(text: string): string {
  return text.length > maxText ? `${text.slice(0, maxText - 1)}…` : text;
}

// "On Mon, … Kari <kari@etat.no> wrote:", "Den 2. mars 2026 kl. 10:00 skrev Kari <kari@etat.no>:", "Kari skreiv følgjande:".
const attribution = /\b(wrote|skrev|skreiv)\b.*:\s*$/i;
const attributionStart = /^\s*(On|Den|På|Am|Le)\s/i;
const forwardedBlock =
  /^\s*-{2,}\s*(Original Message|Opprinnelig melding|Opphavleg melding|Videresendt melding|Forwarded message)\b/i;

/**
 * The new part of a reply: quoted lines ("> …") and the attribution line that introduces them ("On … wrote:",
 * "Den … skrev:") are dropped, and so is everything from an Outlook-style "-----Original Message-----" or
 * "Fra: … / Sendt: …" header on.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let quoted = false;
  for (const [i, line] of lines.entries()) {
    if (forwardedBlock.test(line)) break;
    // Outlook quotes without "> ": a "Fra:"/"From:" line followed by "Sendt:"/"Sent:" starts the previous message.
    if (/^\s*\*?(From|Fra):/i.test(line) && /^\s*\*?(Sent|Sendt|Date|Dato):/i.test(lines[i + 1] ?? '')) break;
    if (/^\s*>/.test(line)) {
      quoted = true;
      continue;
    }
    kept.push(line);
  }
  const trimTrailingBlank = () => {
    while (kept.length > 0 && (kept[kept.length - 1] ?? '').trim() === '') kept.pop();
  };
  trimTrailingBlank();
  const last = kept[kept.length - 1];
  // Only a line that introduced quoted text is an attribution; "… som jeg skrev:" at the end of one's own text is not.
  if (quoted && last !== undefined && attribution.test(last)) {
    kept.pop();
    // Long attribution lines wrap: "On Mon, 2 Mar 2026 at 10:00, Kari Nordmann" / "<kari@etat.no> wrote:".
    const previous = kept[kept.length - 1];
    if (!attributionStart.test(last) && previous !== undefined && attributionStart.test(previous)) kept.pop();
    trimTrailingBlank();
  }
  return kept.join('\n').trim();
}
