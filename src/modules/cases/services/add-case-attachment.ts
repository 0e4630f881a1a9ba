import { createHash } from 'node:crypto';
import { checkAttachment, maxAttachmentBytes, type AttachmentVerdict } from '../domain/attachment-policy.ts';
import type { CaseAttachmentRow, CaseRow } from '../schema.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { assertMayReport, findVisibleCase, worksCases } from './case-access.ts';
import { appendEventInTransaction } from './append-case-event.ts';

export interface AttachmentUpload {
  fileName: string;
  contentType: string;
  content: Buffer;
  visibility?: 'public' | 'internal';
}

function isUtf8Text(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks an upload's name, size and content before anything is written. The declared type is not consulted: the
 * name's extension says what the file must be, and the content must be that.
 */
export async function vetAttachment(upload: AttachmentUpload): Promise<AttachmentVerdict> {
  const detected =
    upload.content.length > 0 && upload.content.length <= maxAttachmentBytes + 1
      ? await (await import('file-type')).fileTypeFromBuffer(upload.content)
      : undefined;
  const isText =
    detected?.mime !== undefined && detected.mime !== 'application/xml' ? false : isUtf8Text(upload.content);
  return checkAttachment({
    fileName: upload.fileName,
    size: upload.content.length,
    detectedType: detected?.mime,
    isText,
    textStart: isText ? upload.content.subarray(0, 512).toString('utf8') : '',
  });
}

export function verdictError(verdict: Exclude<AttachmentVerdict, { ok: true }>): AppError {
  return AppError.field('file', verdict.message, verdict.reason === 'too-large' ? 'payload-too-large' : 'validation');
}

/** Stores a vetted file and its `attachment-added` event in the caller's transaction. */
export async function storeAttachment(
  trx: Tx,
  ctx: ServiceContext,
  row: CaseRow,
  upload: AttachmentUpload,
  contentType: string,
): Promise<CaseAttachmentRow> {
  const attachment: CaseAttachmentRow = {
    id: newId(),
    case_id: row.id,
    file_name: upload.fileName,
    content_type: contentType,
    size_bytes: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    visibility: upload.visibility ?? 'public',
    content: upload.content,
    created_at: ctx.clock.now(),
  };
  await trx.insertInto('case_attachments').values(attachment).execute();
  await appendEventInTransaction(trx, ctx, row.id, {
    type: 'attachment-added',
    at: ctx.clock.now(),
    visibility: attachment.visibility,
    body: attachment.file_name,
    data: {
      attachmentId: attachment.id,
      fileName: attachment.file_name,
      contentType,
      sizeBytes: attachment.size_bytes,
    },
  });
  return attachment;
}

/** Adds a file to a case: the reporter's side to its own cases, the service desk to any (optionally internal). */
export async function addCaseAttachment(
  ctx: ServiceContext,
  input: { caseId: string } & AttachmentUpload,
): Promise<CaseAttachmentRow> {
  const row = await findVisibleCase(ctx, input.caseId);
  assertMayReport(ctx, row);
  if (input.visibility === 'internal' && !worksCases(ctx))
    throw AppError.field('visibility', 'internal files are the service desk’s', 'forbidden');
  const verdict = await vetAttachment(input);
  if (!verdict.ok) throw verdictError(verdict);
  return inTransaction(ctx, (trx) => storeAttachment(trx, ctx, row, input, verdict.contentType));
}
