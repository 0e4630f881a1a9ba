import type { CalendarRegistry } from '../../domain/calendar/calendar-registry.ts';
import type { Clock } from '../../domain/clock.ts';
import { caseEmailJob } from '../../services/cases/queue-case-notice.ts';
import type { Store } from '../../store/database.ts';
import type { JobHandlers } from '../runner.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import { createMailSender } from './mail-transport.ts';
import { sendCaseEmail } from './send-case-email.ts';
import { sendEmail } from './send-email.ts';
import { sendReportEmail } from './send-report-email.ts';
import { reportEmailJob } from '../../services/reports/generate-service-report.ts';
import { deliverStatusWebhook, sendStatusEmail } from './send-status-notice.ts';
import { statusEmailJob, statusWebhookJob } from '../../services/status/status-subscriptions.ts';

export interface JobHandlerDeps {
  store: Store;
  clock: Clock;
  /** Case notices record events on cases, whose clocks run on these calendars. */
  calendars: CalendarRegistry;
  smtpUrl: string | null;
  mailFrom: string;
  /** The origin links in e-mails point to. */
  publicUrl: string;
  /** Signs the unsubscribe links in status e-mails; the web app checks them with the same key. */
  linkSecret: string;
}

export function defaultJobHandlers({
  store,
  clock,
  calendars,
  smtpUrl,
  mailFrom,
  publicUrl,
  linkSecret,
}: JobHandlerDeps): JobHandlers {
  const now = () => clock.now();
  const handlers: JobHandlers = {
    'webhook.deliver': deliverWebhook({ db: store.db, now }),
    [statusWebhookJob]: deliverStatusWebhook({ db: store.db, now }),
  };
  if (smtpUrl) {
    const send = createMailSender({ smtpUrl, from: mailFrom });
    handlers['email.send'] = sendEmail({ send });
    handlers[caseEmailJob] = sendCaseEmail({ store, clock, calendars, publicUrl, send });
    handlers[statusEmailJob] = sendStatusEmail({ db: store.db, send, publicUrl, linkSecret });
    handlers[reportEmailJob] = sendReportEmail({ db: store.db, send, publicUrl });
  }
  return handlers;
}
