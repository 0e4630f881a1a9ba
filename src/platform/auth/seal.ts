import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** A 256-bit key for one purpose, derived from a secret (a browser's cookie, a session token) the server does not keep. */
export function sealingKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`niva-seal:${purpose}`).digest();
}

/** Encrypts and authenticates `text` (AES-256-GCM): base64url of IV, tag and ciphertext. */
export function seal(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The text `seal` encrypted under the same key, or null for another key or a changed value. */
export function unseal(key: Buffer, sealed: string): string | null {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
