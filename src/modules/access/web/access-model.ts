import type { OrganisationKind } from '../../../platform/domain/roles.ts';
// What the access pages show, presented from the operations' rows: a view never sees a database row.
import type {
  ApiToken,
  AuditEvent,
  Component,
  Job,
  JobStatus,
  Organisation,
  Service,
} from '../../../platform/db/schema.ts';
import type { MemberRow } from '../services/list-members.ts';
import type { PendingInvitation } from '../services/list-invitations.ts';
import type { OrganisationSummary } from '../services/list-organisations.ts';

export type { JobStatus };

export interface ServiceItem {
  id: string;
  organisationId: string;
  name: string;
  platform: 'altinn2' | 'altinn3';
  resourceId: string;
  status: string;
}

export function presentServiceItem(s: Service): ServiceItem {
  return {
    id: s.id,
    organisationId: s.organisation_id,
    name: s.name,
    platform: s.platform,
    resourceId: s.resource_id,
    status: s.status,
  };
}

/** An organisation in a list, with how many services and users it has. */
export interface OrganisationItem {
  id: string;
  kind: OrganisationKind;
  code: string;
  name: string;
  orgNumber: string;
  serviceCount: number;
  userCount: number;
}

export function presentOrganisationItem(o: OrganisationSummary): OrganisationItem {
  return {
    id: o.id,
    kind: o.kind,
    code: o.code,
    name: o.name,
    orgNumber: o.org_number,
    serviceCount: o.service_count,
    userCount: o.user_count,
  };
}

/** One organisation's own facts, as its page shows them. */
export interface OrganisationFacts {
  id: string;
  kind: OrganisationKind;
  code: string;
  name: string;
  orgNumber: string;
  contactEmail: string;
}

export function presentOrganisationFacts(o: Organisation): OrganisationFacts {
  return {
    id: o.id,
    kind: o.kind,
    code: o.code,
    name: o.name,
    orgNumber: o.org_number,
    contactEmail: o.contact_email,
  };
}

/** An organisation a form offers to act on (add a user, make a token). */
export interface OrganisationOption {
  id: string;
  kind: OrganisationKind;
  name: string;
}

export function presentOrganisationOption(o: Organisation): OrganisationOption {
  return { id: o.id, kind: o.kind, name: o.name };
}

/** A membership: who holds which role where since when; the account's sign-in facts for the operator only. */
export interface MemberItem {
  membershipId: string;
  name: string;
  email: string;
  role: string;
  organisationId: string;
  organisationName: string;
  joinedAt: number;
  account: { lastLoginAt: number | null; locked: boolean } | null;
}

export function presentMemberItem(m: MemberRow): MemberItem {
  return {
    membershipId: m.membershipId,
    name: m.name,
    email: m.email,
    role: m.role,
    organisationId: m.organisationId,
    organisationName: m.organisationName,
    joinedAt: m.joinedAt,
    account: m.account && { lastLoginAt: m.account.lastLoginAt, locked: m.account.locked },
  };
}

/** An invitation not yet accepted: the address and role the organisation entered, and until when the link works. */
export interface InvitationItem {
  id: string;
  email: string;
  role: string;
  organisationId: string;
  organisationName: string;
  expiresAt: number;
  byNationalId: boolean;
}

export function presentInvitationItem(i: PendingInvitation): InvitationItem {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    organisationId: i.organisationId,
    organisationName: i.organisationName,
    expiresAt: i.expiresAt,
    byNationalId: i.byNationalId,
  };
}

/** A platform component as the operator's home page lists it. */
export interface ComponentItem {
  id: string;
  name: string;
  calendarId: string;
  targetBasisPoints: number;
}

export function presentComponentItem(c: Component): ComponentItem {
  return { id: c.id, name: c.name, calendarId: c.calendar_id, targetBasisPoints: c.target_basis_points };
}

export type TokenState = 'active' | 'revoked' | 'expired';

/** An API token without its secret: never more than its prefix is shown. */
export interface TokenItem {
  id: string;
  name: string;
  organisationId: string;
  /** The owning organisation's name; empty when the reader cannot see it. */
  organisationName: string;
  prefix: string;
  scopes: string[];
  lastUsedAt: number | null;
  state: TokenState;
}

export function presentTokenItem(token: ApiToken, now: number, names: ReadonlyMap<string, string>): TokenItem {
  const state: TokenState =
    token.revoked_at !== null ? 'revoked' : token.expires_at !== null && token.expires_at <= now ? 'expired' : 'active';
  return {
    id: token.id,
    name: token.name,
    organisationId: token.organisation_id,
    organisationName: names.get(token.organisation_id) ?? '',
    prefix: token.prefix,
    scopes: token.scopes.split(' '),
    lastUsedAt: token.last_used_at,
    state,
  };
}

/** An entry of the audit log, its change summary written out as text. */
export interface AuditEntry {
  seq: number;
  at: number;
  actorLabel: string;
  action: string;
  subjectType: string;
  summary: string;
}

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'from' in value && 'to' in value)
    return `${JSON.stringify(value.from)} → ${JSON.stringify(value.to)}`;
  return JSON.stringify(value);
}

/** `field: value; field: "old" → "new"` from the stored JSON summary. */
export function summaryText(summary: string): string {
  const parsed = JSON.parse(summary) as Record<string, unknown>;
  return Object.entries(parsed)
    .map(([k, v]) => `${k}: ${describeValue(v)}`)
    .join('; ');
}

export function presentAuditEntry(e: AuditEvent): AuditEntry {
  return {
    seq: e.seq,
    at: e.at,
    actorLabel: e.actor_label,
    action: e.action,
    subjectType: e.subject_type,
    summary: summaryText(e.summary),
  };
}

/** A job of the outbox and queue, without its payload. */
export interface JobItem {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  lastError: string | null;
}

export function presentJobItem(j: Job): JobItem {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    attempts: j.attempts,
    maxAttempts: j.max_attempts,
    runAt: j.run_at,
    lastError: j.last_error,
  };
}
