import { z } from 'zod';
import { futureAllowance, instant } from '../../../platform/validation/instant.ts';
import { caseChannels, caseEventTypes, caseKinds, feedbackChannels } from '../domain/case-types.ts';
import { multilineText, nameText } from '../../../platform/validation/text.ts';

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
  title: nameText().trim().min(3, 'at least 3 characters').max(200),
  description: multilineText().trim().max(20_000).default(''),
  channel: z.enum(caseChannels).optional(),
  serviceId: z.string().min(1).nullable().optional(),
  componentId: z.string().min(1).nullable().optional(),
  reporterName: nameText().trim().min(1).max(200).optional(),
  reporterEmail: z.string().trim().email('not an e-mail address').optional(),
  registeredAt: instant({ future: futureAllowance.past }).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
});
export type RegisterCaseInput = z.input<typeof registerCaseInput>;

export const appendEventInput = z.object({
  type: z.enum(caseEventTypes.filter((t) => t !== 'registered' && t !== 'attachment-added') as [string, ...string[]]),
  at: instant({ future: futureAllowance.past }).optional(),
  category: categorySchema.optional(),
  body: multilineText().trim().max(20_000).optional(),
  visibility: z.enum(['public', 'internal']).optional(),
  assigneeId: z.string().min(1).nullable().optional(),
  /** How the reporter was told; only with `feedback-given`. */
  channel: z.enum(feedbackChannels).optional(),
});
export type AppendEventInput = z.input<typeof appendEventInput>;
