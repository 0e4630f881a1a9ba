import type { Action, OrganisationKind, Role, TokenScope } from '../domain/roles.ts';
import { roleAllows, scopesAllow } from '../domain/roles.ts';
import { AppError } from './app-error.ts';

export interface MembershipGrant {
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
}

export type Actor =
  | { type: 'user'; id: string; label: string; memberships: MembershipGrant[] }
  | {
      type: 'token';
      id: string;
      label: string;
      organisationId: string;
      organisationKind: OrganisationKind;
      scopes: TokenScope[];
    }
  | { type: 'system'; id: null; label: string };

export function systemActor(label: string): Actor {
  return { type: 'system', id: null, label };
}

/** Which organisations an actor may perform an action on: every one, or a list (possibly empty). */
export type TenantScope = { all: true } | { all: false; organisationIds: string[] };

export function tenantScope(actor: Actor, action: Action): TenantScope {
  switch (actor.type) {
    case 'system':
      return { all: true };
    case 'token': {
      const platformWide = actor.organisationKind === 'operator';
      if (!scopesAllow(actor.scopes, action, platformWide)) return { all: false, organisationIds: [] };
      return platformWide ? { all: true } : { all: false, organisationIds: [actor.organisationId] };
    }
    case 'user': {
      const ids = new Set<string>();
      for (const m of actor.memberships) {
        const platformWide = m.organisationKind === 'operator';
        if (!roleAllows(m.role, action, platformWide)) continue;
        if (platformWide) return { all: true };
        ids.add(m.organisationId);
      }
      return { all: false, organisationIds: [...ids] };
    }
  }
}

export function can(actor: Actor, action: Action, organisationId: string | null): boolean {
  const scope = tenantScope(actor, action);
  if (scope.all) return true;
  if (organisationId === null) return scope.organisationIds.length > 0;
  return scope.organisationIds.includes(organisationId);
}

/**
 * Asserts the actor may perform `action` on `organisationId` (null: a platform-level resource).
 * Throws `forbidden`; callers that must not reveal existence catch nothing and load through `scoped()` instead.
 */
export function authorize(actor: Actor, action: Action, organisationId: string | null = null): void {
  if (!can(actor, action, organisationId)) throw new AppError('forbidden', `not allowed: ${action}`);
}

/**
 * Asserts the actor is the system itself: for work only the background jobs do, such as reading a subscriber's address
 * and secret to deliver a notice. No person or token does it, whatever its role.
 */
export function authorizeSystem(actor: Actor, purpose: string): void {
  if (actor.type !== 'system') throw new AppError('forbidden', `only the system may ${purpose}`);
}

export function isPlatformActor(actor: Actor): boolean {
  if (actor.type === 'system') return true;
  if (actor.type === 'token') return actor.organisationKind === 'operator';
  return actor.memberships.some((m) => m.organisationKind === 'operator');
}
