import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { type MailIntakeResult, receiveCaseMail } from '../services/receive-case-mail.ts';

export const defaultMaxMailBytes = 25 * 1024 * 1024;

export interface MailListenerOptions {
  /** The operation context mail is received with; its actor must be the system. */
  ctx: ServiceContext;
  port: number;
  host: string;
  kind?: 'support-request' | 'incident';
  category?: 'A' | 'B' | 'C';
  /** The largest message accepted, in bytes; larger ones are answered 552. */
  maxBytes?: number;
  /** Require SMTP AUTH with these credentials; without them AUTH is not offered at all. */
  auth?: { user: string; password: string } | null;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface MailListener {
  port: number;
  host: string;
  close(): Promise<void>;
}

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  // SMTP replies are single lines; a message text with line breaks would end the reply early.
  return Object.assign(new Error(message.replace(/[\r\n]+/g, ' ')), { responseCode });
}

/** 552 for size, 554 for content the policy refuses, 550 for a sender not allowed, 451 (try later) otherwise. */
function smtpErrorOf(error: unknown): SmtpError | null {
  if (!isAppError(error)) return null;
  if (error.code === 'payload-too-large') return smtpError(552, error.message);
  if (error.code === 'validation') return smtpError(554, error.message);
  if (error.code === 'forbidden' || error.code === 'not-found') return smtpError(550, error.message);
  return null;
}

function replyOf(result: MailIntakeResult): string {
  if (result.outcome === 'case') return `OK: registered as ${result.reference ?? ''}`;
  if (result.outcome === 'comment') return `OK: added to ${result.reference ?? ''}`;
  return 'OK: received; the service desk will review it';
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Starts an SMTP listener that turns each message into case work through `receiveCaseMail`. It is meant to sit behind
 * the organisation's mail relay: STARTTLS is not offered (there is no certificate to offer), and AUTH only when
 * credentials are configured.
 */
export function startMailListener(options: MailListenerOptions): Promise<MailListener> {
  const maxBytes = options.maxBytes ?? defaultMaxMailBytes;
  const auth = options.auth ?? null;
  const server = new SMTPServer({
    banner: 'Nivå case intake',
    size: maxBytes,
    rejectOversized: true,
    authOptional: auth === null,
    disabledCommands: auth === null ? ['AUTH', 'STARTTLS'] : ['STARTTLS'],
    allowInsecureAuth: auth !== null,
    disableReverseLookup: true,
    closeTimeout: 5_000,
    logger: false,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && sameSecret(credentials.password ?? '', auth.password))
        return callback(null, { user: auth.user });
      return callback(smtpError(535, 'authentication failed'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the message is refused anyway; keeping the rest would only spend memory.
        if (bytes <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `the message is larger than ${maxBytes} bytes`));
        const mailFrom = session.envelope.mailFrom;
        receiveCaseMail(options.ctx, {
          raw: Buffer.concat(chunks),
          envelopeFrom: mailFrom ? mailFrom.address : null,
          kind: options.kind,
          category: options.category,
        }).then(
          (result) => {
            options.logger?.info(
              { outcome: result.outcome, reference: result.reference, quarantineId: result.quarantineId },
              'mail received',
            );
            callback(null, replyOf(result));
          },
          (error: unknown) => {
            const refusal = smtpErrorOf(error);
            if (refusal) {
              options.logger?.info({ code: refusal.responseCode, reason: refusal.message }, 'mail refused');
              return callback(refusal);
            }
            options.logger?.error({ err: error }, 'mail intake failed');
            callback(smtpError(451, 'temporary failure; try again later'));
          },
        );
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.server.address() as AddressInfo;
      server.removeListener('error', reject);
      server.on('error', (error: Error) => options.logger?.error({ err: error }, 'SMTP listener error'));
      resolve({
        port: address.port,
        host: options.host,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
