import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import type { MachineTokenSettings } from '../config/machine-token-settings.ts';
import { isValidOrgNumber } from '../domain/org-number.ts';
import type { TokenScope } from '../domain/roles.ts';
import { KeySetUnavailableError, type MachineTokenKeys } from './machine-token-keys.ts';

/** What the API needs to accept machine tokens: the settings and the issuer's keys, one per process. */
export interface MachineTokenVerifier {
  settings: MachineTokenSettings;
  keys: MachineTokenKeys;
}

/** Asymmetric algorithms only: `none` proves nothing, and an HMAC key would have to be shared with every verifier. */
export const machineTokenAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/**
 * Why a token was refused. `invalid` covers everything a caller must not tell apart (a bad signature, an unknown key,
 * a malformed token or claim, an organisation Nivå does not know); the others are safe to name.
 */
export type MachineTokenRefusal =
  'invalid' | 'expired' | 'not-yet-valid' | 'issuer' | 'audience' | 'no-scope' | 'unavailable';

export class MachineTokenRefusedError extends Error {
  override name = 'MachineTokenRefusedError';
  readonly reason: MachineTokenRefusal;

  constructor(reason: MachineTokenRefusal, options?: ErrorOptions) {
    super(`machine token refused: ${reason}`, options);
    this.reason = reason;
  }
}

export interface MachineTokenClaims {
  /** The issuer's client that asked for the token (`client_id`, else the token's `jti`), for the audit. */
  client: string;
  /** The organisation the token acts for (`consumer`). */
  orgNumber: string;
  /** The Nivå scopes its issuer scopes map to; never empty. */
  scopes: TokenScope[];
}

// ISO 6523 ICD 0192 is the Norwegian organisation number register (Brønnøysundregistrene).
const consumerId = /^0192:(\d{9})$/;
const printable = /^[\x21-\x7e]{1,200}$/;

function consumerOrgNumber(payload: JWTPayload): string {
  const consumer = payload['consumer'];
  if (typeof consumer !== 'object' || consumer === null) throw new MachineTokenRefusedError('invalid');
  const { authority, ID: id } = consumer as Record<string, unknown>;
  const orgNumber = typeof id === 'string' ? consumerId.exec(id)?.[1] : undefined;
  if (authority !== 'iso6523-actorid-upis' || !orgNumber || !isValidOrgNumber(orgNumber))
    throw new MachineTokenRefusedError('invalid');
  return orgNumber;
}

function clientOf(payload: JWTPayload): string {
  const clientId = payload['client_id'];
  const candidate = typeof clientId === 'string' ? clientId : payload.jti;
  if (typeof candidate !== 'string' || !printable.test(candidate)) throw new MachineTokenRefusedError('invalid');
  return candidate;
}

function mappedScopes(payload: JWTPayload, settings: MachineTokenSettings): TokenScope[] {
  const scope = payload['scope'];
  if (scope !== undefined && typeof scope !== 'string') throw new MachineTokenRefusedError('invalid');
  const granted = new Set<TokenScope>();
  for (const issuerScope of (scope ?? '').split(' '))
    for (const s of settings.scopes.get(issuerScope) ?? []) granted.add(s);
  if (granted.size === 0) throw new MachineTokenRefusedError('no-scope');
  return [...granted];
}

function refusalOf(error: unknown): MachineTokenRefusedError {
  if (error instanceof MachineTokenRefusedError) return error;
  if (error instanceof KeySetUnavailableError) return new MachineTokenRefusedError('unavailable', { cause: error });
  if (error instanceof errors.JWTExpired) return new MachineTokenRefusedError('expired', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    const reason =
      error.claim === 'nbf'
        ? 'not-yet-valid'
        : error.claim === 'aud'
          ? 'audience'
          : error.claim === 'iss'
            ? 'issuer'
            : 'invalid';
    return new MachineTokenRefusedError(reason, { cause: error });
  }
  if (error instanceof errors.JOSEError) return new MachineTokenRefusedError('invalid', { cause: error });
  // jose reports what it cannot decode with its own errors; anything else is a fault here, not in the token.
  throw error;
}

/**
 * Checks a JWT access token of the configured issuer: algorithm from the allow-list, signature against the issuer's
 * keys, `iss` exactly, `aud`, a required `exp` and any `nbf` with the leeway, then the `scope` and `consumer` claims.
 * Throws `MachineTokenRefusedError`; `now` is the clock's, so tests decide what "expired" means.
 */
export async function verifyMachineToken(
  token: string,
  verifier: MachineTokenVerifier,
  now: number,
): Promise<MachineTokenClaims> {
  const { settings, keys } = verifier;
  try {
    // Checked before any key is looked up, so only a token claiming our issuer can make us fetch its key set again.
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg !== 'string' || !machineTokenAlgorithms.includes(alg)) throw new MachineTokenRefusedError('invalid');
    if (decodeJwt(token).iss !== settings.issuer) throw new MachineTokenRefusedError('issuer');
    const { payload } = await jwtVerify(token, keys.getKey, {
      algorithms: machineTokenAlgorithms,
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: settings.leewaySeconds,
      currentDate: new Date(now),
      requiredClaims: ['exp'],
    });
    const scopes = mappedScopes(payload, settings);
    return { client: clientOf(payload), orgNumber: consumerOrgNumber(payload), scopes };
  } catch (error) {
    throw refusalOf(error);
  }
}
