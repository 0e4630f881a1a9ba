import { isTokenScope, tokenScopes, type TokenScope } from '../domain/roles.ts';
import { outboundUrlHint, outboundUrlSyntax } from '../net/outbound-url.ts';
import { ConfigError } from './config-error.ts';

/** How the API accepts access tokens of a machine-to-machine issuer such as Maskinporten (docs/identity.md). */
export interface MachineTokenSettings {
  /** The `iss` a token must carry, compared exactly: `https://maskinporten.no/` and `https://maskinporten.no` differ. */
  issuer: string;
  /** Where the issuer publishes its signing keys (a JWK set); fetched under the outbound policy. */
  jwksUrl: string;
  /** The `aud` a token must carry: what the issuer calls this API. */
  audience: string;
  /** How far `exp` and `nbf` may be off, for clocks that disagree a little. */
  leewaySeconds: number;
  /** Each issuer scope and the Nivå token scopes it grants; other issuer scopes grant nothing. */
  scopes: ReadonlyMap<string, readonly TokenScope[]>;
}

const names = {
  issuer: 'NIVA_M2M_ISSUER',
  jwksUrl: 'NIVA_M2M_JWKS_URL',
  audience: 'NIVA_M2M_AUDIENCE',
  leeway: 'NIVA_M2M_LEEWAY_SECONDS',
  scopes: 'NIVA_M2M_SCOPES',
} as const;

const defaultLeewaySeconds = 30;

function fail(variable: string, message: string, value: string | undefined): never {
  throw new ConfigError(`${variable}: ${message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`);
}

function required(env: Readonly<Record<string, string | undefined>>, variable: string, example: string): string {
  const value = env[variable];
  if (value === undefined) fail(variable, `required when ${names.issuer} is set, e.g. ${example}`, undefined);
  return value;
}

function parseIssuer(value: string): string {
  // Kept as written: the issuer is an identifier, and normalising it (a trailing slash) would accept another one.
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || /\s/.test(value))
    fail(names.issuer, 'the issuer identifier as its tokens carry it, e.g. https://maskinporten.no/', value);
  return value;
}

function parseLeeway(value: string | undefined): number {
  if (value === undefined) return defaultLeewaySeconds;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds > 300) fail(names.leeway, 'whole seconds from 0 to 300, e.g. 30', value);
  return seconds;
}

/** `issuer-scope=niva-scope` pairs, comma-separated; an issuer scope named twice grants both Nivå scopes. */
function parseScopeMap(value: string): ReadonlyMap<string, readonly TokenScope[]> {
  const map = new Map<string, TokenScope[]>();
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [issuerScope = '', nivaScope = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (rest.length > 0 || !/^[\x21-\x7e]+$/.test(issuerScope) || nivaScope === '')
      fail(names.scopes, `"${entry}" is not issuer-scope=niva-scope, e.g. altinn:niva/cases.write=cases:write`, value);
    if (!isTokenScope(nivaScope))
      fail(
        names.scopes,
        `"${nivaScope}" is not a Nivå token scope (one of ${Object.keys(tokenScopes).join(', ')})`,
        value,
      );
    const granted = map.get(issuerScope) ?? [];
    if (!granted.includes(nivaScope)) granted.push(nivaScope);
    map.set(issuerScope, granted);
  }
  if (map.size === 0)
    fail(names.scopes, 'at least one issuer-scope=niva-scope pair, e.g. altinn:niva/cases.write=cases:write', value);
  return map;
}

/**
 * Reads the machine-token settings from the (non-empty) environment: null when `NIVA_M2M_ISSUER` is unset, which
 * turns the feature off. Another of them set without it is a mistake rather than a wish to turn it off.
 */
export function machineTokenSettings(env: Readonly<Record<string, string | undefined>>): MachineTokenSettings | null {
  const issuer = env[names.issuer];
  if (issuer === undefined) {
    const stray = Object.values(names).find((variable) => env[variable] !== undefined);
    if (stray)
      fail(names.issuer, `required when ${stray} is set; unset every NIVA_M2M_ setting to turn this off`, undefined);
    return null;
  }
  const jwksUrl = required(env, names.jwksUrl, 'https://maskinporten.no/jwk');
  if (!outboundUrlSyntax(jwksUrl)) fail(names.jwksUrl, outboundUrlHint, jwksUrl);
  const audience = required(env, names.audience, 'https://niva.example.no/');
  if (/\s/.test(audience)) fail(names.audience, 'one audience value without spaces', audience);
  return {
    issuer: parseIssuer(issuer),
    jwksUrl,
    audience,
    leewaySeconds: parseLeeway(env[names.leeway]),
    scopes: parseScopeMap(required(env, names.scopes, 'altinn:niva/cases.write=cases:write')),
  };
}
