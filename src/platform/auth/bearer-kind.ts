/**
 * Which kind of bearer credential a request carries, told apart by shape alone. Nivå's own API tokens are
 * `niva_<prefix>_<base64url>`, which has no dot; a JWT (compact JWS) is three base64url parts joined by dots, the last
 * empty for `alg: none`, which is then refused like any other unacceptable token rather than looked up as ours.
 */
export function bearerKind(credential: string): 'api-token' | 'jwt' | 'unknown' {
  if (credential.startsWith('niva_')) return 'api-token';
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(credential)) return 'jwt';
  return 'unknown';
}
