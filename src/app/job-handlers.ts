import type { CalendarRegistry } from '../platform/domain/calendar/calendar-registry.ts';
import type { Clock } from '../platform/domain/clock.ts';
import { caseEmailJob, webhookDeliverJob } from '../modules/cases/services/queue-case-notice.ts';
import type { Store } from '../platform/db/database.ts';
import type { JobKind, MailJobKind } from '../platform/jobs/job-kinds.ts';
import { PermanentJobError, type JobHandler } from '../platform/jobs/runner.ts';
import { deliverWebhook } from '../platform/webhooks/deliver-webhook.ts';
import { createMailSender } from '../platform/mail/mail-transport.ts';
import { sendCaseEmail } from '../modules/cases/jobs/send-case-email.ts';
import { emailJob, sendEmail } from '../platform/mail/send-email.ts';
import { sendReportEmail } from '../modules/reports/jobs/send-report-email.ts';
import { reportEmailJob } from '../modules/reports/services/generate-service-report.ts';
import { deliverStatusWebhook, sendStatusEmail } from '../modules/availability/jobs/send-status-notice.ts';
import { statusEmailJob, statusWebhookJob } from '../modules/availability/services/status-subscriptions.ts';

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

export const mailNotConfigured = 'e-mail is not configured: set NIVA_SMTP_URL';

/**
 * A handler for every job kind, whatever the configuration: a kind without one would be retried in vain until it
 * dies. Without `NIVA_SMTP_URL` the e-mail jobs end dead at their first attempt, saying which setting is missing;
 * once it is set they can be queued again from the jobs page.
 */
export function defaultJobHandlers(deps: JobHandlerDeps): Record<JobKind, JobHandler> {
  const now = () => deps.clock.now();
  return {
    [webhookDeliverJob]: deliverWebhook({ db: deps.store.db, now }),
    [statusWebhookJob]: deliverStatusWebhook({ db: deps.store.db, now }),
    ...mailHandlers(deps),
  };
}

function mailHandlers({
  store,
  clock,
  calendars,
  smtpUrl,
  mailFrom,
  publicUrl,
  linkSecret,
}: JobHandlerDeps): Record<MailJobKind, JobHandler> {
  if (!smtpUrl) {
    const refuse: JobHandler = () => Promise.reject(new PermanentJobError(mailNotConfigured));
    return { [emailJob]: refuse, [caseEmailJob]: refuse, [statusEmailJob]: refuse, [reportEmailJob]: refuse };
  }
  const send = createMailSender({ smtpUrl, from: mailFrom });
  return {
    [emailJob]: sendEmail({ send }),
    [caseEmailJob]: sendCaseEmail({ store, clock, calendars, publicUrl, send }),
    [statusEmailJob]: sendStatusEmail({ db: store.db, send, publicUrl, linkSecret }),
    [reportEmailJob]: sendReportEmail({ db: store.db, send, publicUrl }),
  };
}
