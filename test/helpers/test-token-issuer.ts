import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Config } from '../../src/platform/config/config.ts';
import { machineTokenSettings } from '../../src/platform/config/machine-token-settings.ts';
import { type TokenScope, tokenScopes } from '../../src/platform/domain/roles.ts';
import { parseAllowList } from '../../src/platform/net/outbound-allow.ts';
import { testEpoch } from './factories.ts';

/** The name the test issuer is reached by: the test resolver sends it to 127.0.0.1, and only it is allowed out. */
export const testIssuerHost = 'issuer.m2m.test';
export const testAudience = 'https://niva.test.niva.no/';

/** The issuer scope the test configuration maps to a Nivå scope: `cases:write` ↔ `altinn:niva/cases.write`. */
export function issuerScope(scope: TokenScope): string {
  return `altinn:niva/${scope.replace(':', '.')}`;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export interface TokenOptions {
  /** The organisation number the `consumer` claim names. */
  orgNumber: string;
  /** Issuer scopes (`scope`, space-separated); none by default. */
  scopes?: readonly string[];
  /** Claims to add or replace; `undefined` removes one (e.g. `exp`). */
  claims?: Record<string, unknown>;
  /** When the token is issued, epoch ms; the test epoch by default, which is the test app's clock. */
  issuedAt?: number;
  lifetimeSeconds?: number;
  /** Sign with a key the issuer does not publish. */
  key?: SigningKey;
}

export interface TestTokenIssuer {
  /** Its identifier, with a trailing slash as Maskinporten's has. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** How many times the key set was asked for. */
  readonly jwksRequests: number;
  /** The test resolver's names for the app: the issuer's host at 127.0.0.1. */
  readonly names: Readonly<Record<string, readonly string[]>>;
  /** App settings: the NIVA_M2M_ settings through the real parser, and the issuer's host in the outbound allow-list. */
  config(env?: Record<string, string>): Partial<Config>;
  /** A signed access token shaped like Maskinporten's. */
  token(options: TokenOptions): Promise<string>;
  /** The claims `token` signs, for tokens made otherwise (unsigned, HMAC). */
  claims(options: TokenOptions): Record<string, unknown>;
  /** The public key the issuer signs with, as it publishes it. */
  readonly publicJwk: JWK;
  /** A new key, published beside the old one and used from now on, as an issuer rotating its keys does. */
  rotate(): Promise<void>;
  /** A key of the same kind that the issuer does not publish. */
  foreignKey(kid: string): Promise<SigningKey>;
  /** Answer the key set's requests with this status from now on (200: the keys). */
  answerWith(status: number): void;
  close(): Promise<void>;
}

/** The scope map of the test configuration: every Nivå token scope, under its issuer name. */
const scopeMap = Object.keys(tokenScopes)
  .map((scope) => `${issuerScope(scope as TokenScope)}=${scope}`)
  .join(',');

/**
 * A machine-to-machine token issuer on this machine, in the manner of Maskinporten: a real HTTP server (random port on
 * 127.0.0.1) publishing a JWK set made with jose at `/jwk`, and tokens signed with its private key.
 */
export async function startTestTokenIssuer(): Promise<TestTokenIssuer> {
  let keys = [await signingKey(`key-${randomUUID()}`)];
  let jwksRequests = 0;
  let status = 200;
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/jwk') {
      res.writeHead(404).end();
      return;
    }
    jwksRequests += 1;
    if (status !== 200) res.writeHead(status, { 'content-type': 'text/plain' }).end('unavailable');
    else
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${testIssuerHost}:${port}/`;
  const jwksUrl = `${issuer}jwk`;
  const current = (): SigningKey => keys[keys.length - 1] as SigningKey;

  const claims = (options: TokenOptions): Record<string, unknown> => {
    const iat = Math.floor((options.issuedAt ?? testEpoch) / 1000);
    const all: Record<string, unknown> = {
      iss: issuer,
      aud: testAudience,
      scope: (options.scopes ?? []).join(' '),
      client_amr: 'private_key_jwt',
      token_type: 'Bearer',
      iat,
      exp: iat + (options.lifetimeSeconds ?? 120),
      client_id: randomUUID(),
      jti: base64url.encode(randomUUID()),
      consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${options.orgNumber}` },
      ...options.claims,
    };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  };

  return {
    issuer,
    jwksUrl,
    get jwksRequests() {
      return jwksRequests;
    },
    names: { [testIssuerHost]: ['127.0.0.1'] },
    config(env = {}) {
      return {
        machineTokens: machineTokenSettings({
          NIVA_M2M_ISSUER: issuer,
          NIVA_M2M_JWKS_URL: jwksUrl,
          NIVA_M2M_AUDIENCE: testAudience,
          NIVA_M2M_SCOPES: scopeMap,
          ...env,
        }),
        outboundAllow: parseAllowList(testIssuerHost),
      };
    },
    claims,
    async token(options) {
      const key = options.key ?? current();
      return new SignJWT(claims(options)).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
    },
    get publicJwk() {
      return current().publicJwk;
    },
    async rotate() {
      keys = [...keys, await signingKey(`key-${randomUUID()}`)];
    },
    foreignKey: signingKey,
    answerWith(next) {
      status = next;
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
