import { z } from 'zod';
import { isValidOrgNumber } from '../../../platform/domain/org-number.ts';
import type { UniqueField } from '../../../platform/db/unique-violation.ts';
import { nameText } from '../../../platform/validation/text.ts';

export const orgCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{1,19}$/, 'a short lower-case code such as skd (2–20 letters, digits or -)');

export const organisationFields = {
  name: nameText().trim().min(2, 'at least 2 characters').max(200),
  orgNumber: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, ''))
    .refine(isValidOrgNumber, 'a valid nine-digit organisation number'),
  code: orgCode,
  contactEmail: z.string().trim().toLowerCase().email('an e-mail address'),
};

/** The organisation's unique keys, as creating and updating report a clash on them. */
export const organisationKeys: readonly UniqueField[] = [
  { table: 'organisations', columns: ['code'], field: 'code', message: 'already used by another organisation' },
  {
    table: 'organisations',
    columns: ['org_number'],
    field: 'orgNumber',
    message: 'already used by another organisation',
  },
];
