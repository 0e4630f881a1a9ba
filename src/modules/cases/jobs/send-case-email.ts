import { z } from 'zod';
import type { CalendarRegistry } from '../../../platform/domain/calendar/calendar-registry.ts';
import type { Clock } from '../../../platform/domain/clock.ts';
import { locales } from '../../../platform/i18n/messages.ts';
import { systemActor } from '../../../platform/services/actor.ts';
import { caseMail, caseNotices } from '../services/case-mail-texts.ts';
import type { CaseEmailPayload } from '../services/queue-case-notice.ts';
import { recordFeedbackSent } from '../services/record-feedback-sent.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { Store } from '../../../platform/db/database.ts';
import type { Job } from '../../../platform/db/schema.ts';
import type { SendMail } from '../../../platform/mail/mail-transport.ts';
import { defaultInputLimits } from '../../../platform/domain/input-bounds.ts';

export const caseEmailPayload = z.object({
  caseId: z.string().min(1),
  notice: z.enum(caseNotices),
  to: z.array(z.string().email()).min(1),
  locale: z.enum(locales),
  facts: z.object({
    reference: z.string().min(1),
    title: z.string(),
    kind: z.string(),
    category: z.string().nullable(),
    owner: z.string(),
    policy: z.string().optional(),
    due: z.string().optional(),
    note: z.string().optional(),
  }),
  recordsFeedback: z.boolean(),
}) satisfies z.ZodType<CaseEmailPayload>;

/**
 * Sends a case notice queued by `queueCaseNotice`. The resolution notice is the feedback the agreement requires, so
 * once the SMTP server has accepted it the case records `feedback-given`. A retry after a crash between the two may
 * send the e-mail again, but records the feedback only once.
 */
export function sendCaseEmail({
  store,
  clock,
  calendars,
  publicUrl,
  send,
}: {
  store: Store;
  clock: Clock;
  calendars: CalendarRegistry;
  publicUrl: string;
  send: SendMail;
}) {
  return async (job: Job, raw: unknown): Promise<void> => {
    const payload = caseEmailPayload.parse(raw);
    const link = `${publicUrl}/cases/${encodeURIComponent(payload.facts.reference)}`;
    const { subject, text } = caseMail(payload.locale, payload.notice, { ...payload.facts, link });
    await send({ to: payload.to, subject, text }, job);
    if (!payload.recordsFeedback) return;
    // The job id stands in for a request id, so the audit row of the feedback event leads back to this job.
    const ctx: ServiceContext = {
      db: store.db,
      dialect: store.dialect,
      clock,
      calendars,
      limits: defaultInputLimits,
      actor: systemActor('Nivå e-mail'),
      requestId: `job:${job.id}`,
    };
    await recordFeedbackSent(ctx, { caseId: payload.caseId, to: payload.to });
  };
}
