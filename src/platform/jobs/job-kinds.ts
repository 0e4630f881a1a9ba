import { caseEmailJob, webhookDeliverJob } from '../../modules/cases/services/queue-case-notice.ts';
import { reportEmailJob } from '../../modules/reports/services/generate-service-report.ts';
import {
  statusEmailJob,
  statusWebhookJob,
  statusWebhookVerifyJob,
} from '../../modules/availability/services/status-subscriptions.ts';
import { emailJob } from '../mail/send-email.ts';

/**
 * Every kind of job the code queues: the closed set `enqueueJob` accepts and `defaultJobHandlers` must cover in every
 * process that runs the job runner. Each constant is defined beside its payload.
 */
export const jobKinds = [
  caseEmailJob,
  webhookDeliverJob,
  statusEmailJob,
  statusWebhookJob,
  statusWebhookVerifyJob,
  reportEmailJob,
  emailJob,
] as const;

export type JobKind = (typeof jobKinds)[number];

/** The kinds that send e-mail, and so need `NIVA_SMTP_URL`. */
export const mailJobKinds = [
  emailJob,
  caseEmailJob,
  statusEmailJob,
  reportEmailJob,
] as const satisfies readonly JobKind[];

export type MailJobKind = (typeof mailJobKinds)[number];
