import type { Clock } from '../../domain/clock.ts';
import type { Store } from '../../store/database.ts';
import type { JobHandlers } from '../runner.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import { sendEmail } from './send-email.ts';

export function defaultJobHandlers({ store, clock, smtpUrl, mailFrom }: { store: Store; clock: Clock; smtpUrl: string | null; mailFrom: string }): JobHandlers {
  const handlers: JobHandlers = { 'webhook.deliver': deliverWebhook({ db: store.db, now: () => clock.now() }) };
  if (smtpUrl) handlers['email.send'] = sendEmail({ smtpUrl, from: mailFrom });
  return handlers;
}
