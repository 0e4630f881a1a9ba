import { organisationKinds } from '../../../platform/domain/roles.ts';
import { z } from '@hono/zod-openapi';
import type { MemberRow } from '../services/list-members.ts';
import type { PendingInvitation } from '../services/list-invitations.ts';
import type { OrganisationSummary } from '../services/list-organisations.ts';
import type { ApiToken, AuditEvent, Component, Job, Organisation, Service } from '../../../platform/db/schema.ts';
import { iso, isoOrNull } from '../../../platform/http/presenting.ts';

/** Presenters turn rows into the API's public shapes: instants as ISO 8601 UTC, no secrets, no internal columns. */

export const OrganisationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(organisationKinds),
    name: z.string(),
    orgNumber: z.string(),
    code: z.string(),
    contactEmail: z.string(),
    serviceCount: z.number().int().optional(),
    userCount: z.number().int().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');

export function presentOrganisation(o: Organisation | OrganisationSummary): z.infer<typeof OrganisationSchema> {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    orgNumber: o.org_number,
    code: o.code,
    contactEmail: o.contact_email,
    ...('service_count' in o ? { serviceCount: o.service_count, userCount: o.user_count } : {}),
    createdAt: iso(o.created_at),
    updatedAt: iso(o.updated_at),
  };
}

export const ServiceSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    platform: z.enum(['altinn2', 'altinn3']),
    resourceId: z.string(),
    status: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Service');

export function presentService(s: Service): z.infer<typeof ServiceSchema> {
  return {
    id: s.id,
    organisationId: s.organisation_id,
    name: s.name,
    platform: s.platform,
    resourceId: s.resource_id,
    status: s.status,
    createdAt: iso(s.created_at),
    updatedAt: iso(s.updated_at),
  };
}

export const ComponentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    calendarId: z.string(),
    targetPercent: z.number(),
    targetBasisPoints: z.number().int(),
  })
  .openapi('Component');

export function presentComponent(c: Component): z.infer<typeof ComponentSchema> {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    calendarId: c.calendar_id,
    targetPercent: c.target_basis_points / 100,
    targetBasisPoints: c.target_basis_points,
  };
}

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export function presentApiToken(t: ApiToken): z.infer<typeof ApiTokenSchema> {
  return {
    id: t.id,
    organisationId: t.organisation_id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes.split(' '),
    createdAt: iso(t.created_at),
    expiresAt: isoOrNull(t.expires_at),
    lastUsedAt: isoOrNull(t.last_used_at),
    revokedAt: isoOrNull(t.revoked_at),
  };
}

export const MemberSchema = z
  .object({
    membershipId: z.string(),
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    organisationId: z.string(),
    organisationCode: z.string(),
    joinedAt: z.string(),
    account: z
      .object({ lastLoginAt: z.string().nullable(), locked: z.boolean() })
      .nullable()
      .openapi({ description: 'Sign-in facts of the account: for the operator only, null for an organisation' }),
  })
  .openapi('Member');

export function presentMember(m: MemberRow): z.infer<typeof MemberSchema> {
  return {
    membershipId: m.membershipId,
    userId: m.userId,
    email: m.email,
    name: m.name,
    role: m.role,
    organisationId: m.organisationId,
    organisationCode: m.organisationCode,
    joinedAt: iso(m.joinedAt),
    account: m.account && { lastLoginAt: isoOrNull(m.account.lastLoginAt), locked: m.account.locked },
  };
}

export const InvitationSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    email: z.string(),
    role: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    /** Accepted by the national login of the person named by number (never shown), not by the e-mailed link. */
    byNationalId: z.boolean(),
  })
  .openapi('Invitation');

export function presentInvitation(i: Omit<PendingInvitation, 'organisationName'>): z.infer<typeof InvitationSchema> {
  return {
    id: i.id,
    organisationId: i.organisationId,
    email: i.email,
    role: i.role,
    createdAt: iso(i.createdAt),
    expiresAt: iso(i.expiresAt),
    byNationalId: i.byNationalId,
  };
}

export const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
    action: z.string(),
    subject: z.object({ type: z.string(), id: z.string().nullable() }),
    organisationId: z.string().nullable(),
    summary: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

export function presentAuditEvent(e: AuditEvent): z.infer<typeof AuditEventSchema> {
  return {
    seq: e.seq,
    at: iso(e.at),
    actor: { type: e.actor_type, id: e.actor_id, label: e.actor_label },
    action: e.action,
    subject: { type: e.subject_type, id: e.subject_id },
    organisationId: e.organisation_id,
    summary: JSON.parse(e.summary) as Record<string, unknown>,
    requestId: e.request_id,
    hash: e.hash,
  };
}

export const JobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['pending', 'running', 'succeeded', 'dead']),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    runAt: z.string(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

export function presentJob(j: Job): z.infer<typeof JobSchema> {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    attempts: j.attempts,
    maxAttempts: j.max_attempts,
    runAt: iso(j.run_at),
    lastError: j.last_error,
    createdAt: iso(j.created_at),
    finishedAt: isoOrNull(j.finished_at),
  };
}
