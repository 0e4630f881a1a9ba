import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Job } from '../../store/schema.ts';

export const emailPayload = z.object({
  to: z.array(z.string().email()).min(1),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string().optional(),
});

export function sendEmail({ smtpUrl, from }: { smtpUrl: string; from: string }) {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (_job: Job, raw: unknown): Promise<void> => {
    const message = emailPayload.parse(raw);
    await transport.sendMail({ from, ...message });
  };
}
