import { z } from 'zod';
import { textProblem } from '../../domain/text-rule.ts';
import { nationalIdHash } from '../identity-hash.ts';
import type { VerifiedTokens } from './oidc-client.ts';

/** An organisation the provider says the person may act for, and the resource (right) it was given for. */
export interface AuthorizedParty {
  orgNumber: string;
  resource: string;
}

/** What Nivå keeps of a verified national login: the identity only as its HMAC, never the number itself. */
export interface VerifiedLogin {
  pidHash: string;
  acr: string | null;
  /** An address the provider vouches for (`email` with `email_verified: true`), or null. */
  email: string | null;
  name: string | null;
  /** The provider's session id, for its front-channel logout. */
  sid: string | null;
  /** When the ID token expires: the session never outlives it. */
  expiresAt: number;
  idToken: string;
  parties: AuthorizedParty[];
}

export const ansattportenType = 'ansattporten:altinn:resource';

const detailSchema = z.object({
  type: z.string(),
  resource: z.string().optional(),
  authorized_parties: z
    .array(
      z.object({
        orgno: z.object({ ID: z.string() }).optional(),
        resource: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * The organisations of Ansattporten's `authorization_details` (ID token first, else the token response) for the
 * resources Nivå asked for: each `authorized_parties[].orgno.ID` of the form `0192:<organisation number>`.
 */
export function authorizedParties(tokens: VerifiedTokens, resources: readonly string[]): AuthorizedParty[] {
  const source = tokens.claims.authorization_details ?? tokens.response.authorization_details;
  const parsed = z.array(z.unknown()).safeParse(source);
  if (!parsed.success) return [];
  const parties: AuthorizedParty[] = [];
  for (const item of parsed.data) {
    const detail = detailSchema.safeParse(item);
    if (!detail.success || detail.data.type !== ansattportenType) continue;
    for (const party of detail.data.authorized_parties ?? []) {
      const resource = party.resource ?? detail.data.resource;
      const orgNumber = /^0192:(\d{9})$/.exec(party.orgno?.ID ?? '')?.[1];
      if (!orgNumber || !resource || !resources.includes(resource)) continue;
      if (!parties.some((p) => p.orgNumber === orgNumber && p.resource === resource))
        parties.push({ orgNumber, resource });
    }
  }
  return parties;
}

/** A claim's text when it meets the name rule (one line, no control or bidirectional characters). */
function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= 2000 && textProblem(trimmed, 'name') === null ? trimmed : null;
}

/** Reads a verified login from the tokens; null without a `pid` claim, which every national login carries. */
export function verifiedLogin(
  tokens: VerifiedTokens,
  options: { identityKey: string; resources: readonly string[] },
): VerifiedLogin | null {
  const { claims } = tokens;
  const pid = text(claims.pid);
  const exp = typeof claims.exp === 'number' ? claims.exp : null;
  if (!pid || exp === null) return null;
  const email = text(claims.email);
  const emailValid = email !== null && claims.email_verified === true && z.string().email().safeParse(email).success;
  return {
    pidHash: nationalIdHash(options.identityKey, pid),
    acr: text(claims.acr),
    email: emailValid ? email.toLowerCase() : null,
    name: text(claims.name)?.slice(0, 200) ?? null,
    sid: text(claims.sid),
    expiresAt: exp * 1000,
    idToken: tokens.idToken,
    parties: authorizedParties(tokens, options.resources),
  };
}
