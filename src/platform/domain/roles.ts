/**
 * The kinds of organisation: the operator of the platform, the service owners, and parties — organisations that are
 * neither but take part through a module (the recipients and senders of confidential mail), identified like the
 * others by their organisation number.
 */
export const organisationKinds = ['operator', 'owner', 'party'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Roles and what each may do. Scope (one organisation or the whole platform) comes from the membership's organisation. */
export const roles = [
  'operator-admin',
  'operator-agent',
  'owner-admin',
  'owner-member',
  'auditor',
  'party-admin',
  'party-member',
] as const;
export type Role = (typeof roles)[number];

export const operatorRoles: readonly Role[] = ['operator-admin', 'operator-agent', 'auditor'];
export const ownerRoles: readonly Role[] = ['owner-admin', 'owner-member', 'auditor'];
export const partyRoles: readonly Role[] = ['party-admin', 'party-member'];

export const actions = [
  'organisation.read',
  'organisation.create',
  'organisation.update',
  'user.read',
  'user.manage',
  'token.read',
  'token.manage',
  'service.read',
  'service.manage',
  'component.read',
  'component.manage',
  'audit.read',
  'audit.verify',
  'job.read',
  'job.manage',
  'case.read',
  'case.report',
  'case.work',
  'case.read-internal',
  'mail.quarantine',
  'webhook.read',
  'webhook.manage',
  'availability.read',
  'outage.manage',
  'maintenance.manage',
  'monitor.read',
  'monitor.manage',
  'usage.ingest',
  'usage.read',
  'usage.manage',
  'support.read',
  'support.manage',
  'report.read',
  'report.manage',
  'report.subscribe',
  'billing.read',
  'billing.plan',
  'billing.manage',
] as const;
export type Action = (typeof actions)[number];

// Availability of the platform's components is public knowledge, so every role reads it.
// Usage figures are read through the tenant scope (owners see their own); support KPIs are the platform's and public to members.
// Reports are read through the tenant scope: an owner reads its own report and the platform report, never another owner's.
const readOnly: Action[] = [
  'organisation.read',
  'user.read',
  'token.read',
  'service.read',
  'component.read',
  'case.read',
  'availability.read',
  'usage.read',
  'support.read',
  'report.read',
  'billing.read',
];
const caseWork: Action[] = ['case.report', 'case.work', 'case.read-internal', 'mail.quarantine'];
const partyRead: Action[] = ['organisation.read', 'user.read', 'token.read', 'component.read', 'availability.read'];

const grants: Record<Role, readonly Action[]> = {
  'operator-admin': actions,
  'operator-agent': [
    ...readOnly,
    'service.manage',
    'job.read',
    ...caseWork,
    'outage.manage',
    'maintenance.manage',
    'monitor.read',
    'monitor.manage',
    'support.manage',
    'report.manage',
    'report.subscribe',
    'billing.plan',
  ],
  // An owner's admin chooses who in the organisation receives its report.
  'owner-admin': [
    ...readOnly,
    'organisation.update',
    'user.manage',
    'token.manage',
    'service.manage',
    'audit.read',
    'case.report',
    'webhook.read',
    'webhook.manage',
    'report.subscribe',
  ],
  'owner-member': [...readOnly, 'case.report'],
  // Auditors review everything the operator sees, internal case notes included, but change nothing.
  auditor: [
    ...readOnly,
    'audit.read',
    'audit.verify',
    'job.read',
    'case.read-internal',
    'monitor.read',
    'billing.plan',
  ],
  // A party sees its own organisation and the platform's public availability; what else it sees comes with the
  // modules that serve it. Its admin keeps its members and tokens.
  'party-admin': [...partyRead, 'organisation.update', 'user.manage', 'token.manage', 'audit.read'],
  'party-member': partyRead,
};

/** Actions that only make sense platform-wide; an owner-side grant of them is ignored. */
// Financing scenarios set owners' amounts side by side, so planning is the operator's; an owner reads its own statements.
// Usage counts are what owners are billed for, so only the platform's own systems send them and only the operator
// imports, adjusts or closes them; support logs are the operator's own lines.
// The audit chain spans every tenant, so verifying it is platform-only too. Working cases, reading the operator's
// internal notes and sorting unknown mail are the service desk's, never an owner's. Monitors watch the operator's
// components and their URLs and schedules are operational detail, so reading them is the operator's too.
const platformOnly: ReadonlySet<Action> = new Set([
  'organisation.create',
  'component.manage',
  'audit.verify',
  'job.read',
  'job.manage',
  'case.work',
  'case.read-internal',
  'mail.quarantine',
  'outage.manage',
  'maintenance.manage',
  'monitor.read',
  'monitor.manage',
  'usage.ingest',
  'usage.manage',
  'support.manage',
  'report.manage',
  'billing.plan',
  'billing.manage',
]);

export function roleAllows(role: Role, action: Action, platformWide: boolean): boolean {
  if (!grants[role].includes(action)) return false;
  return platformWide || !platformOnly.has(action);
}

/** Whether a role can be held in an organisation of the given kind. */
export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  return rolesOf(kind).includes(role);
}

export function rolesOf(kind: OrganisationKind): readonly Role[] {
  return kind === 'operator' ? operatorRoles : kind === 'owner' ? ownerRoles : partyRoles;
}

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (organisationKinds as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** API token scopes and the actions they unlock. A token never manages users or other tokens. */
export const tokenScopes = {
  'organisations:read': ['organisation.read'],
  'services:read': ['service.read'],
  'services:write': ['service.read', 'service.manage'],
  'components:read': ['component.read'],
  'audit:read': ['audit.read'],
  'cases:read': ['case.read'],
  'cases:write': ['case.read', 'case.report'],
  /** Operator systems only: work cases and read internal notes. */
  'cases:work': ['case.read', 'case.report', 'case.work', 'case.read-internal'],
  'availability:read': ['availability.read', 'component.read'],
  /** Operator systems only (outages and maintenance are platform-wide); an owner token holding it can still only read. */
  'availability:write': ['availability.read', 'component.read', 'outage.manage', 'maintenance.manage'],
  /** Operator systems only: send usage events. */
  'usage:write': ['usage.ingest'],
  'usage:read': ['usage.read'],
  'support:read': ['support.read'],
  /** Operator systems only: send call and e-mail logs of the support lines. */
  'support:write': ['support.read', 'support.manage'],
  'reports:read': ['report.read'],
  /** Operator systems only: edit the report's content and archive new versions. */
  'reports:write': ['report.read', 'report.manage'],
  'billing:read': ['billing.read'],
  /** Operator systems only: the financing scenarios, the catalogue, price lists, budgets and billing runs. */
  'billing:write': ['billing.read', 'billing.plan', 'billing.manage'],
} as const satisfies Record<string, readonly Action[]>;
export type TokenScope = keyof typeof tokenScopes;

export function isTokenScope(value: string): value is TokenScope {
  return Object.hasOwn(tokenScopes, value);
}

export function scopesAllow(scopes: readonly TokenScope[], action: Action, platformWide: boolean): boolean {
  if (!platformWide && platformOnly.has(action)) return false;
  return scopes.some((scope) => (tokenScopes[scope] as readonly Action[]).includes(action));
}

/**
 * The scopes an organisation of the given kind can hold: every scope for the operator; for a service owner only those
 * unlocking no platform-only action, since an owner token could never use them. API, web form and CLI all ask this.
 */
export function holdableScopes(kind: OrganisationKind): TokenScope[] {
  const all = Object.keys(tokenScopes).filter(isTokenScope);
  if (kind === 'operator') return all;
  // A party's token reaches no further than its members do.
  if (kind === 'party')
    return all.filter((scope) =>
      (tokenScopes[scope] as readonly Action[]).every((action) => partyRead.includes(action)),
    );
  return all.filter((scope) => (tokenScopes[scope] as readonly Action[]).every((action) => !platformOnly.has(action)));
}
