import type { Kysely } from 'kysely';
import type { Database, Job, OutgoingKind, OutgoingOutcome } from '../db/schema.ts';
import { newId } from '../services/context.ts';
import { bounded, hideHeaderSecrets, hideLinkSecrets, hideUrlSecrets } from './hide-secrets.ts';

/** How much of a message's text or HTML, a request body and an answer's body the log keeps. */
export const outgoingBodyLimit = 64_000;
export const outgoingAnswerLimit = 2_000;

/** One message as its sender describes it; the log hides its secrets and bounds its bodies. */
export interface OutgoingEntry {
  kind: OutgoingKind;
  /** E-mail: the recipients; webhook: the URL. */
  to: readonly string[] | string;
  /** E-mail: the subject; webhook: the CloudEvent's type. */
  subject: string | null;
  body: string | null;
  html?: string | null | undefined;
  headers: Readonly<Record<string, string>>;
  attachments?: readonly { filename: string; contentType: string; size: number }[];
  outcome: OutgoingOutcome;
  responseStatus?: number | null;
  responseBody?: string | null;
  error?: string | null;
  at: number;
}

/** Records what one job sends; resolves to the new entry's id. */
export interface OutgoingLog {
  record(entry: OutgoingEntry): Promise<string>;
}

/** The outgoing-message log of one job run (`job` null: sent outside a job). */
export function outgoingLog(db: Kysely<Database>, job: Pick<Job, 'id' | 'kind'> | null): OutgoingLog {
  return {
    async record(entry) {
      const id = newId();
      const keep = (text: string | null | undefined, limit = outgoingBodyLimit): string | null =>
        text === null || text === undefined ? null : bounded(hideLinkSecrets(text), limit);
      await db
        .insertInto('outgoing_messages')
        .values({
          id,
          kind: entry.kind,
          target: typeof entry.to === 'string' ? hideUrlSecrets(entry.to) : entry.to.join(', '),
          subject: entry.subject,
          body: keep(entry.body),
          html: keep(entry.html),
          headers: JSON.stringify(
            Object.fromEntries(
              Object.entries(entry.headers).map(([name, value]) => [name, hideHeaderSecrets(name, value)]),
            ),
          ),
          attachments: JSON.stringify(entry.attachments ?? []),
          outcome: entry.outcome,
          response_status: entry.responseStatus ?? null,
          response_body: keep(entry.responseBody, outgoingAnswerLimit),
          error: keep(entry.error, outgoingAnswerLimit),
          job_id: job?.id ?? null,
          job_kind: job?.kind ?? null,
          created_at: entry.at,
        })
        .execute();
      return id;
    },
  };
}
