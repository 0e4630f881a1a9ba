import { holdableScopes } from '../domain/roles.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../services/actor.ts';
import { AppError } from '../services/app-error.ts';
import {
  type MachineTokenRefusal,
  MachineTokenRefusedError,
  type MachineTokenVerifier,
  verifyMachineToken,
} from './verify-machine-token.ts';

/** What the caller is told; `invalid` is one text for every reason it must not learn, an unknown organisation included. */
const refusalText: Record<MachineTokenRefusal, string> = {
  invalid: 'the bearer token is not valid',
  expired: 'the bearer token has expired',
  'not-yet-valid': 'the bearer token is not valid yet',
  issuer: 'the bearer token is from another issuer',
  audience: 'the bearer token is meant for another audience',
  'no-scope': 'the bearer token grants no scope of this API',
  unavailable: "the bearer token cannot be checked now: the issuer's keys are unavailable",
};

/** Label prefix of machine-token actors in audit rows and case events. */
export const machineActorPrefix = 'maskinporten';

/**
 * Resolves a machine-to-machine access token (Maskinporten-style) to a token actor of the organisation its `consumer`
 * claim names, with the Nivå scopes its issuer scopes map to. Nothing is written: the token is its own record.
 * Throws `unauthenticated` with a short reason.
 */
export async function authenticateMachineToken(
  db: Kysely<Database>,
  verifier: MachineTokenVerifier,
  token: string,
  now: number,
): Promise<Extract<Actor, { type: 'token' }>> {
  let claims;
  try {
    claims = await verifyMachineToken(token, verifier, now);
  } catch (error) {
    if (error instanceof MachineTokenRefusedError) throw new AppError('unauthenticated', refusalText[error.reason]);
    throw error;
  }
  const organisation = await db
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('org_number', '=', claims.orgNumber)
    .executeTakeFirst();
  if (!organisation) throw new AppError('unauthenticated', refusalText.invalid);
  const label = `${machineActorPrefix}:${claims.client}`;
  // The issuer's scope map is one for every consumer; what an organisation of this kind can hold bounds it, as it
  // bounds Nivå's own tokens.
  const holdable = new Set(holdableScopes(organisation.kind));
  const scopes = claims.scopes.filter((scope) => holdable.has(scope));
  if (scopes.length === 0) throw new AppError('unauthenticated', refusalText.invalid);
  return {
    type: 'token',
    id: label,
    label,
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    scopes,
  };
}
