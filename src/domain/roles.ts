/** Roles and what each may do. Scope (one organisation or the whole platform) comes from the membership's organisation. */
export const roles = ['operator-admin', 'operator-agent', 'owner-admin', 'owner-member', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const operatorRoles: readonly Role[] = ['operator-admin', 'operator-agent', 'auditor'];
export const ownerRoles: readonly Role[] = ['owner-admin', 'owner-member', 'auditor'];

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
] as const;
export type Action = (typeof actions)[number];

const readOnly: Action[] = ['organisation.read', 'user.read', 'token.read', 'service.read', 'component.read'];

const grants: Record<Role, readonly Action[]> = {
  'operator-admin': actions,
  'operator-agent': [...readOnly, 'service.manage', 'job.read'],
  'owner-admin': [...readOnly, 'organisation.update', 'user.manage', 'token.manage', 'service.manage', 'audit.read'],
  'owner-member': readOnly,
  auditor: [...readOnly, 'audit.read', 'audit.verify', 'job.read'],
};

/** Actions that only make sense platform-wide; an owner-side grant of them is ignored. */
// The audit chain spans every tenant, so verifying it is platform-only too.
const platformOnly: ReadonlySet<Action> = new Set(['organisation.create', 'component.manage', 'audit.verify', 'job.read', 'job.manage']);

export function roleAllows(role: Role, action: Action, platformWide: boolean): boolean {
  if (!grants[role].includes(action)) return false;
  return platformWide || !platformOnly.has(action);
}

/** Whether a role can be held in an organisation of the given kind. */
export function roleFitsOrganisation(role: Role, kind: 'operator' | 'owner'): boolean {
  return kind === 'operator' ? operatorRoles.includes(role) : ownerRoles.includes(role);
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
} as const satisfies Record<string, readonly Action[]>;
export type TokenScope = keyof typeof tokenScopes;

export function isTokenScope(value: string): value is TokenScope {
  return Object.hasOwn(tokenScopes, value);
}

export function scopesAllow(scopes: readonly TokenScope[], action: Action, platformWide: boolean): boolean {
  if (!platformWide && platformOnly.has(action)) return false;
  return scopes.some((scope) => (tokenScopes[scope] as readonly Action[]).includes(action));
}
