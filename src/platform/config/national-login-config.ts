import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isRole, roles, type Role } from '../domain/roles.ts';
import { acrLevels, type AcrLevel, isAcrLevel } from '../domain/acr-levels.ts';
import { ConfigError } from './config-error.ts';

/** The settings of the national login (ID-porten / Ansattporten-style OpenID Connect) and of passwords beside it. */
export const nationalLoginSchema = {
  NIVA_OIDC_DISCOVERY_URL: z
    .string()
    .url('the URL of the provider discovery document, ending in /.well-known/openid-configuration')
    .regex(/\/\.well-known\/openid-configuration$/, 'a URL ending in /.well-known/openid-configuration')
    .optional(),
  NIVA_OIDC_CLIENT_ID: z.string().regex(/^\S+$/, 'the client id the provider gave Nivå').optional(),
  NIVA_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  NIVA_OIDC_PRIVATE_KEY: z.string().min(1).optional(),
  NIVA_OIDC_PRIVATE_KEY_FILE: z.string().regex(/\S/, 'a path to a PEM or JWK file').optional(),
  NIVA_OIDC_KEY_ID: z.string().regex(/^\S+$/, 'the key id (kid) registered with the provider').optional(),
  NIVA_OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'space-separated scopes including openid, e.g. "openid profile"')
    .default('openid profile'),
  NIVA_OIDC_ACR_VALUES: z.string().default('idporten-loa-substantial'),
  NIVA_OIDC_ROLE_ACR: z.string().default('operator-admin=idporten-loa-high'),
  NIVA_OIDC_RESOURCE: z.string().optional(),
  NIVA_OIDC_RULES: z.string().optional(),
  NIVA_OIDC_NAME: z.string().trim().min(1).max(40).default('ID-porten'),
  NIVA_PASSWORD_LOGIN: z.enum(['on', 'off']).default('on'),
  NIVA_IDENTITY_SECRET: z.string().min(32, 'at least 32 characters, e.g. from `openssl rand -base64 32`').optional(),
};

type Settings = z.output<z.ZodObject<typeof nationalLoginSchema>>;

/** Anyone who signs in acting for `organisation` (its number) with a right to `resource` (any requested one if null) gets `role`. */
export interface RoleRule {
  organisation: string;
  role: Role;
  resource: string | null;
}

export type ClientAuthentication =
  | { method: 'client_secret_basic'; secret: string }
  | { method: 'private_key_jwt'; jwk: JsonWebKey; alg: string; kid: string | null };

export interface NationalLoginConfig {
  /** What the login button calls the provider, e.g. ID-porten or Ansattporten. */
  name: string;
  discoveryUrl: string;
  /** The issuer identifier: the discovery URL without /.well-known/openid-configuration; the metadata must name it. */
  issuer: string;
  clientId: string;
  clientAuth: ClientAuthentication;
  scopes: string;
  /** The acr_values asked for by default, lowest first. */
  acrValues: AcrLevel[];
  /** The least level each role needs; a login below it does not grant the role. */
  roleAcr: Record<Role, AcrLevel>;
  /** Ansattporten resources whose authorized parties say which organisations a person may act for; empty: none asked. */
  resources: string[];
  rules: RoleRule[];
  /** Plain http:// to the provider (development and tests only). */
  allowInsecure: boolean;
}

export interface LoginSettings {
  nationalLogin: NationalLoginConfig | null;
  /** Whether e-mail and password sign-in is offered (development and the demo); off: its form and routes are gone. */
  passwordLogin: boolean;
  /** Key of the HMAC that national identity numbers are stored as; null: generated and stored in the database. */
  identitySecret: string | null;
}

const ruleSchema = z.object({
  organisation: z.string().regex(/^\d{9}$/, 'an organisation number of 9 digits'),
  role: z.enum(roles),
  resource: z.string().min(1).optional(),
});

function fail(variable: string, message: string): never {
  throw new ConfigError(`${variable}: ${message}`);
}

function words(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((w) => w.length > 0);
}

function acrList(variable: string, value: string): AcrLevel[] {
  const levels = words(value);
  if (levels.length === 0) fail(variable, `one or more of ${acrLevels.join(', ')}`);
  for (const level of levels)
    if (!isAcrLevel(level)) fail(variable, `${JSON.stringify(level)} is not one of ${acrLevels.join(', ')}`);
  return levels as AcrLevel[];
}

function roleAcr(value: string): Record<Role, AcrLevel> {
  const minimum = Object.fromEntries(roles.map((role) => [role, 'idporten-loa-substantial'])) as Record<Role, AcrLevel>;
  for (const pair of words(value)) {
    const [role = '', level = ''] = pair.split('=');
    if (!isRole(role) || !isAcrLevel(level))
      fail('NIVA_OIDC_ROLE_ACR', `${JSON.stringify(pair)} is not ROLE=LEVEL, e.g. operator-admin=idporten-loa-high`);
    minimum[role] = level;
  }
  return minimum;
}

function parseRules(value: string | undefined, resources: string[]): RoleRule[] {
  if (value === undefined) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    fail('NIVA_OIDC_RULES', 'a JSON array such as [{"organisation":"991825827","role":"owner-member"}]');
  }
  const parsed = z.array(ruleSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('NIVA_OIDC_RULES', `${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`);
  }
  if (parsed.data.length > 0 && resources.length === 0)
    fail('NIVA_OIDC_RULES', 'rules need NIVA_OIDC_RESOURCE: they grant roles to whoever acts for an organisation');
  return parsed.data.map((rule, index) => {
    if (rule.resource !== undefined && !resources.includes(rule.resource))
      fail('NIVA_OIDC_RULES', `${index}.resource: ${JSON.stringify(rule.resource)} is not in NIVA_OIDC_RESOURCE`);
    return { organisation: rule.organisation, role: rule.role, resource: rule.resource ?? null };
  });
}

function signingAlgorithm(key: KeyObject): string {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') return 'RS256';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'ES256';
    if (curve === 'secp384r1') return 'ES384';
    if (curve === 'secp521r1') return 'ES512';
  }
  throw new Error('an RSA or EC (P-256, P-384, P-521) private key');
}

function privateKey(variable: string, text: string, keyId: string | undefined): ClientAuthentication {
  try {
    const trimmed = text.trim();
    const fromJwk = trimmed.startsWith('{');
    const key = fromJwk
      ? createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' })
      : createPrivateKey(trimmed);
    const alg = signingAlgorithm(key);
    const kid = keyId ?? (fromJwk ? ((JSON.parse(trimmed) as { kid?: unknown }).kid as string | undefined) : undefined);
    return { method: 'private_key_jwt', jwk: key.export({ format: 'jwk' }), alg, kid: kid ?? null };
  } catch (error) {
    return fail(variable, `not a usable private key (PEM or JWK): ${(error as Error).message.split('\n')[0]}`);
  }
}

function clientAuthentication(s: Settings): ClientAuthentication {
  const given = [s.NIVA_OIDC_CLIENT_SECRET, s.NIVA_OIDC_PRIVATE_KEY, s.NIVA_OIDC_PRIVATE_KEY_FILE].filter(
    (v) => v !== undefined,
  );
  if (given.length !== 1)
    fail(
      'NIVA_OIDC_CLIENT_SECRET',
      'set exactly one of NIVA_OIDC_CLIENT_SECRET, NIVA_OIDC_PRIVATE_KEY and NIVA_OIDC_PRIVATE_KEY_FILE',
    );
  if (s.NIVA_OIDC_CLIENT_SECRET !== undefined)
    return { method: 'client_secret_basic', secret: s.NIVA_OIDC_CLIENT_SECRET };
  if (s.NIVA_OIDC_PRIVATE_KEY !== undefined)
    return privateKey('NIVA_OIDC_PRIVATE_KEY', s.NIVA_OIDC_PRIVATE_KEY, s.NIVA_OIDC_KEY_ID);
  const file = s.NIVA_OIDC_PRIVATE_KEY_FILE ?? '';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(
      'NIVA_OIDC_PRIVATE_KEY_FILE',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  return privateKey('NIVA_OIDC_PRIVATE_KEY_FILE', text, s.NIVA_OIDC_KEY_ID);
}

/** Reads the login settings (already checked field by field); a setting that cannot be used names itself in one line. */
export function loginSettingsFrom(s: Settings, environment: 'development' | 'production'): LoginSettings {
  const base = { passwordLogin: s.NIVA_PASSWORD_LOGIN === 'on', identitySecret: s.NIVA_IDENTITY_SECRET ?? null };
  const discoveryUrl = s.NIVA_OIDC_DISCOVERY_URL;
  if (discoveryUrl === undefined) {
    if (!base.passwordLogin) fail('NIVA_PASSWORD_LOGIN', 'off needs NIVA_OIDC_DISCOVERY_URL, or nobody could sign in');
    return { ...base, nationalLogin: null };
  }
  const insecure = discoveryUrl.startsWith('http://');
  if (insecure && environment === 'production')
    fail('NIVA_OIDC_DISCOVERY_URL', 'https:// is required when NIVA_ENV=production');
  if (s.NIVA_OIDC_CLIENT_ID === undefined) fail('NIVA_OIDC_CLIENT_ID', 'required with NIVA_OIDC_DISCOVERY_URL');
  const resources = words(s.NIVA_OIDC_RESOURCE);
  return {
    ...base,
    nationalLogin: {
      name: s.NIVA_OIDC_NAME,
      discoveryUrl,
      issuer: discoveryUrl.replace(/\/\.well-known\/openid-configuration$/, ''),
      clientId: s.NIVA_OIDC_CLIENT_ID,
      clientAuth: clientAuthentication(s),
      scopes: words(s.NIVA_OIDC_SCOPES).join(' '),
      acrValues: acrList('NIVA_OIDC_ACR_VALUES', s.NIVA_OIDC_ACR_VALUES),
      roleAcr: roleAcr(s.NIVA_OIDC_ROLE_ACR),
      resources,
      rules: parseRules(s.NIVA_OIDC_RULES, resources),
      allowInsecure: insecure,
    },
  };
}
