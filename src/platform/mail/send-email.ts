import { z } from 'zod';
import type { Job } from '../db/schema.ts';
import type { SendMail } from './mail-transport.ts';

/** A ready-made e-mail (no other code queues this kind today; the case, status and report mails have their own). */
export const emailJob = 'email.send';
export const emailPayload = z.object({
  to: z.array(z.string().email()).min(1),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string().optional(),
});

export function sendEmail({ send }: { send: SendMail }) {
  return async (job: Job, raw: unknown): Promise<void> => {
    await send(emailPayload.parse(raw), job);
  };
}
