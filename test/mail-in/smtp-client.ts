import assert from 'node:assert/strict';
import nodemailer, { type SendMailOptions } from 'nodemailer';

export interface Sent {
  response: string;
}

/** Sends a mail to the listener on `port` as a mail server would. */
export function send(port: number, message: SendMailOptions): Promise<Sent> {
  // The listener offers no STARTTLS; ignoreTLS keeps the client from insisting on it.
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail({ to: 'servicedesk@niva.test', ...message });
}

/** The case reference the listener's answer names. */
export function referenceIn(response: string): string {
  const match = /NIVA-\d+/.exec(response);
  assert.ok(match, `a case reference in "${response}"`);
  return match[0];
}
