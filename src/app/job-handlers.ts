import type { JobKind } from '../platform/jobs/job-kinds.ts';
import { PermanentJobError, type JobHandler } from '../platform/jobs/runner.ts';
import { createKeepingMailSender } from '../platform/mail/keeping-mail-sender.ts';
import { createMailSender } from '../platform/mail/mail-transport.ts';
import { emailJob, sendEmail } from '../platform/mail/send-email.ts';
import type { JobDeps, JobKindsOf, JobRegistration } from '../platform/module-manifest.ts';
import { installComposedMessages, manifests, type modules } from './modules.ts';

/**
 * What every handler gets, and how this process sends mail: over SMTP, or without `smtpUrl` kept in the
 * outgoing-message log (`withoutSmtp: 'keep'`, development) or not at all (the default).
 */
export interface JobHandlerDeps extends JobDeps {
  smtpUrl: string | null;
  mailFrom: string;
  withoutSmtp?: 'keep' | 'refuse';
}

export const mailNotConfigured = 'e-mail is not configured: set NIVA_SMTP_URL';

/** The platform's own kind: a plain e-mail. */
const platformJobs = [
  { kind: emailJob, sendsMail: true, handler: ({ send }) => sendEmail({ send }) },
] as const satisfies readonly JobRegistration[];

/** Every handler registration of the program: the platform's and each module's. */
export const jobRegistrations: readonly JobRegistration[] = [
  ...platformJobs,
  ...manifests.flatMap((m) => m.jobs ?? []),
];

// Every declared kind (`JobKinds`) has a handler: a kind declared by a module that no module (nor the platform)
// handles fails to compile here, naming the kind.
type KindWithoutHandler = Exclude<
  JobKind,
  JobKindsOf<(typeof modules)[number]> | (typeof platformJobs)[number]['kind']
>;
const _everyKindHandled: [KindWithoutHandler] extends [never] ? true : KindWithoutHandler = true;

/**
 * A handler for every job kind, whatever the configuration: a kind without one would be retried in vain until it
 * dies. Without `NIVA_SMTP_URL` the e-mails are kept in the outgoing-message log in development; otherwise their jobs
 * end dead at their first attempt, saying which setting is missing, and once it is set they can be queued again
 * from the jobs page.
 */
export function defaultJobHandlers(deps: JobHandlerDeps): Record<JobKind, JobHandler> {
  // The e-mails are laid out in their recipients' languages.
  installComposedMessages();
  const { smtpUrl, mailFrom, withoutSmtp = 'refuse', ...jobDeps } = deps;
  const send = smtpUrl
    ? createMailSender({ smtpUrl, from: mailFrom })
    : withoutSmtp === 'keep'
      ? createKeepingMailSender({ db: jobDeps.store.db, clock: jobDeps.clock, from: mailFrom })
      : null;
  const refuse: JobHandler = () => Promise.reject(new PermanentJobError(mailNotConfigured));
  const handlers: Partial<Record<JobKind, JobHandler>> = {};
  for (const registration of jobRegistrations) {
    if (handlers[registration.kind]) throw new Error(`two handlers for the job kind ${registration.kind}`);
    handlers[registration.kind] = !registration.sendsMail
      ? registration.handler(jobDeps)
      : send
        ? registration.handler({ ...jobDeps, send })
        : refuse;
  }
  return handlers as Record<JobKind, JobHandler>;
}
