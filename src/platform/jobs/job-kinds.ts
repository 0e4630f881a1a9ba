/**
 * Every kind of job the program queues, and whether it sends e-mail (and so needs `NIVA_SMTP_URL`). Platform declares
 * its own kind here; each module adds the kinds it queues to this interface beside their constants (declaration
 * merging). `enqueueJob` accepts only declared kinds, a mail kind's handler must say it sends mail, and the
 * composition fails to compile when a declared kind has no handler, while platform imports no module.
 */
export interface JobKinds {
  'email.send': { sendsMail: true };
}

export type JobKind = keyof JobKinds;

/** The kinds that send e-mail. */
export type MailJobKind = { [Kind in JobKind]: JobKinds[Kind] extends { sendsMail: true } ? Kind : never }[JobKind];
