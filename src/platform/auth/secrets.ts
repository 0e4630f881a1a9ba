import { createHash, randomBytes } from 'node:crypto';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session ids and API token secrets are stored only as this digest; they carry 256 bits, so a fast hash is enough. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
