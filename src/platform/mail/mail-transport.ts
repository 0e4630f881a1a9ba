import type { Transporter } from 'nodemailer';
import type { Job } from '../db/schema.ts';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html?: string | undefined;
  /** Extra header fields, e.g. List-Unsubscribe for one-click unsubscribing (RFC 8058). */
  headers?: Record<string, string> | undefined;
  attachments?: { filename: string; content: Buffer; contentType: string }[] | undefined;
}

/**
 * Sends one message for the job that is running; rejects when the SMTP server does not accept it, so the job is
 * retried. The job is named so that a transport that keeps messages instead (development) can say where each came from.
 */
export type SendMail = (message: OutgoingMail, job: Pick<Job, 'id' | 'kind'>) => Promise<void>;

/** Built once per process and shared by every e-mail handler, so SMTP settings live in one place. */
export function createMailSender({ smtpUrl, from }: { smtpUrl: string; from: string }): SendMail {
  // The SMTP library is loaded with the first message, not with every process that might send one.
  let transport: Promise<Transporter> | null = null;
  return async (message) => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
    await (await transport).sendMail({ from, ...message });
  };
}
