import { z } from 'zod';
import { parseInstant } from '../../../platform/domain/calendar/iso-instant.ts';
import { caseChannels, caseEventTypes, caseKinds } from '../domain/case-types.ts';

/**
 * An ISO 8601 instant (with offset, or local Oslo time) as epoch milliseconds. Epoch milliseconds are accepted too,
 * so input validated at the edge passes the operation's own validation unchanged.
 */
export const isoInstant = z.union([
  z.number().int().nonnegative(),
  z.string().transform((text, ctx) => {
    const at = parseInstant(text);
    if (at === null) {
      ctx.addIssue({ code: 'custom', message: 'not an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00)' });
      return z.NEVER;
    }
    return at;
  }),
]);

export const categorySchema = z.enum(['A', 'B', 'C']);

export const registerCaseInput = z.object({
  /** Owner by id or code; null for a platform-wide incident (operator only); omitted: the caller's own organisation. */
  organisationId: z.string().min(1).nullable().optional(),
  kind: z.enum(caseKinds),
  category: categorySchema.nullable().optional(),
  /** Which of the agreement's category criteria (2.1) the reporter ticked; kept with the registration. */
  criteria: z
    .array(z.string().regex(/^[abc]-[a-z-]+$/, 'a criterion id such as a-unavailable'))
    .max(20)
    .optional(),
  title: z.string().trim().min(3, 'at least 3 characters').max(200),
  description: z.string().trim().max(20_000).default(''),
  channel: z.enum(caseChannels).optional(),
  serviceId: z.string().min(1).nullable().optional(),
  componentId: z.string().min(1).nullable().optional(),
  reporterName: z.string().trim().min(1).max(200).optional(),
  reporterEmail: z.string().trim().email('not an e-mail address').optional(),
  registeredAt: isoInstant.optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
});
export type RegisterCaseInput = z.input<typeof registerCaseInput>;

export const appendEventInput = z.object({
  type: z.enum(caseEventTypes.filter((t) => t !== 'registered' && t !== 'attachment-added') as [string, ...string[]]),
  at: isoInstant.optional(),
  category: categorySchema.optional(),
  body: z.string().trim().max(20_000).optional(),
  visibility: z.enum(['public', 'internal']).optional(),
  assigneeId: z.string().min(1).nullable().optional(),
});
export type AppendEventInput = z.input<typeof appendEventInput>;
