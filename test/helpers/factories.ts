import { randomBytes } from 'node:crypto';
import { builtInCalendars } from '../../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../../src/platform/domain/clock.ts';
import type { Role, TokenScope } from '../../src/platform/domain/roles.ts';
import { systemActor } from '../../src/platform/services/actor.ts';
import type { ServiceContext } from '../../src/platform/services/context.ts';
import { createOrganisation } from '../../src/modules/access/services/create-organisation.ts';
import { createService } from '../../src/modules/access/services/create-service.ts';
import { createApiToken } from '../../src/modules/access/services/create-api-token.ts';
import { provisionMember } from '../../src/modules/access/services/provision-member.ts';
import type { Organisation, Service } from '../../src/platform/db/schema.ts';
import type { Store } from '../../src/platform/db/database.ts';
import { defaultInputLimits } from '../../src/platform/domain/input-bounds.ts';
import { hashPassword } from '../../src/platform/auth/password.ts';

// One Argon2 hash of the test password per process: hashing costs tens of milliseconds on purpose, and every tenant
// has three members. Provisioning itself is the real operation; only the hash is reused.
let testPasswordHash: Promise<string> | null = null;

export const testPassword = 'correct-horse-battery-staple';
export const testEpoch = Date.UTC(2026, 2, 2, 9, 0, 0); // Monday 2 March 2026, 10:00 in Oslo

export function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** A random organisation number with a correct MOD11 check digit. */
export function orgNumber(): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) =>
      i === 0 ? 8 + ((randomBytes(1)[0] ?? 0) % 2) : (randomBytes(1)[0] ?? 0) % 10,
    );
    const rest = digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return [...digits, check].join('');
  }
}

export function systemContext(store: Store, clock = fixedClock(testEpoch)): ServiceContext {
  return {
    db: store.db,
    dialect: store.dialect,
    clock,
    calendars: builtInCalendars(),
    limits: defaultInputLimits,
    actor: systemActor('test'),
    requestId: null,
  };
}

export interface TestTenant {
  organisation: Organisation;
  service: Service;
  users: Record<'owner-admin' | 'owner-member' | 'auditor', { email: string; userId: string }>;
  token: { secret: string; id: string };
}

async function member(ctx: ServiceContext, organisationId: string, role: Role, label: string) {
  const email = `${label}-${unique('')}@test.niva.no`;
  const { userId } = await provisionMember(ctx, {
    organisationId,
    email,
    name: `Test ${label}`,
    role,
  });
  testPasswordHash ??= hashPassword(testPassword);
  await ctx.db
    .updateTable('users')
    .set({ password_hash: await testPasswordHash })
    .where('id', '=', userId)
    .execute();
  return { email, userId };
}

/** A service owner with one service, one user per owner role, and an API token with the given scopes. */
export async function createTenant(
  store: Store,
  scopes: TokenScope[] = [
    'organisations:read',
    'services:read',
    'services:write',
    'components:read',
    'audit:read',
    'cases:write',
  ],
): Promise<TestTenant> {
  const ctx = systemContext(store);
  const code = unique('t');
  const organisation = await createOrganisation(ctx, {
    name: `Testetaten ${code}`,
    code,
    orgNumber: orgNumber(),
    contactEmail: `post@${code}.test.niva.no`,
  });
  const service = await createService(ctx, {
    organisationId: organisation.id,
    name: `Tjeneste ${code}`,
    platform: 'altinn3',
    resourceId: `${code}-tjeneste`,
  });
  const users = {
    'owner-admin': await member(ctx, organisation.id, 'owner-admin', 'admin'),
    'owner-member': await member(ctx, organisation.id, 'owner-member', 'member'),
    auditor: await member(ctx, organisation.id, 'auditor', 'auditor'),
  };
  const { token, secret } = await createApiToken(ctx, { organisationId: organisation.id, name: 'integration', scopes });
  return { organisation, service, users, token: { secret, id: token.id } };
}

export interface TestParty {
  organisation: Organisation;
  users: Record<'party-admin' | 'party-member', { email: string; userId: string }>;
  token: { secret: string; id: string };
}

/** A party (a recipient or sender organisation, neither operator nor owner) with one user per role and a token. */
export async function createParty(store: Store): Promise<TestParty> {
  const ctx = systemContext(store);
  const code = unique('p');
  const organisation = await createOrganisation(ctx, {
    kind: 'party',
    name: `Testkommune ${code}`,
    code,
    orgNumber: orgNumber(),
    contactEmail: `postmottak@${code}.test.niva.no`,
  });
  const users = {
    'party-admin': await member(ctx, organisation.id, 'party-admin', 'partyadmin'),
    'party-member': await member(ctx, organisation.id, 'party-member', 'partymember'),
  };
  const { token, secret } = await createApiToken(ctx, {
    organisationId: organisation.id,
    name: 'party-system',
    scopes: ['organisations:read'],
  });
  return { organisation, users, token: { secret, id: token.id } };
}

export interface TestOperator {
  organisation: Organisation;
  users: Record<'operator-admin' | 'operator-agent' | 'auditor', { email: string; userId: string }>;
  token: { secret: string; id: string };
}

/** The operator organisation (one per database) with one user per operator role and a read token. */
export async function createOperator(store: Store): Promise<TestOperator> {
  const ctx = systemContext(store);
  const organisation = await createOrganisation(ctx, {
    kind: 'operator',
    name: 'Plattformforvalter',
    code: unique('op'),
    orgNumber: orgNumber(),
    contactEmail: 'servicedesk@test.niva.no',
  });
  const users = {
    'operator-admin': await member(ctx, organisation.id, 'operator-admin', 'opadmin'),
    'operator-agent': await member(ctx, organisation.id, 'operator-agent', 'agent'),
    auditor: await member(ctx, organisation.id, 'auditor', 'opauditor'),
  };
  const { token, secret } = await createApiToken(ctx, {
    organisationId: organisation.id,
    name: 'monitor',
    scopes: ['organisations:read', 'services:read', 'components:read', 'cases:work', 'usage:write'],
  });
  return { organisation, users, token: { secret, id: token.id } };
}
